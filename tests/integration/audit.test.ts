import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { verifyAudit } from '../../electron/core/audit-log';
import { dispatch } from '../../electron/core/dispatch';
import { ADMIN_PASSWORD, expectOk, ManualClock, setupCentre, staff, tempCore } from '../helpers';

async function auditedCore() {
  const clock = new ManualClock();
  const { core, file } = tempCore(clock);
  const { adminToken } = await setupCentre(core);
  for (let i = 0; i < 5; i++) await expectOk(core, 'users.list', {}, { token: adminToken });
  return { core, file, adminToken, clock };
}

function tamper(core: ReturnType<typeof tempCore>['core'], statement: string) {
  core.db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  core.db.exec(statement);
}

const verify = (core: Core) => verifyAudit(core.db, core.keys.audit, core.auditHead.file);

/**
 * The review's attack, with the database file in hand: recompute every hash from the first entry
 * on (as the old unkeyed chain did, or with a key of the attacker's own), and sqlite_sequence.
 */
function recomputeChain(core: Core, digest: () => Hash | Hmac) {
  const rows = core.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
  let prev = '0'.repeat(64);
  const update = core.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const canonical = JSON.stringify([r.seq, r.at, r.centre_id, r.workstation_id, r.user_id, r.username, r.roles, r.method, r.record_ids, r.outcome, r.sensitive]);
    const hash = digest().update(prev).update('\n').update(canonical).digest('hex');
    update.run(prev, hash, r.seq);
    prev = hash;
  }
  core.db.prepare("UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM audit_log) WHERE name = 'audit_log'").run();
}

describe('audit chain', () => {
  it('verifies an untouched log: keyed chain, chain and head file all pass', async () => {
    const { core } = await auditedCore();
    expect(verify(core)).toMatchObject({ ok: true, firstBroken: null });
    expect(verify(core).checks.map((c) => [c.name, c.ok])).toEqual([['keyed-from', true], ['chain', true], ['head', true]]);
    expect(fs.statSync(core.auditHead.file).mode & 0o777).toBe(0o600);
  });

  it('finds the first edited entry', async () => {
    const { core } = await auditedCore();
    tamper(core, "UPDATE audit_log SET username = 'otro' WHERE seq = 4");
    expect(verify(core)).toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4, reason: 'hash-mismatch' } });
  });

  it('catches an edit whose whole chain was recomputed without the key, with SHA-256 or with another key', async () => {
    for (const digest of [() => createHash('sha256'), () => createHmac('sha256', Buffer.alloc(32, 7))]) {
      const { core } = await auditedCore();
      tamper(core, "UPDATE audit_log SET outcome = 'forbidden' WHERE seq = 3");
      recomputeChain(core, digest);
      const result = verify(core);
      expect(result.firstBroken).toEqual({ seq: 1, reason: 'hash-mismatch' });
      expect(result.checks.find((c) => c.name === 'chain')).toMatchObject({ ok: false, reason: 'hash-mismatch' });
    }
  });

  it('finds deleted entries in the middle and at the end', async () => {
    const { core } = await auditedCore();
    tamper(core, 'DELETE FROM audit_log WHERE seq = 5');
    expect(verify(core).firstBroken).toEqual({ seq: 6, reason: 'missing-entries' });
    const other = await auditedCore();
    const last = (other.core.db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    tamper(other.core, `DELETE FROM audit_log WHERE seq = ${last}`);
    expect(verify(other.core).firstBroken).toEqual({ seq: last, reason: 'tail-missing' });
  });

  it('catches a truncation that also rewrote sqlite_sequence: the head file names an entry the log lacks', async () => {
    const { core } = await auditedCore();
    const last = core.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    tamper(core, `DELETE FROM audit_log WHERE seq > ${last - 3}; UPDATE sqlite_sequence SET seq = ${last - 3} WHERE name = 'audit_log'`);
    const result = verify(core);
    expect(result.checks.find((c) => c.name === 'chain')!.ok).toBe(true); // the shorter chain is whole
    expect(result.firstBroken).toEqual({ seq: last - 2, reason: 'truncated' });
  });

  it('catches a forged or deleted head file, and a moved start of the keyed chain', async () => {
    const { core } = await auditedCore();
    const last = core.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    fs.appendFileSync(core.auditHead.file, `${last.seq + 5} ${last.hash} ${'ab'.repeat(32)}\n`);
    expect(verify(core).firstBroken).toEqual({ seq: last.seq + 5, reason: 'head-forged' });
    fs.rmSync(core.auditHead.file);
    expect(verify(core).firstBroken?.reason).toBe('head-missing');

    const other = await auditedCore();
    tamper(other.core, "UPDATE local_meta SET value = '999:' || substr(value, instr(value, ':') + 1) WHERE key = 'audit_chain'");
    expect(verify(other.core).firstBroken?.reason).toBe('marker-forged');
    tamper(other.core, "DELETE FROM local_meta WHERE key = 'audit_chain'");
    expect(verify(other.core).firstBroken?.reason).toBe('marker-missing');
  });

  it('lists entries newest first with filters by user, method and date, and pages', async () => {
    const { core, adminToken: firstToken, clock } = await auditedCore();
    await staff(core, firstToken, 'mlopez', ['clerk']);
    clock.advance(24 * 60);
    await dispatch(core, 'auth.login', { username: 'mlopez', password: 'equivocada' });
    const { token: adminToken } = await expectOk(core, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const byUser = await expectOk(core, 'audit.list', { username: 'mlopez' }, { token: adminToken });
    expect(byUser.entries.map((e) => e.method)).toEqual(['auth.login', 'auth.login']);
    expect(byUser.entries[0]!.outcome).toBe('auth.invalid-credentials');
    const byMethod = await expectOk(core, 'audit.list', { method: 'users.list' }, { token: adminToken });
    expect(byMethod.entries).toHaveLength(5);
    // 14:00Z is 08:00 in Guatemala: the first day is 2026-11-25, the login failure on the 26th.
    const day1 = await expectOk(core, 'audit.list', { from: '2026-11-25', to: '2026-11-25' }, { token: adminToken });
    expect(day1.entries.every((e) => e.at.startsWith('2026-11-25'))).toBe(true);
    const day2 = await expectOk(core, 'audit.list', { from: '2026-11-26' }, { token: adminToken });
    expect(day2.entries.map((e) => e.username)).toContain('mlopez');
    const page = await expectOk(core, 'audit.list', { limit: 3 }, { token: adminToken });
    expect(page.entries).toHaveLength(3);
    const next = await expectOk(core, 'audit.list', { limit: 3, beforeSeq: page.nextBeforeSeq! }, { token: adminToken });
    expect(next.entries[0]!.seq).toBe(page.entries[2]!.seq - 1);
  });

  it('marks reads of the audit log as sensitive', async () => {
    const { core, adminToken } = await auditedCore();
    await expectOk(core, 'audit.list', {}, { token: adminToken });
    const row = core.db.prepare("SELECT sensitive FROM audit_log WHERE method = 'audit.list'").get() as { sensitive: number };
    expect(row.sensitive).toBe(1);
  });
});

