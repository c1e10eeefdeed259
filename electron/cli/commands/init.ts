import type { Command } from 'commander';
import { COUNTRY_TIME_ZONES } from '../../core/domains/setup/contract';
import { AppError } from '../../core/errors';
import { syncOnce } from '../../core/sync/engine';
import { call, CliUsageError, openCliCore, print, run, t, locale, type GlobalOptions } from '../runtime';
import { readPassword } from '../stdin';

interface InitOptions extends GlobalOptions {
  centre?: string;
  country?: string;
  admin?: string;
  adminName?: string;
  timeZone?: string;
  workstation?: string;
  join?: string;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Crea el centro, la identidad del puesto y la primera cuenta de administración (contraseña por stdin); con --join, une un puesto nuevo a un centro que ya existe')
    .option('--centre <name>', 'nombre del centro')
    .option('--country <iso3>', 'país del centro (GTM, HND, SLV, …)')
    .option('--admin <username>', 'usuario administrador')
    .option('--admin-name <name>', 'nombre completo del administrador')
    .option('--time-zone <tz>', 'zona horaria IANA (por defecto la del país)')
    .option('--workstation <name>', 'nombre de este puesto', 'Puesto 1')
    .option('--join <url>', 'dirección de conexión del servidor central del centro (de «acogida upstream add-centre»)')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: InitOptions) =>
      run(options, async () => {
        if (options.join !== undefined) return join(options, options.join);
        if (!options.centre || !options.country || !options.admin) throw new CliUsageError(t('cli.initNeedsCentre'));
        const country = options.country.toUpperCase();
        const timeZone = options.timeZone ?? COUNTRY_TIME_ZONES[country];
        if (!timeZone) throw new CliUsageError(t('cli.timeZoneNeeded', { country }));
        const password = await readPassword();
        const { core, file } = openCliCore(options);
        try {
          if (core.identity) throw new AppError('setup.already-done');
          const result = await call(core, 'setup.init', {
            centre: { name: options.centre, country, timeZone },
            workstationName: options.workstation ?? 'Puesto 1',
            admin: { username: options.admin, displayName: options.adminName ?? options.admin, password },
            locale,
          });
          print(options, { ...result, db: file }, t('cli.initDone', { centre: options.centre, admin: options.admin, db: file }));
        } finally {
          core.db.close();
        }
      }),
    );
}

/** A new desk of an existing centre: its identity, then the centre, its users and its data, pulled. */
async function join(options: InitOptions, url: string): Promise<void> {
  if (options.centre || options.country || options.admin) throw new CliUsageError(t('cli.joinOptions'));
  const { core, file } = openCliCore(options);
  try {
    if (core.identity) throw new AppError('setup.already-done');
    const workstation = options.workstation ?? 'Puesto 1';
    const joined = await call(core, 'setup.join', { url, workstationName: workstation });
    const counts = await syncOnce(core);
    print(
      options,
      { centre_id: joined.centreId, workstation_id: joined.workstationId, centre: joined.centreName, pulled: counts.pulled, db: file },
      t('cli.joinDone', { workstation, centre: joined.centreName, pulled: counts.pulled, db: file }),
    );
  } finally {
    core.db.close();
  }
}
