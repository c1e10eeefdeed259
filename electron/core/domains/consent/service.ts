import type { ConsentPurpose } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow } from '../../db/replicated';
import { handle } from '../../handler';
import { loadInstitution, requireActiveInstitution } from '../institutions/service';
import { loadPersonRow } from '../persons/store';

// The consent in force and THE question every later feature asks (consentAllows) live in the
// store, beside their SQL; they are exported here too, where the other domains look for them.
import { consentState } from './store';

export { consentAllows, consentState } from './store';

/** Records consent decisions (inside the caller's transaction) and returns the consent in force. */
export function recordConsent(ctx: ServiceContext, personId: string, decisions: { purpose: ConsentPurpose; institution: string; granted: boolean }[], language: string, notes: string | null) {
  loadPersonRow(ctx, personId);
  // Sharing is always with a named institution of the directory: a new "yes" needs an active
  // one; a "no" (refusal or withdrawal) may name one retired since.
  for (const d of decisions) {
    if (d.purpose !== 'sharing') continue;
    if (d.granted) requireActiveInstitution(ctx, d.institution);
    // A "no" without an institution withdraws a generic sharing consent recorded before the directory.
    else if (d.institution) loadInstitution(ctx, d.institution);
  }
  const now = ctx.clock.now().toISOString();
  for (const d of decisions) {
    insertRow(ctx, 'consents', {
      person_id: personId,
      purpose: d.purpose,
      institution: d.purpose === 'sharing' ? d.institution : '',
      granted: d.granted ? 1 : 0,
      language,
      explained_by: ctx.actor.userId ?? ctx.actor.username,
      recorded_at: now,
      notes,
    });
  }
  return consentState(ctx.db, personId);
}

export const consentHandlers = {
  'consent.record': handle('consent.record', {
    run: (ctx, input) => recordConsent(ctx, input.personId, input.decisions, input.language, input.notes ?? null),
  }),
  'consent.withdraw': handle('consent.withdraw', {
    run(ctx, input) {
      const current = consentState(ctx.db, input.personId).find((c) => c.purpose === input.purpose && c.institution === input.institution);
      return recordConsent(ctx, input.personId, [{ purpose: input.purpose, institution: input.institution, granted: false }], current?.language ?? ctx.locale, input.notes);
    },
  }),
  'consent.status': handle('consent.status', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      return consentState(ctx.db, input.personId);
    },
  }),
};