describe('audit entries people can read', () => {
  it('names the record opened by its case number, and a refresh of the same file within minutes is one entry', async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
    const { person } = await expectOk(core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Rosa', firstSurname: 'Pop' } }, { token: clerk });
    const reads = () => core.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'persons.get'").pluck().get() as number;
    for (let i = 0; i < 6; i++) {
      await expectOk(core, 'persons.get', { id: person.id }, { token: clerk }); // the case file refreshing
      await expectOk(core, 'flow.board', {}, { token: clerk });
      clock.advance(0.5);
    }
    expect(reads()).toBe(1);
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'flow.board'").pluck().get()).toBe(1);
    clock.advance(3);
    await expectOk(core, 'persons.get', { id: person.id }, { token: clerk });
    expect(reads()).toBe(2); // a new read after the window is a new entry
    await expectOk(core, 'auth.unlock', { password: ADMIN_PASSWORD }, { token: adminToken });
    const list = await expectOk(core, 'audit.list', { method: 'persons.get' }, { token: adminToken });
    expect(list.entries[0]!.records).toEqual([{ id: person.id, label: person.caseNumber }]);
  });

  it("answers who saw this person: the queue (sensitive), the board and a name search each name the people they showed", async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
    const officer = (await staff(core, adminToken, 'kgarcia', ['protection_officer'])).token;
    const manager = (await staff(core, adminToken, 'elopez', ['manager'])).token;
    const { person } = await expectOk(core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Rosa', firstSurname: 'Pop' } }, { token: clerk });
    const queue = await expectOk(core, 'screening.queue', {}, { token: officer });
    expect(queue.pending.map((p) => p.personId)).toContain(person.id);
    await expectOk(core, 'flow.board', {}, { token: manager });
    await expectOk(core, 'persons.search', { text: 'Rosa Pop' }, { token: clerk });
    const seen = core.db
      .prepare("SELECT method, username, sensitive FROM audit_log, json_each(audit_log.record_ids) r WHERE r.value = ? AND outcome = 'ok' AND method IN ('screening.queue', 'flow.board', 'persons.search') ORDER BY seq")
      .all(person.id);
    expect(seen).toEqual([
      { method: 'screening.queue', username: 'kgarcia', sensitive: 1 },
      { method: 'flow.board', username: 'elopez', sensitive: 0 },
      { method: 'persons.search', username: 'mlopez', sensitive: 0 },
    ]);
    await expectOk(core, 'auth.unlock', { password: ADMIN_PASSWORD }, { token: adminToken });
    const byCase = await expectOk(core, 'audit.list', { caseNumber: person.caseNumber }, { token: adminToken });
    const methods = byCase.entries.map((e) => `${e.username} ${e.method}`);
    expect(methods).toEqual(expect.arrayContaining(['kgarcia screening.queue', 'elopez flow.board', 'mlopez persons.search', 'mlopez persons.register']));
    expect(methods.some((m) => m.includes('users.create'))).toBe(false);
    const nobody = await expectOk(core, 'audit.list', { caseNumber: 'NO-EXISTE' }, { token: adminToken });
    expect(nobody.entries).toEqual([]);
  });
});
