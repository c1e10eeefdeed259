import { AppError } from '../../errors';
import { handle } from '../../handler';
import type { ServiceContext } from '../../context';
import { deleteDraft, forgetDraftsBefore, readDraft, writeDraft } from './store';

/** Drafts older than this are forgotten: a form left a week is not coming back. */
const KEEP_DAYS = 7;

function owner(ctx: ServiceContext): string {
  if (!ctx.actor.userId || ctx.actor.kind !== 'user') throw new AppError('auth.required');
  return ctx.actor.userId;
}

export const draftsHandlers = {
  'drafts.get': handle('drafts.get', {
    run(ctx, input) {
      const row = readDraft(ctx.db, owner(ctx), input.key);
      return row ? { payload: JSON.parse(row.payload) as Record<string, unknown>, savedAt: row.saved_at } : { payload: null, savedAt: null };
    },
  }),

  'drafts.save': handle('drafts.save', {
    run(ctx, input) {
      const now = ctx.clock.now();
      writeDraft(ctx.db, owner(ctx), input.key, input.payload, now.toISOString());
      forgetDraftsBefore(ctx.db, new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString());
      return { ok: true as const };
    },
  }),

  'drafts.discard': handle('drafts.discard', {
    run(ctx, input) {
      deleteDraft(ctx.db, owner(ctx), input.key);
      return { ok: true as const };
    },
  }),
};
