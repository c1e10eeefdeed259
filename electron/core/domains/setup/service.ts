import { uuidv7 } from 'uuidv7';
import { createHlc } from '../../context';
import { insertRow } from '../../db/replicated';
import { seedAidTypes } from '../aid/types-service';
import { seedInstitutions } from '../institutions/service';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { SETTINGS_DEFAULTS } from '../settings/contract';
import { hashPassword } from '../../passwords';

/** The system account the CLI acts as; it has no password and cannot sign in. */
export const CLI_USERNAME = 'cli';

export const setupHandlers = {
  'setup.status': handle('setup.status', {
    run(ctx) {
      const identity = ctx.core.identity;
      const now = ctx.clock.now().toISOString();
      if (!identity) return { initialized: false, centre: null, workstationName: null, now };
      const centre = ctx.db
        .prepare('SELECT id, name, country, time_zone AS timeZone FROM centres WHERE id = ?')
        .get(identity.centreId) as { id: string; name: string; country: string; timeZone: string };
      if (ctx.actor.kind === 'anonymous')
        return { initialized: true, centre: { id: null, name: centre.name, country: null, timeZone: centre.timeZone }, workstationName: null, now };
      const ws = ctx.db.prepare('SELECT name FROM workstations WHERE id = ?').get(identity.workstationId) as {
        name: string;
      };
      return { initialized: true, centre, workstationName: ws.name, now };
    },
  }),

  'setup.init': handle('setup.init', {
    async prepare(ctx, input) {
      if (ctx.core.identity) throw new AppError('setup.already-done');
      return hashPassword(input.admin.password);
    },
    run(ctx, input, passwordHash) {
      if (ctx.core.identity) throw new AppError('setup.already-done');
      const centreId = uuidv7();
      const workstationId = uuidv7();
      ctx.db
        .prepare("INSERT INTO local_meta (key, value) VALUES ('centre_id', ?), ('workstation_id', ?)")
        .run(centreId, workstationId);
      ctx.core.identity = { centreId, workstationId };
      ctx.core.hlc = createHlc(ctx.db, workstationId, ctx.clock);
      ctx.onRollback(() => {
        ctx.core.identity = null;
        ctx.core.hlc = null;
      });

      insertRow(ctx, 'centres', { name: input.centre.name, country: input.centre.country, time_zone: input.centre.timeZone }, { id: centreId });
      insertRow(ctx, 'workstations', { name: input.workstationName }, { id: workstationId });
      const adminId = insertRow(ctx, 'users', {
        username: input.admin.username,
        display_name: input.admin.displayName,
        roles: JSON.stringify(['admin']),
        password_hash: passwordHash,
        locale: input.locale,
      });
      insertRow(ctx, 'users', {
        username: CLI_USERNAME,
        display_name: 'Línea de comandos',
        roles: JSON.stringify([]),
        password_hash: null,
        is_system: 1,
      });
      for (const [key, value] of Object.entries({ ...SETTINGS_DEFAULTS, defaultLocale: input.locale })) {
        insertRow(ctx, 'settings', { key, value: JSON.stringify(value) });
      }
      seedInstitutions(ctx);
      seedAidTypes(ctx);
      return { centreId, workstationId, adminId };
    },
  }),
};
