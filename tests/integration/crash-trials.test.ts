import { describe, expect, it } from 'vitest';
import { runTrials, trialsTable } from '../../electron/cli/trials/trials';

/**
 * The short version of `npm run trials` (issue 20, item 3): kill -9 of a process writing
 * registrations, manifest imports and whole-arrival deliveries, nine times on one file. After each:
 * integrity_check ok, every acknowledged write present, no manifest import half there.
 * Zone-independent, so it runs once, in the first zone.
 */
const FIRST_ZONE = 'UTC';

describe.runIf(!process.env.TZ || process.env.TZ === FIRST_ZONE)('crash trials', () => {
  it('nine kill -9 trials lose no acknowledged write and leave no half import', async () => {
    const results = await runTrials(Number(process.env.ACOGIDA_CI_TRIALS ?? 9), { seed: 19 });
    console.log(trialsTable(results));
    expect(results.filter((r) => r.outcome === 'killed').length).toBeGreaterThanOrEqual(results.length - 1);
    expect(results.reduce((n, r) => n + r.acknowledged, 0)).toBeGreaterThan(0);
    for (const r of results) expect(r, `trial ${r.trial} (${r.kind})`).toMatchObject({ integrity: 'ok', missing: 0, partialImports: 0 });
  }, 300_000);
});
