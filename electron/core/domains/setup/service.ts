import { uuidv7 } from 'uuidv7';
import { createHlc } from '../../context';
import { insertRow } from '../../db/replicated';
import { seedAidTypes } from '../aid/types-service';
import { seedInstitutions } from '../institutions/service';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { SETTINGS_DEFAULTS } from '../settings/contract';
import { hashPassword } from '../../passwords';
import { anyoneCanSignIn, readCentre, workstationName, writeIdentity } from './store';
import { kick, probe } from '../sync/service';
import { rememberUpstream } from '../../sync/connection';

/** The system account the CLI acts as; it has no password and cannot sign in. */
export const CLI_USERNAME = 'cli';

export const setupHandlers = {
  'setup.status': handle('setup.status', {
    run(ctx) {
      const identity = ctx.core.identity;
      const now = ctx.clock.now().toISOString();
      if (!identity) return { initialized: false, joining: false, centre: null, workstationName: null, now };
      const centre = readCentre(ctx.db, identity.centreId);
      // Joined, but the centre and its accounts have not arrived from the upstream yet.
      if (!centre || !anyoneCanSignIn(ctx.db)) return { initialized: true, joining: true, centre: null, workstationName: null, now };
      if (ctx.actor.kind === 'anonymous')
        return { initialized: true, joining: false, centre: { id: null, name: centre.name, country: null, timeZone: centre.timeZone }, workstationName: null, now };
      return { initialized: true, joining: false, centre, workstationName: workstationName(ctx.db, identity.workstationId), now };
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
      writeIdentity(ctx.db, centreId, workstationId);
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
  'setup.join': handle('setup.join', {
    async prepare(ctx, input) {
      if (ctx.core.identity) throw new AppError('setup.already-done');
      return probe(input.url, null, ctx.clock);
    },
    run(ctx, input, probed) {
      if (ctx.core.identity) throw new AppError('setup.already-done');
      const workstationId = uuidv7();
      writeIdentity(ctx.db, probed.centreId, workstationId);
      ctx.core.identity = { centreId: probed.centreId, workstationId };
      ctx.core.hlc = createHlc(ctx.db, workstationId, ctx.clock);
      ctx.onRollback(() => {
        ctx.core.identity = null;
        ctx.core.hlc = null;
      });
      insertRow(ctx, 'workstations', { name: input.workstationName }, { id: workstationId });
      rememberUpstream(ctx.core, input.url);
      kick(ctx.core);
      return { centreId: probed.centreId, workstationId, centreName: probed.name };
    },
  }),
};
