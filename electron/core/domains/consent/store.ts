import type { ConsentPurpose } from './contract';
import type { Database } from '../../db/driver';

/** The SQL of informed consent: decisions are append-only rows; the newest (by HLC) is in force. */

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

/** Every consent decision about a person, with who explained it and the institution's code. */
export function consentDecisions(db: Database, personId: string): Record<string, string | number | null>[] {
  return db
    .prepare(
      `SELECT c.*, u.display_name, i.code AS institution_code FROM consents c LEFT JOIN users u ON u.id = c.explained_by
       LEFT JOIN institutions i ON i.id = c.institution AND c.institution <> ''
       WHERE c.person_id = ? AND c.deleted_at IS NULL`,
    )
    .all(personId) as Record<string, string | number | null>[];
}
