import type { ServiceContext } from '../../context';
import { insertRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import type { Erasure } from './contract';
import { closedCasesBefore, erasureOf, foldWal, personExists, scrubPerson } from './store';
import { readSettings } from '../settings/store';
import { translate } from '../../i18n/translate';

const toErasure = (personId: string, e: { reason: string; kind: string; erased_by: string; erased_at: string }): Erasure => ({
  personId,
  reason: e.reason,
  kind: e.kind as Erasure['kind'],
  erasedBy: e.erased_by,
  erasedAt: e.erased_at,
});

/** Records the erasure (it replicates) and erases the person's data on this desk. */
export function erasePerson(ctx: ServiceContext, personId: string, reason: string, kind: Erasure['kind']): Erasure & { rows: number } {
  if (!personExists(ctx.db, personId)) throw new AppError('erasure.not-found');
  if (erasureOf(ctx.db, personId)) throw new AppError('erasure.already');
  const at = ctx.clock.now().toISOString();
  const by = ctx.actor.username;
  insertRow(ctx, 'erasures', { person_id: personId, reason, kind, erased_by: by, erased_at: at });
  ctx.records.add(personId);
  const rows = scrubPerson(ctx.db, personId);
  return { personId, reason, kind, erasedBy: by, erasedAt: at, rows };
}

export const erasureHandlers = {
  'erasure.erase': handle('erasure.erase', { run: (ctx, input) => erasePerson(ctx, input.personId, input.reason, 'request'), afterCommit: (ctx) => foldWal(ctx.db) }),
  'erasure.retain': handle('erasure.retain', {
    run: (ctx) => {
      const years = readSettings(ctx.db).retentionYears;
      if (years <= 0) return { erased: 0, retentionYears: 0 };
      const now = ctx.clock.now();
      const before = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate())).toISOString();
      const due = closedCasesBefore(ctx.db, before);
      for (const personId of due) erasePerson(ctx, personId, translate(ctx.locale, 'erasureRetention', { years }), 'retention');
      return { erased: due.length, retentionYears: years };
    },
    afterCommit: (ctx) => foldWal(ctx.db),
  }),
  'erasure.status': handle('erasure.status', {
    run: (ctx, input) => {
      const e = erasureOf(ctx.db, input.personId);
      return e ? toErasure(input.personId, e) : null;
    },
  }),
};
