import type { Database } from '../../db/driver';

/** The SQL of the audit viewer: a page of the log, and the names of the records it mentions. */

export interface AuditRow {
  seq: number;
  at: string;
  username: string;
  roles: string;
  method: string;
  record_ids: string;
  outcome: string;
  sensitive: number;
  workstation_id: string | null;
}

/** Entries matching every condition of `where` (with their `params`), newest first, at most `limit`. */
export function auditPage(db: Database, where: readonly string[], params: readonly unknown[], limit: number): AuditRow[] {
  return db
    .prepare(
      `SELECT seq, at, username, roles, method, record_ids, outcome, sensitive, workstation_id FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
    )
    .all(...params, limit) as AuditRow[];
}

/** The ids under which a person appears in the log: the record (and any merged into it), stays, screenings, alert questions. */
export function recordIdsOfCase(db: Database, caseNumber: string): string[] {
  const person = db.prepare('SELECT id FROM persons WHERE case_number = ? COLLATE NOCASE').pluck().get(caseNumber) as string | undefined;
  if (!person) return [];
  const persons = [person, ...(db.prepare('SELECT id FROM persons WHERE merged_into = ?').pluck().all(person) as string[])];
  const marks = persons.map(() => '?').join(',');
  const more = (sql: string) => db.prepare(sql).pluck().all(...persons) as string[];
  return [
    ...persons,
    ...more(`SELECT id FROM person_arrivals WHERE person_id IN (${marks})`),
    ...more(`SELECT id FROM screenings WHERE person_id IN (${marks})`),
    ...more(`SELECT id FROM alert_matches WHERE person_id IN (${marks})`),
  ];
}

/** The case number of the person a record belongs to (the person, a stay, a screening, an alert question). */
export function caseNumberOfRecord(db: Database, id: string): string | undefined {
  const caseOf = (sql: string) => db.prepare(sql).pluck().get(id) as string | undefined;
  return (
    caseOf('SELECT case_number FROM persons WHERE id = ?') ??
    caseOf('SELECT p.case_number FROM person_arrivals pa JOIN persons p ON p.id = pa.person_id WHERE pa.id = ?') ??
    caseOf('SELECT p.case_number FROM screenings s JOIN persons p ON p.id = s.person_id WHERE s.id = ?') ??
    caseOf('SELECT p.case_number FROM alert_matches m JOIN persons p ON p.id = m.person_id WHERE m.id = ?')
  );
}

export function arrivalOfRecord(db: Database, id: string): { kind: string; carrier: string | null; reference: string | null; arrival_date: string } | undefined {
  return db.prepare('SELECT kind, carrier, reference, arrival_date FROM arrivals WHERE id = ?').get(id) as
    | { kind: string; carrier: string | null; reference: string | null; arrival_date: string }
    | undefined;
}
