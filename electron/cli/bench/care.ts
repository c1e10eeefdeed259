import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { callAs, callOk } from '../../core/testing/fixtures';
import { benchCentre } from './centre';
import { percentile, type BenchRow } from './table';

const FLIGHT = 135;
const SESSIONS = 50;
const RUNS = 50;
const PASSWORD = 'bench-clinician-1';

const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * Station 7: opening one person's 50 sessions, each decrypted (care.history, p95 of 50 opens)
 * against reading the same 50 records without their content (care.facts); and first aid for a
 * 135-person flight in one care.recordGroup against the same flight recorded one care.record
 * call per person.
 */
export async function benchCare(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-bench-care-'));
  try {
    const core = await benchCentre(path.join(dir, 'care.db'));
    await callAs(core, ['admin'], 'users.create', { username: 'psico', displayName: 'Psicóloga', roles: ['psychologist'], password: 'bench-initial-12' });
    const first = await callOk(core, 'auth.login', { username: 'psico', password: 'bench-initial-12' });
    await callOk(core, 'auth.changePassword', { currentPassword: 'bench-initial-12', newPassword: PASSWORD }, { token: first.token });
    const token = { token: first.token };
    await callOk(core, 'care.setup', { service: 'psychology' }, token);

    const ids: string[] = [];
    for (let i = 0; i < FLIGHT; i++) {
      const { person } = await callAs(core, ['clerk'], 'persons.register', { walkIn: { route: 'air', originCountry: 'USA', date: '2026-11-25' }, groupType: 'alone', person: { givenNames: `Persona ${i}`, firstSurname: 'Banco' } } as never);
      ids.push(person.id);
    }
    const note = 'Notas de la sesión: '.padEnd(600, 'x');
    for (let i = 0; i < SESSIONS; i++) await callOk(core, 'care.record', { personId: ids[0]!, kind: 'individual', notes: note, concerns: ['anxiety', 'grief'], plan: 'Plan '.padEnd(300, 'p') }, token);

    const timed = async (body: () => Promise<unknown>) => {
      const start = performance.now();
      await body();
      return performance.now() - start;
    };
    const history: number[] = [];
    const facts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      history.push(await timed(() => callOk(core, 'care.history', { personId: ids[0]! }, token)));
      facts.push(await timed(() => callOk(core, 'care.facts', { personId: ids[0]! }, token)));
    }
    const group = await timed(() => callOk(core, 'care.recordGroup', { personIds: ids, reactions: ['anxiety'], notes: 'Contención grupal' }, token));
    const one = await timed(async () => {
      for (const personId of ids) await callOk(core, 'care.record', { personId, kind: 'pfa', notes: 'Contención' }, token);
    });
    core.db.close();
    const historyP95 = percentile(history, 95);
    return [
      { benchmark: `care.history: ${SESSIONS} sessions opened and decrypted (p95 of ${RUNS})`, result: ms(historyP95), comparison: `care.facts, same records without content: ${ms(percentile(facts, 95))}`, target: '≤ 20 ms', pass: historyP95 <= 20 },
      { benchmark: `care.recordGroup: first aid for a ${FLIGHT}-person flight`, result: ms(group), comparison: `${FLIGHT} care.record calls: ${ms(one)}`, target: '≤ 200 ms', pass: group <= 200 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
