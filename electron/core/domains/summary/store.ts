import type { Database } from '../../db/driver';

/**
 * The SQL of the daily summary: counts over a period, never a name. `from`/`to` are calendar
 * dates of the centre (arrivals carry theirs); `start`/`end` the instants that bound those days
 * in the centre's time zone (for what is stamped with a time: deliveries, care, referrals).
 */

export function arrivalCounts(db: Database, centreId: string, from: string, to: string): { route: string; origin: string; n: number }[] {
  return db
    .prepare(
      `SELECT route, origin_country AS origin, count(*) AS n FROM arrivals
       WHERE centre_id = ? AND arrival_date BETWEEN ? AND ? AND deleted_at IS NULL GROUP BY route, origin_country`,
    )
    .all(centreId, from, to) as { route: string; origin: string; n: number }[];
}

export interface StayFacts {
  stay_id: string;
  person_id: string;
  status: 'expected' | 'arrived' | 'no_show';
  source: string;
  group_type: string;
  family_group: string | null;
  arrival_date: string;
  sex: string | null;
  birth_date: string | null;
  languages: string;
  interpreter_needed: number;
  disabilities: string;
  earlier_stays: number;
}

/** Every stay on the period's arrivals, with what the figures read of the person. */
export function stays(db: Database, centreId: string, from: string, to: string): StayFacts[] {
  return db
    .prepare(
      `SELECT pa.id AS stay_id, pa.person_id, pa.status, pa.source, pa.group_type, pa.family_group, a.arrival_date,
         p.sex, p.birth_date, p.languages, p.interpreter_needed, p.disabilities,
         (SELECT count(*) FROM person_arrivals e JOIN arrivals ea ON ea.id = e.arrival_id
           WHERE e.person_id = pa.person_id AND e.status = 'arrived' AND e.deleted_at IS NULL AND ea.arrival_date < a.arrival_date) AS earlier_stays
       FROM person_arrivals pa JOIN arrivals a ON a.id = pa.arrival_id JOIN persons p ON p.id = pa.person_id
       WHERE a.centre_id = ? AND a.arrival_date BETWEEN ? AND ? AND a.deleted_at IS NULL AND pa.deleted_at IS NULL AND p.deleted_at IS NULL`,
    )
    .all(centreId, from, to) as StayFacts[];
}

/** The colour (after any override), deadline and attention of each stay's latest screening. */
export function stayScreenings(db: Database, stayIds: readonly string[]): Map<string, { level: string; deadline_at: string; attended: number }> {
  const rows = db
    .prepare(
      `SELECT s.person_arrival_id AS stay,
         coalesce((SELECT o.to_level FROM screening_overrides o WHERE o.screening_id = s.id AND o.deleted_at IS NULL ORDER BY o.decided_at DESC LIMIT 1), s.level) AS level,
         coalesce((SELECT o.deadline_at FROM screening_overrides o WHERE o.screening_id = s.id AND o.deleted_at IS NULL ORDER BY o.decided_at DESC LIMIT 1), s.deadline_at) AS deadline_at,
         EXISTS (SELECT 1 FROM screening_attentions t WHERE t.screening_id = s.id AND t.deleted_at IS NULL) AS attended
       FROM screenings s
       WHERE s.deleted_at IS NULL AND s.person_arrival_id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM screenings n WHERE n.person_arrival_id = s.person_arrival_id AND n.screened_at > s.screened_at AND n.deleted_at IS NULL)`,
    )
    .all(JSON.stringify(stayIds)) as { stay: string; level: string; deadline_at: string; attended: number }[];
  return new Map(rows.map((r) => [r.stay, r]));
}

/** Of these persons: how many were checked against the alert lists, and their matches by status. */
export function alertCounts(db: Database, personIds: readonly string[]): { checked: number; pending: number; confirmed: number; dismissed: number } {
  const ids = JSON.stringify(personIds);
  const checked = db.prepare('SELECT count(DISTINCT person_id) FROM alert_checks WHERE deleted_at IS NULL AND person_id IN (SELECT value FROM json_each(?))').pluck().get(ids) as number;
  const rows = db
    .prepare("SELECT status, count(DISTINCT person_id) AS n FROM alert_matches WHERE deleted_at IS NULL AND status IN ('pending', 'confirmed', 'dismissed') AND person_id IN (SELECT value FROM json_each(?)) GROUP BY status")
    .all(ids) as { status: string; n: number }[];
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { checked, pending: by.pending ?? 0, confirmed: by.confirmed ?? 0, dismissed: by.dismissed ?? 0 };
}

export function deliveredByType(db: Database, centreId: string, start: string, end: string): { code: string; n: number }[] {
  return db
    .prepare(
      `SELECT t.code, sum(d.quantity) AS n FROM aid_deliveries d JOIN aid_types t ON t.id = d.type_id
       WHERE d.centre_id = ? AND d.delivered_at >= ? AND d.delivered_at < ? AND d.voided_at IS NULL AND d.deleted_at IS NULL GROUP BY t.code ORDER BY t.code`,
    )
    .all(centreId, start, end) as { code: string; n: number }[];
}

