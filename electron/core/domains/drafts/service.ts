import { AppError } from '../../errors';
import { handle } from '../../handler';
import type { ServiceContext } from '../../context';
import { z } from 'zod';
import { translate } from '../../i18n/translate';
import { openForCaller, sealForCaller } from '../care/keyring';
import { deleteDraft, forgetDraftsBefore, readDraft, writeDraft } from './store';

/** Drafts older than this are forgotten: a form left a week is not coming back. */
const KEEP_DAYS = 7;

/**
 * Drafts of care forms (keys `care-psychology:…`, `care-medical:…`) hold what a person told a
 * clinician: they are sealed under the clinician's care key (domains/care/keyring.ts), never
 * kept in the clear, and open only for a session that holds that key again.
 */
const careService = (key: string): 'psychology' | 'medical' | null => (key.startsWith('care-psychology:') ? 'psychology' : key.startsWith('care-medical:') ? 'medical' : null);
const draftAad = (userId: string, key: string) => `form_drafts|${userId}|${key}`;
const Sealed = z.object({ sealed: z.string(), careKeyId: z.string() });

function owner(ctx: ServiceContext): string {
  if (!ctx.actor.userId || ctx.actor.kind !== 'user') throw new AppError('auth.required');
  return ctx.actor.userId;
}

export const draftsHandlers = {
  'drafts.get': handle('drafts.get', {
    run(ctx, input) {
      const user = owner(ctx);
      const row = readDraft(ctx.db, user, input.key);
      if (!row) return { payload: null, savedAt: null };
      const stored = JSON.parse(row.payload) as Record<string, unknown>;
      if (!careService(input.key)) return { payload: stored, savedAt: row.saved_at };
      const sealed = Sealed.safeParse(stored);
      const text = sealed.success ? openForCaller(ctx, sealed.data.careKeyId, sealed.data.sealed, draftAad(user, input.key)) : null;
      return text ? { payload: JSON.parse(text) as Record<string, unknown>, savedAt: row.saved_at } : { payload: null, savedAt: null };
    },
  }),

  'drafts.save': handle('drafts.save', {
    run(ctx, input) {
      const now = ctx.clock.now();
      const user = owner(ctx);
      const service = careService(input.key);
      let payload: Record<string, unknown> = input.payload;
      if (service) {
        const sealed = sealForCaller(ctx, service, JSON.stringify(input.payload), draftAad(user, input.key));
        if (!sealed) throw new AppError('care.no-key', { service: translate(ctx.locale, `care.service.${service}`) });
        payload = sealed;
      }
      writeDraft(ctx.db, user, input.key, payload, now.toISOString());
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
