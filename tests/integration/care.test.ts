import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { deriveWrapKey, openSealedToMe, openWith, parseSecretWrap } from '../../electron/core/domains/care/crypto';
import { holdsSessionKeys } from '../../electron/core/domains/care/keyring';
import { ADMIN_PASSWORD, expectOk, ManualClock, openRaw, setupCentre, snapshot, staff, STAFF_PASSWORD, tempCore } from '../helpers';
import type { Role } from '../../electron/core/roles';

const walkIn = { route: 'land' as const, originCountry: 'MEX', date: '2026-11-25' };
const OWN_PASSWORD = 'mi-clave-propia-2026';
const CANARY = 'El canario amarillo canta a medianoche en Huehuetenango';

/** A clinician as a centre makes one: the admin creates the account, the clinician signs in and chooses their own password. */
async function clinician(core: ReturnType<typeof tempCore>['core'], adminToken: string, username: string, roles: Role[]) {
  const { token, id } = await staff(core, adminToken, username, roles);
  await expectOk(core, 'auth.changePassword', { currentPassword: STAFF_PASSWORD, newPassword: OWN_PASSWORD }, { token });
  return { token, id };
}

async function centre() {
  const clock = new ManualClock();
  const { core, file } = tempCore(clock);
  const { adminToken } = await setupCentre(core);
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  const social = (await staff(core, adminToken, 'tsocial', ['protection_officer'])).token;
  const manager = (await staff(core, adminToken, 'coordina', ['manager'])).token;
  const psych = await clinician(core, adminToken, 'dmejia', ['psychologist']);
  const health = await clinician(core, adminToken, 'enfermera', ['health']);
  return { core, file, clock, adminToken, clerk, social, manager, psych, health };
}
type Centre = Awaited<ReturnType<typeof centre>>;

async function register(c: Centre, givenNames = 'Ana', consent?: { purpose: string; granted: boolean }[]) {
  const result = await expectOk(c.core, 'persons.register', { walkIn, groupType: 'alone', person: { givenNames, firstSurname: 'Pop' } }, { token: c.clerk });
  if (consent) await expectOk(c.core, 'consent.record', { personId: result.person.id, language: 'es', decisions: consent.map((d) => ({ ...d, institution: '' })) } as never, { token: c.clerk });
  return result.person;
}

const failure = async (c: Centre, method: string, input: unknown, token: string) => {
  const result = await dispatch(c.core, method as never, input as never, { token });
  return result.ok ? null : result.error;
};

const POSITIVE_ASQ = { wishedDead: 'yes', betterOffDead: 'no', thoughtsOfKilling: 'yes', everTried: 'no', thoughtsNow: 'no' } as const;