/** Stock types whose balance (unexpired lots included) is below their threshold now. */
export function lowStockCodes(db: Database, centreId: string): string[] {
  return db
    .prepare(
      `SELECT t.code FROM aid_types t
       WHERE t.centre_id = ? AND t.deleted_at IS NULL AND t.active = 1 AND t.uses_stock = 1 AND t.low_stock IS NOT NULL
         AND coalesce((SELECT sum(b.balance) FROM stock_lot_balances b WHERE b.type_id = t.id), 0) < t.low_stock
       ORDER BY t.code`,
    )
    .pluck()
    .all(centreId) as string[];
}

export function careCounts(db: Database, centreId: string, start: string, end: string): { pfa: number; sessions: number; medical: number; flags: number } {
  const r = db
    .prepare(
      `SELECT sum(kind = 'pfa') AS pfa, sum(service = 'psychology' AND kind <> 'pfa') AS sessions, sum(service = 'medical') AS medical
       FROM care_records WHERE centre_id = ? AND held_at >= ? AND held_at < ? AND deleted_at IS NULL`,
    )
    .get(centreId, start, end) as { pfa: number | null; sessions: number | null; medical: number | null };
  const flags = db.prepare('SELECT count(*) FROM care_risk_flags WHERE centre_id = ? AND raised_at >= ? AND raised_at < ? AND deleted_at IS NULL').pluck().get(centreId, start, end) as number;
  return { pfa: r.pfa ?? 0, sessions: r.sessions ?? 0, medical: r.medical ?? 0, flags };
}

export function referralCounts(db: Database, centreId: string, start: string, end: string, now: string): { status: string; code: string; overdue: number }[] {
  return db
    .prepare(
      `SELECT r.status, i.code, (r.status = 'created' AND r.deadline_at < ?) AS overdue FROM referrals r JOIN institutions i ON i.id = r.institution_id
       WHERE r.centre_id = ? AND r.created_at >= ? AND r.created_at < ? AND r.deleted_at IS NULL`,
    )
    .all(now, centreId, start, end) as { status: string; code: string; overdue: number }[];
}

export function centreName(db: Database, centreId: string): string {
  return db.prepare('SELECT name FROM centres WHERE id = ?').pluck().get(centreId) as string;
}

/** One row per person received in the period: the statistics export's raw material (no name, document, birth date or free text). */
export function exportRows(db: Database, centreId: string, from: string, to: string): { stay_id: string; person_id: string; birth_date: string | null; arrival_date: string; sex: string | null; department: string | null; nationality: string | null }[] {
  return db
    .prepare(
      `SELECT pa.id AS stay_id, p.id AS person_id, p.birth_date, a.arrival_date, p.sex, p.origin_department AS department, p.nationality
       FROM person_arrivals pa JOIN arrivals a ON a.id = pa.arrival_id JOIN persons p ON p.id = pa.person_id
       WHERE a.centre_id = ? AND a.arrival_date BETWEEN ? AND ? AND pa.status = 'arrived' AND a.deleted_at IS NULL AND pa.deleted_at IS NULL AND p.deleted_at IS NULL
       ORDER BY random()`,
    )
    .all(centreId, from, to) as { stay_id: string; person_id: string; birth_date: string | null; arrival_date: string; sex: string | null; department: string | null; nationality: string | null }[];
}

/** Kit and service codes delivered on these stays, and institution codes referred to for these persons. */
export function servicesAndReferrals(db: Database, stayIds: readonly string[], personIds: readonly string[]): { services: Map<string, string[]>; referrals: Map<string, string[]> } {
  const services = new Map<string, string[]>();
  for (const r of db
    .prepare('SELECT DISTINCT d.person_arrival_id AS id, t.code FROM aid_deliveries d JOIN aid_types t ON t.id = d.type_id WHERE d.voided_at IS NULL AND d.deleted_at IS NULL AND d.person_arrival_id IN (SELECT value FROM json_each(?)) ORDER BY t.code')
    .all(JSON.stringify(stayIds)) as { id: string; code: string }[])
    services.set(r.id, [...(services.get(r.id) ?? []), r.code]);
  const referrals = new Map<string, string[]>();
  for (const r of db
    .prepare("SELECT DISTINCT r.person_id AS id, i.code FROM referrals r JOIN institutions i ON i.id = r.institution_id WHERE r.deleted_at IS NULL AND r.status <> 'cancelled' AND r.person_id IN (SELECT value FROM json_each(?)) ORDER BY i.code")
    .all(JSON.stringify(personIds)) as { id: string; code: string }[])
    referrals.set(r.id, [...(referrals.get(r.id) ?? []), r.code]);
  return { services, referrals };
}

/** The centre's kit and service names by code, in one language (for the PDF). */
export function aidTypeNames(db: Database, centreId: string, locale: 'es' | 'en'): Record<string, string> {
  const rows = db.prepare('SELECT code, name_es, name_en FROM aid_types WHERE centre_id = ? AND deleted_at IS NULL').all(centreId) as { code: string; name_es: string; name_en: string }[];
  return Object.fromEntries(rows.map((r) => [r.code, locale === 'en' ? r.name_en : r.name_es]));
}
