import type { Command } from 'commander';
import { COUNTRY_TIME_ZONES } from '../../core/domains/setup/contract';
import { AppError } from '../../core/errors';
import { call, CliUsageError, openCliCore, print, run, t, locale, type GlobalOptions } from '../runtime';
import { readPassword } from '../stdin';

interface InitOptions extends GlobalOptions {
  centre: string;
  country: string;
  admin: string;
  adminName?: string;
  timeZone?: string;
  workstation?: string;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Crea el centro, la identidad del puesto y la primera cuenta de administración (contraseña por stdin)')
    .requiredOption('--centre <name>', 'nombre del centro')
    .requiredOption('--country <iso3>', 'país del centro (GTM, HND, SLV, …)')
    .requiredOption('--admin <username>', 'usuario administrador')
    .option('--admin-name <name>', 'nombre completo del administrador')
    .option('--time-zone <tz>', 'zona horaria IANA (por defecto la del país)')
    .option('--workstation <name>', 'nombre de este puesto', 'Puesto 1')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: InitOptions) =>
      run(options, async () => {
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