describe('care (station 7)', () => {
  it('seals what was said: a canary in the notes is nowhere in the database, its WAL, the outbox, the audit or what other roles read', async () => {
    const c = await centre();
    const setup = await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    expect(setup.recoveryCode).toMatch(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/);
    const person = await register(c);
    const session = await expectOk(
      c.core,
      'care.record',
      { personId: person.id, kind: 'individual', notes: CANARY, concerns: ['detention_trauma', 'suicidal_ideation'], asq: POSITIVE_ASQ, plan: `Plan: ${CANARY}`, durationMinutes: 45 },
      { token: c.psych.token },
    );
    expect(session).toMatchObject({ kind: 'individual', unreadable: null, asqResult: 'non_acute', content: { form: 'session', notes: CANARY } });

    // The psychologist reads it back; the read is audited as sensitive, naming the record.
    const history = await expectOk(c.core, 'care.history', { personId: person.id }, { token: c.psych.token });
    expect(history[0]!.content).toMatchObject({ notes: CANARY, concerns: ['detention_trauma', 'suicidal_ideation'] });
    const audit = c.core.db.prepare("SELECT sensitive, record_ids FROM audit_log WHERE method = 'care.history' ORDER BY seq DESC LIMIT 1").get() as { sensitive: number; record_ids: string };
    expect(audit).toMatchObject({ sensitive: 1 });
    expect(audit.record_ids).toContain(session.id);

    // Everyone else: forbidden to read; the manager's case file says a session was held, no more.
    for (const token of [c.adminToken, c.manager, c.clerk, c.social]) expect((await failure(c, 'care.history', { personId: person.id }, token))?.code).toBe('forbidden');
    expect(await expectOk(c.core, 'care.history', { personId: person.id }, { token: c.health.token })).toEqual([]); // medical staff read medical notes only
    const file = await expectOk(c.core, 'persons.get', { id: person.id }, { token: c.manager });
    expect(file.timeline.find((e) => e.kind === 'care')).toMatchObject({ detail: { service: 'psychology', kind: 'individual', by: 'dmejia', minutes: 45 } });
    const facts = await expectOk(c.core, 'care.facts', { personId: person.id }, { token: c.manager });
    expect(facts.records).toHaveLength(1);
    const exports = [await expectOk(c.core, 'summary.export', { from: '2026-11-25', to: '2026-11-25' }, { token: c.manager }), await expectOk(c.core, 'summary.daily', { from: '2026-11-25' }, { token: c.manager })];
    const seenByOthers = JSON.stringify([file, facts, exports, await expectOk(c.core, 'flow.board', { date: '2026-11-25' }, { token: c.clerk })]);
    for (const secret of [CANARY, 'detention_trauma', 'wishedDead']) expect(seenByOthers).not.toContain(secret);

    // The bytes: the database file and its WAL (encrypted whole), and every row inside them.
    const dir = path.dirname(c.file);
    for (const name of readdirSync(dir).filter((n) => n.startsWith(path.basename(c.file)))) expect(readFileSync(path.join(dir, name)).includes(Buffer.from('canario'))).toBe(false);
    const raw = openRaw(c.file, { readonly: true });
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").pluck().all() as string[];
    for (const table of tables) {
      const text = JSON.stringify(raw.prepare(`SELECT * FROM ${table}`).all());
      expect(text.includes('canario'), `table ${table}`).toBe(false);
      expect(text.includes('detention_trauma'), `table ${table}`).toBe(false);
    }
    expect(tables).toEqual(expect.arrayContaining(['changes', 'audit_log', 'care_records']));
  });

  it('a positive risk screen flags the person for every role until an action is recorded, which also meets the screening deadline', async () => {
    const c = await centre();
    await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    const person = await register(c, 'Kevin');
    const screening = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { age: 30, travel_group: 'alone', self_harm: true } }, { token: c.social });
    expect(screening.level).toBe('red');
    const queue = await expectOk(c.core, 'care.queue', {}, { token: c.psych.token });
    expect(queue.screening.map((q) => q.personId)).toContain(person.id);
    expect(queue.screening[0]!.indicators).toContain('suicidal_ideation');

    await expectOk(c.core, 'care.record', { personId: person.id, kind: 'crisis', notes: 'Crisis', asq: { ...POSITIVE_ASQ, thoughtsNow: 'yes' } }, { token: c.psych.token });
    const board = await expectOk(c.core, 'flow.board', { date: '2026-11-25' }, { token: c.clerk });
    const row = board.rows.find((r) => r.personId === person.id)!;
    expect(row).toMatchObject({ urgentRisk: true, stages: { care: true } });
    expect(board.rows[0]!.personId).toBe(person.id); // heads the board
    const flags = await expectOk(c.core, 'care.riskFlags', {}, { token: c.social });
    expect(flags.map((f) => f.personId)).toEqual([person.id]);
    expect((await expectOk(c.core, 'care.riskFlags', {}, { token: c.manager })).length).toBe(1);
    expect((await expectOk(c.core, 'care.queue', {}, { token: c.psych.token })).urgent.map((u) => u.personId)).toEqual([person.id]);

    // Closing needs a recorded action; the screening's deadline is met with it.
    expect((await failure(c, 'care.closeRisk', { flagId: flags[0]!.flag.flagId, action: 'went_home' }, c.psych.token))?.code).toBe('input.invalid');
    expect((await failure(c, 'care.closeRisk', { flagId: flags[0]!.flag.flagId, action: 'safety_plan' }, c.social))?.code).toBe('forbidden');
    const closed = await expectOk(c.core, 'care.closeRisk', { flagId: flags[0]!.flag.flagId, action: 'hospital_transfer', details: 'Hospital Nacional de Huehuetenango' }, { token: c.psych.token });
    expect(closed).toMatchObject({ action: 'hospital_transfer', closedBy: 'dmejia' });
    expect((await failure(c, 'care.closeRisk', { flagId: flags[0]!.flag.flagId, action: 'safety_plan' }, c.psych.token))?.code).toBe('care.flag-closed');
    const after = (await expectOk(c.core, 'flow.board', { date: '2026-11-25' }, { token: c.clerk })).rows.find((r) => r.personId === person.id)!;
    expect(after.urgentRisk).toBe(false);
    expect(after.screening?.attendedAt).not.toBeNull();
    expect(await expectOk(c.core, 'care.riskFlags', {}, { token: c.social })).toEqual([]);
  });

  it('with the database file and the admin password alone, no note opens', async () => {
    const c = await centre();
    await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    const person = await register(c);
    await expectOk(c.core, 'care.record', { personId: person.id, kind: 'individual', notes: CANARY }, { token: c.psych.token });
    // The admin resets the psychologist's password, so now knows the account's password too.
    await expectOk(c.core, 'users.resetPassword', { id: c.psych.id, password: 'la-clave-del-admin-1' }, { token: c.adminToken });
    const raw = openRaw(c.file, { readonly: true });
    const record = raw.prepare('SELECT id, person_id, content FROM care_records').get() as { id: string; person_id: string; content: string };
    const candidates: Buffer[] = [];
    for (const secret of [ADMIN_PASSWORD, 'la-clave-del-admin-1', STAFF_PASSWORD]) {
      for (const row of raw.prepare('SELECT id, user_id, public_key, private_wrap FROM clinician_keys').all() as { id: string; user_id: string; public_key: string; private_wrap: string }[]) {
        const wrap = parseSecretWrap(row.private_wrap)!;
        const privateKey = openWith(await deriveWrapKey(secret, wrap), wrap.sealed, `clinician_keys|${row.id}|${row.user_id}`);
        if (privateKey) for (const g of raw.prepare('SELECT care_key_id, sealed FROM care_key_grants').all() as { care_key_id: string; sealed: string }[])
          candidates.push(openSealedToMe({ publicKey: row.public_key, privateKey }, g.sealed, `care_key_grants|${g.care_key_id}|${row.id}`) ?? Buffer.alloc(0));
      }
      for (const k of raw.prepare('SELECT id, recovery_wrap FROM care_keys').all() as { id: string; recovery_wrap: string }[]) {
        const wrap = parseSecretWrap(k.recovery_wrap)!;
        candidates.push(openWith(await deriveWrapKey(secret, wrap), wrap.sealed, `care_keys|${k.id}|recovery`) ?? Buffer.alloc(0));
      }
    }
    expect(candidates.filter((k) => k.length === 32)).toEqual([]);
    // And signing in as the psychologist with the password the admin set opens nothing either.
    const asAdminSet = await expectOk(c.core, 'auth.login', { username: 'dmejia', password: 'la-clave-del-admin-1' });
    const read = await expectOk(c.core, 'care.history', { personId: person.id }, { token: asAdminSet.token });
    expect(read[0]).toMatchObject({ content: null, unreadable: 'no-key' });
    expect(JSON.stringify(read)).not.toContain('canario');
    expect(record.content.startsWith('v1.')).toBe(true);
  });

  it('grant, password change, reset by an admin, recovery code and a revoked clinician', async () => {
    const c = await centre();
    const { recoveryCode } = await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    const person = await register(c);
    await expectOk(c.core, 'care.record', { personId: person.id, kind: 'individual', notes: CANARY }, { token: c.psych.token });
    const opens = async (token: string) => (await expectOk(c.core, 'care.history', { personId: person.id }, { token }))[0]!.content !== null;

    // A new colleague with the admin's initial password cannot receive the key yet.
    const newcomer = await staff(c.core, c.adminToken, 'psico2', ['psychologist']);
    expect((await failure(c, 'care.grant', { service: 'psychology', userId: newcomer.id }, c.psych.token))?.code).toBe('care.colleague-not-ready');
    expect((await failure(c, 'care.record', { personId: person.id, kind: 'pfa', notes: '' }, newcomer.token))?.code).toBe('care.no-key');
    await expectOk(c.core, 'auth.changePassword', { currentPassword: STAFF_PASSWORD, newPassword: OWN_PASSWORD }, { token: newcomer.token });
    expect(await opens(newcomer.token)).toBe(false);
    const access = await expectOk(c.core, 'care.grant', { service: 'psychology', userId: newcomer.id }, { token: c.psych.token });
    expect(access[0]!.colleagues.find((p) => p.userId === newcomer.id)).toMatchObject({ holds: true, ready: true });
    expect(await opens(newcomer.token)).toBe(true);
    // A health worker is no psychologist: refused.
    expect((await failure(c, 'care.grant', { service: 'psychology', userId: c.health.id }, c.psych.token))?.code).toBe('care.colleague-role');

    // A password change keeps the key (on the next sign-in too).
    await expectOk(c.core, 'auth.changePassword', { currentPassword: OWN_PASSWORD, newPassword: 'otra-clave-propia-99' }, { token: newcomer.token });
    expect(await opens(newcomer.token)).toBe(true);
    const again = await expectOk(c.core, 'auth.login', { username: 'psico2', password: 'otra-clave-propia-99' });
    expect(await opens(again.token)).toBe(true);

    // Locked: the keys leave memory; the password brings them back.
    await expectOk(c.core, 'auth.lock', {}, { token: again.token });
    await expectOk(c.core, 'auth.unlock', { password: 'otra-clave-propia-99' }, { token: again.token });
    expect(await opens(again.token)).toBe(true);

    // Reset by the admin: nothing opens, even after choosing a password of one's own again…
    await expectOk(c.core, 'users.resetPassword', { id: newcomer.id, password: 'clave-puesta-por-admin' }, { token: c.adminToken });
    const reset = await expectOk(c.core, 'auth.login', { username: 'psico2', password: 'clave-puesta-por-admin' });
    expect((await failure(c, 'care.recover', { service: 'psychology', recoveryCode }, reset.token))?.code).toBe('care.own-password');
    await expectOk(c.core, 'auth.changePassword', { currentPassword: 'clave-puesta-por-admin', newPassword: 'nueva-clave-propia-7' }, { token: reset.token });
    expect(await opens(reset.token)).toBe(false);
    // …until the recovery code (typed loosely) gives it back. A wrong code changes nothing.
    const before = snapshot(c.core);
    expect((await failure(c, 'care.recover', { service: 'psychology', recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' }, reset.token))?.code).toBe('care.wrong-recovery-code');
    expect(snapshot(c.core)).toEqual(before);
    await expectOk(c.core, 'care.recover', { service: 'psychology', recoveryCode: recoveryCode.toLowerCase().replace(/-/g, ' ') }, { token: reset.token });
    expect(await opens(reset.token)).toBe(true);

    // Revoked: at once, in the same session.
    await expectOk(c.core, 'care.revoke', { service: 'psychology', userId: newcomer.id }, { token: c.psych.token });
    expect(await opens(reset.token)).toBe(false);
    expect((await failure(c, 'care.record', { personId: person.id, kind: 'pfa', notes: '' }, reset.token))?.code).toBe('care.no-key');
    // Taking the role away takes the key too.
    await expectOk(c.core, 'care.grant', { service: 'psychology', userId: newcomer.id }, { token: c.psych.token });
    await expectOk(c.core, 'users.update', { id: newcomer.id, roles: ['clerk'] }, { token: c.adminToken });
    expect(c.core.db.prepare('SELECT count(*) FROM care_key_grants WHERE user_id = ? AND deleted_at IS NULL').pluck().get(newcomer.id)).toBe(0);
  });

  it('the idle lock, like the lock button, leaves no opened key in memory; the password opens them again', async () => {
    const c = await centre();
    await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    const person = await register(c);
    await expectOk(c.core, 'care.record', { personId: person.id, kind: 'individual', notes: CANARY }, { token: c.psych.token });
    const { sessionId } = await expectOk(c.core, 'auth.session', {}, { token: c.psych.token });
    expect(holdsSessionKeys(c.core, sessionId)).toBe(true);
    c.clock.advance(60); // past the idle lock
    expect((await failure(c, 'care.history', { personId: person.id }, c.psych.token))?.code).toBe('auth.session-locked');
    expect(holdsSessionKeys(c.core, sessionId)).toBe(false);
    await expectOk(c.core, 'auth.unlock', { password: OWN_PASSWORD }, { token: c.psych.token });
    expect((await expectOk(c.core, 'care.history', { personId: person.id }, { token: c.psych.token }))[0]!.content).toMatchObject({ notes: CANARY });
    await expectOk(c.core, 'auth.logout', {}, { token: c.psych.token });
    expect(holdsSessionKeys(c.core, sessionId)).toBe(false);
  });

  it('a session form left half-typed (the idle lock falls) is kept as a draft sealed under the care key, and opens again after unlocking', async () => {
    const c = await centre();
    await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    const person = await register(c);
    const key = `care-psychology:${person.id}`;
    await expectOk(c.core, 'drafts.save', { key, payload: { kind: 'individual', notes: CANARY } }, { token: c.psych.token });
    const stored = c.core.db.prepare('SELECT payload FROM form_drafts WHERE form_key = ?').pluck().get(key) as string;
    expect(stored).not.toContain('canario');
    expect(JSON.parse(stored)).toMatchObject({ sealed: expect.stringMatching(/^v1\./), careKeyId: expect.any(String) });
    await expectOk(c.core, 'auth.lock', {}, { token: c.psych.token });
    await expectOk(c.core, 'auth.unlock', { password: OWN_PASSWORD }, { token: c.psych.token });
    expect((await expectOk(c.core, 'drafts.get', { key }, { token: c.psych.token })).payload).toEqual({ kind: 'individual', notes: CANARY });
    // Without the key, nothing is written in the clear: the draft is refused.
    const newcomer = await staff(c.core, c.adminToken, 'psico3', ['psychologist']);
    const before = snapshot(c.core);
    expect((await failure(c, 'drafts.save', { key, payload: { notes: CANARY } }, newcomer.token))?.code).toBe('care.no-key');
    expect(snapshot(c.core)).toEqual(before);
    // Ordinary drafts are untouched.
    await expectOk(c.core, 'drafts.save', { key: 'registration:new', payload: { givenNames: 'Ana' } }, { token: c.clerk });
    expect((await expectOk(c.core, 'drafts.get', { key: 'registration:new' }, { token: c.clerk })).payload).toEqual({ givenNames: 'Ana' });
  });

  it('group first aid for a flight in one call; a person who declined is neither recorded nor queued', async () => {
    const c = await centre();
    await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await register(c, `Persona${'abcdef'[i]}`));
    const declined = await register(c, 'Rosa', [{ purpose: 'registration', granted: true }, { purpose: 'psychological_care', granted: false }]);
    expect((await expectOk(c.core, 'care.queue', {}, { token: c.psych.token })).present.map((p) => p.personId)).not.toContain(declined.id);
    const ids = [...people.map((p) => p.id), declined.id];
    const group = await expectOk(c.core, 'care.recordGroup', { personIds: ids, reactions: ['anxiety', 'crying'], durationMinutes: 40, notes: CANARY }, { token: c.psych.token });
    expect(group.count).toBe(6);
    expect((await expectOk(c.core, 'care.queue', {}, { token: c.psych.token })).present).toEqual([]);
    expect((await failure(c, 'care.record', { personId: declined.id, kind: 'pfa', notes: '' }, c.psych.token))?.code).toBe('care.declined');
    const read = await expectOk(c.core, 'care.history', { personId: people[0]!.id }, { token: c.psych.token });
    expect(read[0]).toMatchObject({ kind: 'pfa', groupId: group.groupId, durationMinutes: 40, content: { form: 'pfa', modality: 'group', reactions: ['anxiety', 'crying'], notes: CANARY } });
  });

  it('follow-ups: the next appointment shows on the day among "my follow-ups"', async () => {
    const c = await centre();
    await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    const person = await register(c);
    await expectOk(c.core, 'care.record', { personId: person.id, kind: 'individual', notes: 'Primera sesión', plan: 'Volver mañana', nextAppointmentAt: '2026-11-26T16:00:00.000Z' }, { token: c.psych.token });
    expect((await expectOk(c.core, 'care.queue', {}, { token: c.psych.token })).followUps).toEqual([]);
    c.clock.advance(24 * 60);
    c.core.db.prepare('UPDATE sessions SET created_at = ?, last_active_at = ? WHERE ended_at IS NULL').run(c.clock.now().toISOString(), c.clock.now().toISOString());
    const due = (await expectOk(c.core, 'care.queue', {}, { token: c.psych.token })).followUps;
    expect(due.map((f) => f.personId)).toEqual([person.id]);
    // A later session amends the plan: both versions stay.
    await expectOk(c.core, 'care.record', { personId: person.id, kind: 'individual', notes: 'Segunda sesión', plan: 'Plan revisado' }, { token: c.psych.token });
    const history = await expectOk(c.core, 'care.history', { personId: person.id }, { token: c.psych.token });
    expect(history.map((h) => h.content?.form === 'session' && h.content.plan)).toEqual(['Plan revisado', 'Volver mañana']);
    expect((await expectOk(c.core, 'care.queue', {}, { token: c.psych.token })).followUps).toEqual([]);
  });

  it('medical care: triage and medicines from the stock ledger, sealed under a key psychologists do not hold', async () => {
    const c = await centre();
    await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    await expectOk(c.core, 'care.setup', { service: 'medical' }, { token: c.health.token });
    const type = await expectOk(c.core, 'aid.createType', { code: 'paracetamol', category: 'medicine', nameEs: 'Paracetamol 500 mg', nameEn: 'Paracetamol 500 mg', unitEs: 'tableta', unitEn: 'tablet', usesStock: true, repeat: { kind: 'per_arrival' }, lowStock: 10 } as never, { token: c.manager });
    const typeId = type.id;
    const lot = await expectOk(c.core, 'stock.receive', { typeId, lotCode: 'P-01', donor: 'MSPAS', quantity: 20, expiry: '2027-06-30' } as never, { token: c.manager });
    const person = await register(c);
    await expectOk(c.core, 'care.medical', { personId: person.id, kind: 'triage', notes: CANARY, triage: { priority: 'priority', vitals: { systolic: 150, diastolic: 95, heartRate: 88, temperature: 37.2, respiratoryRate: 18, oxygenSaturation: 97 }, chronicIllness: 'Hipertensión', pregnancy: 'not_applicable' } }, { token: c.health.token });
    const lots = await expectOk(c.core, 'care.medicines', {}, { token: c.health.token });
    const lotId = lots[0]!.lotId;
    void lot;
    const attention = await expectOk(c.core, 'care.medical', { personId: person.id, kind: 'consultation', notes: 'Cefalea', attention: 'Consulta', medicines: [{ lotId, quantity: 6 }] }, { token: c.health.token });
    expect(attention.content).toMatchObject({ form: 'attention', medicines: [{ lotId, name: 'Paracetamol 500 mg', quantity: 6 }] });
    expect((await expectOk(c.core, 'care.medicines', {}, { token: c.health.token }))[0]!.balance).toBe(14);
    // Not enough: refused, nothing written.
    const before = snapshot(c.core);
    expect((await failure(c, 'care.medical', { personId: person.id, kind: 'first_aid', notes: '', medicines: [{ lotId, quantity: 15 }] }, c.health.token))?.code).toBe('care.not-enough-stock');
    expect(snapshot(c.core)).toEqual(before);
    // Each service reads its own.
    expect((await expectOk(c.core, 'care.history', { personId: person.id }, { token: c.health.token })).map((r) => r.kind)).toEqual(['consultation', 'triage']);
    expect(await expectOk(c.core, 'care.history', { personId: person.id }, { token: c.psych.token })).toEqual([]);
    // Medicines are no kit: the kits station does not offer them.
    expect((await expectOk(c.core, 'aid.types', {}, { token: c.manager })).map((t) => t.id)).not.toContain(typeId);
    expect((await expectOk(c.core, 'aid.types', { category: 'medicine' }, { token: c.manager })).map((t) => [t.id, t.category])).toEqual([[typeId, 'medicine']]);
    // Nor can a kit delivery hand one out.
    const stay = (await expectOk(c.core, 'flow.board', { date: '2026-11-25' }, { token: c.clerk })).rows.find((r) => r.personId === person.id)!.personArrivalId;
    expect((await failure(c, 'aid.deliver', { typeId, target: { personArrivalId: stay } }, c.clerk))?.code).toBe('aid.type-not-found');
  });

  it('bad input is refused with a translated message and changes nothing', async () => {
    const c = await centre();
    await expectOk(c.core, 'care.setup', { service: 'psychology' }, { token: c.psych.token });
    const person = await register(c);
    const before = snapshot(c.core);
    const bad = [
      { personId: person.id, kind: 'therapy', notes: '' },
      { personId: person.id, kind: 'individual', notes: '', durationMinutes: 0 },
      { personId: person.id, kind: 'individual', notes: 'x'.repeat(4001) },
      { personId: person.id, kind: 'individual', notes: '', concerns: ['boredom'] },
      { personId: person.id, kind: 'individual', notes: '', asq: { wishedDead: 'maybe' } },
      { personId: 'nobody', kind: 'pfa', notes: '' },
    ];
    for (const input of bad) {
      const error = await failure(c, 'care.record', input, c.psych.token);
      expect(error?.code, JSON.stringify(input)).toMatch(/input.invalid|persons.not-found/);
      expect(error?.message).toMatch(/[a-záéíóúñ]/);
    }
    const minutes = await failure(c, 'care.record', bad[1], c.psych.token);
    expect(minutes?.message).toContain('minutos');
    expect((await failure(c, 'care.recordGroup', { personIds: [] }, c.psych.token))?.message).toContain('asistencia');
    expect(snapshot(c.core)).toEqual(before);
    // A 500-character note is fine.
    await expectOk(c.core, 'care.record', { personId: person.id, kind: 'pfa', notes: 'ñ'.repeat(500) }, { token: c.psych.token });
  });
});
