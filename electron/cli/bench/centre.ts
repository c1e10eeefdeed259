import { openCore } from '../../core/core';
import type { Core } from '../../core/context';
import { dispatch } from '../../core/dispatch';

/** A new centre in `file`, set up as a benchmark starts from (admin `admin`). */
export async function benchCentre(file: string): Promise<Core> {
  const core = openCore(file);
  const init = await dispatch(core, 'setup.init', {
    centre: { name: 'Bench', country: 'GTM', timeZone: 'America/Guatemala' },
    workstationName: 'bench',
    admin: { username: 'admin', displayName: 'Admin', password: 'bench-password-123' },
  });
  if (!init.ok) throw new Error(init.error.message);
  return core;
}
