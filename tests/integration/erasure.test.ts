import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import type { Database } from '../../electron/core/db/driver';
import { syncOnce } from '../../electron/core/sync/engine';
import { callAs, callOk } from '../../electron/core/testing/fixtures';
import { joinDesk, registerFirstDesk, withClient } from '../../electron/core/testing/desks';
import { ManualClock, setupCentre, snapshot, tempCore, upstreamForFile } from '../helpers';

/**
 * Issue 20, item 6: erasure on request. The person's name, document, contacts and free text are
 * nowhere in the database afterwards — no table, no outbox payload, no search key — while the
 * statistics still count them and the alert decision stays; on another desk after sync; and in
 * the upstream's current state and history.
 */
const CANARY = 'Xochiquetzalli';
const DOC = '2987654321098';
const CLERK = ['clerk', 'manager'] as const;
const OFFICER = ['protection_officer'] as const;

const postgres = upstreamForFile();

/** Every value of every table that holds the canary (the outbox, indexes and drafts included). */
function whereIs(db: Database, needle: string): string[] {
  const found: string[] = [];
  for (const table of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
      for (const [col, value] of Object.entries(row))
        if ((typeof value === 'string' && value.includes(needle)) || (Buffer.isBuffer(value) && value.includes(needle.toLowerCase()))) found.push(`${table}.${col}`);
  }
  return [...new Set(found)];
}

async function personWithEverything(core: Core): Promise<{ personId: string; stayId: string }> {
  const { person, row } = (await callAs(core, CLERK, 'persons.register', {
    walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
    person: { givenNames: `María ${CANARY}`, firstSurname: CANARY, secondSurname: 'Tum', birthDate: '1991-04-12', sex: 'F', nationality: 'GTM', documentType: 'passport', documentNumber: DOC, phone: '+502 5555 1234', originCountry: 'GTM', originDepartment: 'Quiché', originMunicipality: 'Chichicastenango', languages: ['quc', 'es'] },
    consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }, { purpose: 'follow_up', institution: '', granted: true }, { purpose: 'replication', institution: '', granted: true }] },
  } as never)) as { person: { id: string }; row: { personArrivalId: string } };
  await callAs(core, CLERK, 'belongings.receive', { personArrivalId: row.personArrivalId, items: [{ description: `Mochila de ${CANARY} con documentos`, tagNumber: 'E-1' }] });
  const form = (await callAs(core, OFFICER, 'screening.form', { personId: person.id })).prefill;
  await callAs(core, OFFICER, 'screening.record', { personId: person.id, answers: { ...form, travel_group: 'alone', support_network: true, safe_place: true, distress: 'calm', notes: `Su hermana ${CANARY} la espera en Quiché` } as never });
  return { personId: person.id, stayId: row.personArrivalId };
}

