import type { Command } from 'commander';
import { ROLES } from '../../core/roles';
import { AppError } from '../../core/errors';
import { call, openCliCore, print, run, t, type GlobalOptions } from '../runtime';
import { readPassword } from '../stdin';

interface AddOptions extends GlobalOptions {
  name?: string;
  roles: string;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('Cuentas del personal');

  users
    .command('add <username>')
    .description(`Crea una cuenta (contraseña por stdin). Roles: ${ROLES.join(', ')}`)
    .requiredOption('--roles <list>', 'roles separados por comas')
    .option('--name <name>', 'nombre completo')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((username: string, options: AddOptions) =>
      run(options, async () => {
        const password = await readPassword();
        const { core } = openCliCore(options);
        try {
          const roles = options.roles.split(',').map((r) => r.trim()).filter(Boolean);
          const user = await call(core, 'users.create', {
            username,
            displayName: options.name ?? username,
            roles: roles as never,
            password,
          });
          print(options, user, t('cli.userAdded', { username: user.username, roles: user.roles.join(', ') }));
        } finally {
          core.db.close();
        }
      }),
    );

  users
    .command('list')
    .description('Lista las cuentas')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions) =>
      run(options, async () => {
        const { core } = openCliCore(options);
        try {
          const list = await call(core, 'users.list', { includeDisabled: true });
          const text = list.length
            ? list.map((u) => `${u.username.padEnd(20)} ${u.displayName.padEnd(30)} ${u.roles.join(',')}${u.disabled ? ' (desactivado)' : ''}`).join('\n')
            : t('cli.noUsers');
          print(options, list, text);
        } finally {
          core.db.close();
        }
      }),
    );

  users
    .command('disable <username>')
    .description('Desactiva una cuenta y cierra sus sesiones')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((username: string, options: GlobalOptions) =>
      run(options, async () => {
        const { core } = openCliCore(options);
        try {
          const list = await call(core, 'users.list', { includeDisabled: true });
          const user = list.find((u) => u.username === username.toLowerCase());
          if (!user) throw new AppError('users.not-found');
          const updated = await call(core, 'users.setDisabled', { id: user.id, disabled: true });
          print(options, updated, t('cli.userDisabled', { username: updated.username }));
        } finally {
          core.db.close();
        }
      }),
    );
}
