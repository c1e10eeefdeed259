import type { Command } from 'commander';
import type { Core } from '../../core/context';
import { dispatch } from '../../core/dispatch';
import { zonedDate } from '../../core/time';
import { loadDemoAid } from '../demo-aid';
import { loadDemoCare } from '../demo-care';
import { loadDemoHistory } from '../demo-history';
import { loadDemoMaintenance } from '../demo-maintenance';
import { loadDemoReferrals } from '../demo-referrals';
import { loadDemoAlerts } from '../demo-alerts';
import { loadDemoArrivals } from '../demo-arrivals';
import { loadDemoScreenings } from '../demo-screening';
import { DEMO_CENTRE, DEMO_PASSWORD, DEMO_STAFF } from '../demo-data';
import { callOk } from '../../core/testing/fixtures';
import { call, openCliCore, print, run, t, locale, type GlobalOptions } from '../runtime';

/**
 * Fills a database with demonstration data for every domain that exists. Safe to run twice:
 * what is already there is kept. Each later station adds its part here.
 */
export async function loadDemo(core: Core): Promise<{ users: string[]; persons: number }> {
  const [admin, ...staff] = DEMO_STAFF;
  if (!core.identity) {
    await call(core, 'setup.init', {
      centre: { name: DEMO_CENTRE.name, country: DEMO_CENTRE.country, timeZone: DEMO_CENTRE.timeZone },
      workstationName: DEMO_CENTRE.workstation,
      admin: { username: admin!.username, displayName: admin!.displayName, password: DEMO_PASSWORD },
      locale,
    });
  }
  const existing = new Set((await call(core, 'users.list', { includeDisabled: true })).map((u) => u.username));
  for (const member of staff) {
    if (existing.has(member.username)) continue;
    await call(core, 'users.create', { ...member, password: DEMO_PASSWORD });
  }
  // A morning's sign-ins (and one typo) so the audit viewer has something to show.
  for (const username of ['mlopez', 'jcaal', 'rperez', 'elopez']) {
    await callOk(core, 'auth.login', { username, password: DEMO_PASSWORD, locale });
  }
  await dispatch(core, 'auth.login', { username: 'kgarcia', password: 'contraseña-equivocada', locale });
  const today = zonedDate(core.clock.now(), DEMO_CENTRE.timeZone);
  const persons = await loadDemoArrivals(core, today);
  await loadDemoAlerts(core, today);
  await loadDemoScreenings(core, today);
  // The two weeks before today come before today's kits: their deliveries draw on their own
  // day's donations, and the inventory shows the lots as the kits demo leaves them.
  await loadDemoHistory(core, today);
  await loadDemoAid(core, today);
  await loadDemoCare(core, today);
  await loadDemoReferrals(core, today);
  // Last: the erasure and the first backup see everything the demo wrote.
  await loadDemoMaintenance(core, today);
  return { users: DEMO_STAFF.map((s) => s.username), persons };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Llena la base de datos con datos de demostración realistas')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions) =>
      run(options, async () => {
        const { core, file } = openCliCore(options);
        try {
          const result = await loadDemo(core);
          print(
            options,
            { db: file, password: DEMO_PASSWORD, ...result },
            t('cli.demoDone', { db: file, password: DEMO_PASSWORD, users: result.users.join(', ') }),
          );
        } finally {
          core.db.close();
        }
      }),
    );
}
