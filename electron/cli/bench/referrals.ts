import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bulkInserter } from '../../core/testing/bulk';
import { callAs } from '../../core/testing/fixtures';
import { benchCentre } from './centre';
import { percentile, type BenchRow } from './table';

const FLIGHT = 135;
const REFERRALS = Number(process.env.ACOGIDA_BENCH_REFERRALS ?? 100_000);
/** Open referrals among them (the rest closed, rejected or cancelled): a busy centre's live caseload. */
const OPEN = 300;
/** The people of earlier years the referrals belong to (about three each, as in the field). */
const EARLIER_PEOPLE = Math.ceil(REFERRALS / 3);
const RUNS = 30;
const SOCIAL = ['protection_officer'] as const;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * Station 8: the proposals for a whole 135-person arrival (the worklist, which proposes for
 * everyone present) against asking for each person's proposals one call at a time; and the
 * worklist p95 with REFERRALS referrals in the database, against listing the same open ones
 * without the proposals.
 */
export async function benchReferrals(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-bench-referrals-'));
  try {
    const core = await benchCentre(path.join(dir, 'referrals.db'));
    const today = new Date().toISOString().slice(0, 10);
    const groups = ['alone', 'family', 'unaccompanied_minor'] as const;
    const needs = [['work'], ['identity_document'], ['training', 'shelter'], []] as const;
    const ids: string[] = [];
    for (let i = 0; i < FLIGHT; i++) {
      const { person } = await callAs(core, ['clerk'], 'persons.register', {
        walkIn: { route: 'air', originCountry: 'USA', date: today },
        groupType: groups[i % 3],
        person: { givenNames: `Persona ${i}`, firstSurname: 'Banco', birthDate: i % 3 === 2 ? '2010-03-01' : '1990-03-01' },
      } as never);
      ids.push(person.id);
      if (needs[i % 4]!.length) await callAs(core, ['clerk'], 'referrals.recordNeeds', { personId: person.id, needs: [...needs[i % 4]!] });
    }

    const timed = async (body: () => Promise<unknown>) => {
      const start = performance.now();
      await body();
      return performance.now() - start;
    };
    await callAs(core, SOCIAL, 'referrals.worklist', {}); // warm the statement cache
    const flight: number[] = [];
    for (let i = 0; i < 5; i++) flight.push(await timed(() => callAs(core, SOCIAL, 'referrals.worklist', {})));
    const oneByOne = await timed(async () => {
      for (const personId of ids) await callAs(core, SOCIAL, 'referrals.proposals', { personId });
    });
    const proposals = (await callAs(core, SOCIAL, 'referrals.worklist', {})).proposals.reduce((n, r) => n + r.proposals.length, 0);

    // REFERRALS referrals of the years before, of people who came then, OPEN of them still open.
    const institutions = await callAs(core, SOCIAL, 'institutions.list', {});
    const centreId = core.identity!.centreId;
    const person = bulkInserter(core.db, 'persons', { centreId, origin: 'bench', at: '2025-06-01T12:00:00.000Z' });
    const earlier: string[] = [];
    core.db.transaction(() => {
      for (let i = 0; i < EARLIER_PEOPLE; i++) earlier.push(person({ id: `earlier-${i}`, case_number: `B-${i}`, given_names: 'Persona', first_surname: `Anterior ${i}` }).id);
    })();
    const insert = bulkInserter(core.db, 'referrals', { centreId, origin: 'bench', at: '2025-06-01T12:00:00.000Z' });
    const events = bulkInserter(core.db, 'referral_events', { centreId, origin: 'bench', at: '2025-06-01T12:00:00.000Z' });
    const statuses = ['closed', 'closed', 'closed', 'rejected', 'cancelled'] as const;
    core.db.transaction(() => {
      for (let i = 0; i < REFERRALS; i++) {
        const open = i < OPEN;
        const { id } = insert({
          person_id: earlier[i % earlier.length],
          institution_id: institutions[i % institutions.length]!.id,
          service: 'identity',
          priority: i % 7 === 0 ? 'high' : 'normal',
          deadline_at: new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString(),
          status: open ? (['created', 'sent', 'received', 'attended'] as const)[i % 4] : statuses[i % statuses.length],
          created_by: 'bench',
        });
        events({ referral_id: id, status: 'created', recorded_by: 'bench', recorded_at: '2025-06-01T12:00:00.000Z' });
      }
    })();
    core.db.exec('ANALYZE');
    const worklist: number[] = [];
    const listOnly: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      worklist.push(await timed(() => callAs(core, SOCIAL, 'referrals.worklist', {})));
      listOnly.push(await timed(() => callAs(core, SOCIAL, 'referrals.list', { status: 'sent', limit: 1000 })));
    }
    core.db.close();
    const flightMedian = percentile(flight, 50);
    const p95 = percentile(worklist, 95);
    return [
      { benchmark: `referrals.worklist: proposals for a ${FLIGHT}-person arrival (${proposals} proposals, median of 5)`, result: ms(flightMedian), comparison: `${FLIGHT} referrals.proposals calls: ${ms(oneByOne)}`, target: '≤ 200 ms', pass: flightMedian <= 200 },
      { benchmark: `referrals.worklist with ${REFERRALS.toLocaleString('en')} referrals (${OPEN} open), p95 of ${RUNS}`, result: ms(p95), comparison: `referrals.list of the sent ones: ${ms(percentile(listOnly, 95))}`, target: '≤ 50 ms', pass: p95 <= 50 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
