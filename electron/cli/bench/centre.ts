import { openCore } from '../../core/core';
import type { Core } from '../../core/context';
import { initCentre } from '../../core/testing/fixtures';

/** The centre every benchmark starts from (admin `admin`). */
export const BENCH_CENTRE = {
  name: 'Bench',
  country: 'GTM',
  timeZone: 'America/Guatemala',
  workstationName: 'bench',
  admin: { username: 'admin', displayName: 'Admin', password: 'bench-password-123' },
};

/** A new centre in `file`, set up as a benchmark starts from (admin `admin`). */
export async function benchCentre(file: string): Promise<Core> {
  const core = openCore(file);
  await initCentre(core, BENCH_CENTRE);
  return core;
}
