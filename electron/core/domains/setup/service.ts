import { uuidv7 } from 'uuidv7';
import { createHlc } from '../../context';
import { insertRow } from '../../db/replicated';
import { seedAidTypes } from '../aid/types-service';
import { seedInstitutions } from '../institutions/service';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { SETTINGS_DEFAULTS } from '../settings/contract';
import { hashPassword } from '../../passwords';
import { anyoneCanSignIn, readCentre, replaceWorkstationId, workstationName, writeIdentity, type RestoredFrom } from './store';
import type { ServiceContext } from '../../context';
import { forgetPushedAudit } from '../../sync/engine';
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

/**
 * A desk restored from a backup continues as a new workstation of its centre (issue 20). The copy
 * knows nothing of what the desk did after the backup — but the upstream and the other desks may,
 * and people may hold case and certificate numbers it issued. Under a new id:
 *
 * - the desk's own changes pushed after the backup are another desk's to it now, so the next
 *   sync pulls them back with their payload (a desk is never sent its own);
 * - its case and certificate numbers carry a new workstation code, so none is issued twice;
 * - its audit chain goes upstream as the new id's from the first entry; the old id's copy, which
 *   went further than the backup, stays as it was (append-only), and says what happened after.
 *
 * Returns null for a database that was never set up (nothing to continue).
 */
export function continueAsRestored(ctx: ServiceContext, backup: string): { workstationId: string; previousWorkstationId: string } | null {
  const identity = ctx.core.identity;
  if (!identity) return null;
  const previous = identity.workstationId;
  const workstationId = uuidv7();
  const restoredFrom: RestoredFrom = { backup, at: ctx.clock.now().toISOString(), previousWorkstationId: previous };
  replaceWorkstationId(ctx.db, workstationId, restoredFrom);
  const before = { identity: ctx.core.identity, hlc: ctx.core.hlc };
  ctx.core.identity = { centreId: identity.centreId, workstationId };
  ctx.core.hlc = createHlc(ctx.db, workstationId, ctx.clock);
  ctx.onRollback(() => {
    ctx.core.identity = before.identity;
    ctx.core.hlc = before.hlc;
  });
  insertRow(ctx, 'workstations', { name: workstationName(ctx.db, previous) }, { id: workstationId });
  forgetPushedAudit(ctx.db);
  ctx.records.add(previous);
  return { workstationId, previousWorkstationId: previous };
}