describe('erasure on request', () => {
  it('removes the name, document, contacts and free text everywhere on the desk; counts stay; the audit says who and why, not what', async () => {
    const { core } = tempCore(new ManualClock());
    await setupCentre(core);
    const { personId } = await personWithEverything(core);
    expect(whereIs(core.db, CANARY).length).toBeGreaterThan(3);
    const summaryBefore = await callAs(core, ['manager'], 'summary.daily', { from: '2026-11-25' });
    // The search keys made from her name (phonetic, so the name itself is not in them).
    const keysOfBefore = core.db.prepare('SELECT key FROM person_keys WHERE person_id = ?').pluck().all(personId) as string[];
    expect(keysOfBefore.length).toBeGreaterThan(2);

    // Bad input and the wrong role change nothing, in Spanish.
    const before = snapshot(core);
    await expect(callAs(core, ['manager'], 'erasure.erase', { personId, reason: 'corto' })).rejects.toMatchObject({ error: { code: 'input.invalid' } });
    await expect(callAs(core, ['clerk'], 'erasure.erase', { personId, reason: 'La persona lo pidió por escrito el 25/11.' })).rejects.toMatchObject({ error: { code: 'forbidden' } });
    await expect(callAs(core, ['manager'], 'erasure.erase', { personId: 'no-existe', reason: 'La persona lo pidió por escrito el 25/11.' })).rejects.toMatchObject({ error: { code: 'erasure.not-found' } });
    expect(snapshot(core)).toEqual(before);

    const erased = await callAs(core, ['manager'], 'erasure.erase', { personId, reason: 'La persona lo pidió por escrito el 25/11 (solicitud 14).' });
    expect(erased.rows).toBeGreaterThan(3);
    // The log of pages as they were before is folded in and emptied at once, not at the daily check.
    expect(fs.statSync(`${core.db.name}-wal`).size).toBe(0);
    expect(whereIs(core.db, CANARY)).toEqual([]);
    expect(whereIs(core.db, DOC)).toEqual([]);
    expect(whereIs(core.db, '5555 1234')).toEqual([]);
    expect(whereIs(core.db, 'Chichicastenango')).toEqual([]);
    const keysBefore = keysOfBefore;
    const keysAfter = core.db.prepare('SELECT key FROM person_keys WHERE person_id = ?').pluck().all(personId) as string[];
    // Only the birth-year key may stay: the year is kept for the statistics.
    expect(keysAfter.filter((k) => keysBefore.includes(k) && !k.startsWith('y:'))).toEqual([]);
    // What statistics count stays: the same summary.
    expect(await callAs(core, ['manager'], 'summary.daily', { from: '2026-11-25' })).toEqual(summaryBefore);
    const person = core.db.prepare('SELECT given_names, birth_date, sex, nationality, origin_department FROM persons WHERE id = ?').get(personId);
    expect(person).toEqual({ given_names: '—', birth_date: '1991', sex: 'F', nationality: 'GTM', origin_department: 'Quiché' });
    // The audit: who erased whom, never the values; the erasure keeps the reason.
    const audit = core.db.prepare("SELECT username, record_ids FROM audit_log WHERE method = 'erasure.erase' AND outcome = 'ok'").get() as { username: string; record_ids: string };
    expect(JSON.parse(audit.record_ids)).toContain(personId);
    expect(await callAs(core, ['clerk'], 'erasure.status', { personId })).toMatchObject({ reason: 'La persona lo pidió por escrito el 25/11 (solicitud 14).', kind: 'request' });
    await expect(callAs(core, ['manager'], 'erasure.erase', { personId, reason: 'Otra vez, por si acaso.' })).rejects.toMatchObject({ error: { code: 'erasure.already' } });

    // A note typed afterwards on the erased case file is erased as it is written — here and in
    // what this desk will send — as it would be on every other desk when it arrives.
    const late = 'Llamó su tía Xochiquetzalli desde Quiché';
    await callAs(core, ['manager'], 'referrals.followUp', { personId, channel: 'phone', outcome: 'reached', note: late });
    expect(whereIs(core.db, 'Llamó su tía')).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM follow_ups WHERE person_id = ?').pluck().get(personId)).toBe(1);
  });

  it('replicates: the other desk and the upstream (current state and history) erase the same, and a late row is erased on arrival', async () => {
    const clocks = [new ManualClock(), new ManualClock()];
    const a = tempCore(clocks[0]).core;
    await callOk(a, 'setup.init', {
      centre: { name: 'Centro Borrado', country: 'GTM', timeZone: 'America/Guatemala' },
      workstationName: 'Mesa 1',
      admin: { username: 'admin', displayName: 'Ana Admin', password: 'admin-password-123' },
    });
    const url = await registerFirstDesk(a, postgres().adminUrl);
    const b = tempCore(clocks[1]).core;
    await joinDesk(b, url, 'Mesa 2');
    const { personId } = await personWithEverything(a);
    await syncOnce(a);
    await syncOnce(b);
    expect(whereIs(b.db, CANARY).length).toBeGreaterThan(0);
    // Before hearing of the erasure, desk A writes one more note about her.
    await callAs(a, OFFICER, 'screening.record', { personId, answers: { ...(await callAs(a, OFFICER, 'screening.form', { personId })).prefill, travel_group: 'alone', support_network: true, safe_place: true, distress: 'calm', notes: `Llamó ${CANARY} otra vez` } as never });
    await callAs(b, ['manager'], 'erasure.erase', { personId, reason: 'La persona lo pidió por escrito el 25/11 (solicitud 15).' });
    expect(whereIs(b.db, CANARY)).toEqual([]);
    for (let round = 0; round < 2; round++) for (const desk of [a, b]) await syncOnce(desk);
    expect(whereIs(a.db, CANARY)).toEqual([]);
    expect(whereIs(b.db, CANARY)).toEqual([]);
    expect(whereIs(a.db, DOC)).toEqual([]);
    await withClient(postgres().adminUrl, async (client) => {
      const current = await client.query("SELECT count(*) FROM acogida.current_rows WHERE data::text LIKE '%' || $1 || '%'", [CANARY]);
      const history = await client.query("SELECT count(*) FROM acogida.change_log WHERE payload::text LIKE '%' || $1 || '%'", [CANARY]);
      expect(Number(current.rows[0].count)).toBe(0);
      expect(Number(history.rows[0].count)).toBe(0);
      // Everything else in the history is still append-only.
      await expect(client.query('UPDATE acogida.change_log SET hlc = hlc')).rejects.toThrow(/append-only/);
    });
  }, 120_000);

  it('retention: closed cases older than the setting are anonymised by the schedule; open and recent ones stay', async () => {
    const clock = new ManualClock(Date.parse('2023-03-01T15:00:00Z'));
    const { core } = tempCore(clock);
    await setupCentre(core);
    const old = await personWithEverything(core);
    await callAs(core, ['manager'], 'referrals.setCase', { personId: old.personId, action: 'closed', reason: 'Necesidades atendidas' });
    clock.ms = Date.parse('2026-11-25T15:00:00Z');
    const recent = await callAs(core, CLERK, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
      person: { givenNames: 'Reciente', firstSurname: 'Cerrado', sex: 'M', nationality: 'GTM', languages: ['es'] },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
    } as never);
    await callAs(core, ['manager'], 'referrals.setCase', { personId: recent.person.id, action: 'closed', reason: 'Necesidades atendidas' });
    // Off by default: nothing happens.
    expect(await callAs(core, ['manager'], 'erasure.retain', {})).toEqual({ erased: 0, retentionYears: 0 });
    expect(whereIs(core.db, CANARY).length).toBeGreaterThan(0);
    await callAs(core, ['admin'], 'settings.update', { retentionYears: 3 });
    await expect(callAs(core, ['admin'], 'settings.update', { retentionYears: -1 } as never)).rejects.toMatchObject({ error: { code: 'input.invalid' } });
    expect(await callAs(core, ['manager'], 'erasure.retain', {})).toEqual({ erased: 1, retentionYears: 3 });
    expect(whereIs(core.db, CANARY)).toEqual([]);
    expect(await callAs(core, ['manager'], 'erasure.status', { personId: old.personId })).toMatchObject({ kind: 'retention', reason: expect.stringContaining('3 años') });
    expect(await callAs(core, ['manager'], 'erasure.status', { personId: recent.person.id })).toBeNull();
  });
});
