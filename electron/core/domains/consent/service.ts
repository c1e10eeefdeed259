import type { ConsentPurpose } from './contract';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/driver';
import { insertRow } from '../../db/replicated';
import { handle } from '../../handler';
import { loadInstitution, requireActiveInstitution } from '../institutions/service';
import { loadPersonRow } from '../persons/store';

interface ConsentRow {
  purpose: ConsentPurpose;
  institution: string;
  granted: number;
  language: string;
  display_name: string | null;
  explained_by: string;
  recorded_at: string;
  notes: string | null;
  institution_code: string | null;
  institution_name: string | null;
}

/** The consent in force: the newest decision (by HLC) for each purpose and institution. */
export function consentState(db: Database, personId: string) {
  const rows = db
    .prepare(
      `SELECT c.purpose, c.institution, c.granted, c.language, c.explained_by, c.recorded_at, c.notes, u.display_name,
              i.code AS institution_code, i.name AS institution_name
       FROM consents c LEFT JOIN users u ON u.id = c.explained_by LEFT JOIN institutions i ON i.id = c.institution AND c.institution <> ''
       WHERE c.person_id = ? AND c.deleted_at IS NULL
         AND c.hlc = (SELECT max(c2.hlc) FROM consents c2 WHERE c2.person_id = c.person_id AND c2.purpose = c.purpose
                      AND c2.institution = c.institution AND c2.deleted_at IS NULL)
       ORDER BY c.purpose, c.institution`,
    )
    .all(personId) as ConsentRow[];
  return rows.map((r) => ({
    purpose: r.purpose,
    institution: r.institution,
    institutionCode: r.institution_code,
    institutionName: r.institution_name,
    granted: r.granted === 1,
    language: r.language,
    explainedBy: r.display_name ?? r.explained_by,
    recordedAt: r.recorded_at,
    notes: r.notes,
  }));
}

/**
 * THE question every later feature asks before using or sharing data: does this person's
 * consent, as it stands now, allow `purpose` (for `institution`, when sharing)? No record = no.
 */
export function consentAllows(db: Database, personId: string, purpose: ConsentPurpose, institution = ''): boolean {
  const row = db
    .prepare(
      `SELECT granted FROM consents WHERE person_id = ? AND purpose = ? AND institution = ? AND deleted_at IS NULL
       ORDER BY hlc DESC LIMIT 1`,
    )
    .get(personId, purpose, purpose === 'sharing' ? institution : '') as { granted: number } | undefined;
  return row?.granted === 1;
}

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
