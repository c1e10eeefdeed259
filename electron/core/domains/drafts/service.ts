import { AppError } from '../../errors';
import { handle } from '../../handler';
import type { ServiceContext } from '../../context';

/** Drafts older than this are forgotten: a form left a week is not coming back. */
const KEEP_DAYS = 7;

function owner(ctx: ServiceContext): string {
  if (!ctx.actor.userId || ctx.actor.kind !== 'user') throw new AppError('auth.required');
  return ctx.actor.userId;
}

export const draftsHandlers = {
  'drafts.get': handle('drafts.get', {
    run(ctx, input) {
      const row = ctx.db.prepare('SELECT payload, saved_at FROM form_drafts WHERE user_id = ? AND form_key = ?').get(owner(ctx), input.key) as
        | { payload: string; saved_at: string }
        | undefined;
      return row ? { payload: JSON.parse(row.payload) as Record<string, unknown>, savedAt: row.saved_at } : { payload: null, savedAt: null };
    },
  }),

  'drafts.save': handle('drafts.save', {
    run(ctx, input) {
      const now = ctx.clock.now();
      ctx.db
        .prepare(
          `INSERT INTO form_drafts (user_id, form_key, payload, saved_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id, form_key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at`,
        )
        .run(owner(ctx), input.key, JSON.stringify(input.payload), now.toISOString());
      ctx.db.prepare('DELETE FROM form_drafts WHERE saved_at < ?').run(new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString());
      return { ok: true as const };
    },
  }),

  'drafts.discard': handle('drafts.discard', {
    run(ctx, input) {
      ctx.db.prepare('DELETE FROM form_drafts WHERE user_id = ? AND form_key = ?').run(owner(ctx), input.key);
      return { ok: true as const };
    },
  }),
};
