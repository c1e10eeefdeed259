import type { Database } from '../../db/driver';
import type { ReferralStatus } from './contract';

/** The SQL of referrals: needs, referrals with their institution and steps, dismissed proposals. */

export function latestNeeds(db: Database, personId: string): { needs: string; recorded_at: string; recorded_by: string } | undefined {
  return db
    .prepare(
      `SELECT n.needs, n.recorded_at, coalesce(u.display_name, n.recorded_by) AS recorded_by FROM person_needs n LEFT JOIN users u ON u.id = n.recorded_by
       WHERE n.person_id = ? AND n.deleted_at IS NULL ORDER BY n.recorded_at DESC, n.hlc DESC LIMIT 1`,
    )
    .get(personId) as { needs: string; recorded_at: string; recorded_by: string } | undefined;
}

export interface ReferralRow {
  id: string;
  person_id: string;
  person_arrival_id: string | null;
  institution_id: string;
  institution_code: string;
  institution_name: string;
  service: string;
  priority: 'high' | 'normal';
  deadline_at: string;
  status: ReferralStatus;
  rule: string | null;
  parent_id: string | null;
  transport: string | null;
  apostille: 'required' | 'dispensed' | null;
  created_by: string;
  created_at: string;
}

const SELECT = `SELECT r.id, r.person_id, r.person_arrival_id, r.institution_id, i.code AS institution_code, i.name AS institution_name, r.service, r.priority,
    r.deadline_at, r.status, r.rule, r.parent_id, r.transport, r.apostille, coalesce(u.display_name, r.created_by) AS created_by, r.created_at
  FROM referrals r JOIN institutions i ON i.id = r.institution_id LEFT JOIN users u ON u.id = r.created_by
  WHERE r.deleted_at IS NULL`;

export function referralById(db: Database, id: string): ReferralRow | undefined {
  return db.prepare(`${SELECT} AND r.id = ?`).get(id) as ReferralRow | undefined;
}

export function referralsOfPerson(db: Database, personId: string): ReferralRow[] {
  return db.prepare(`${SELECT} AND r.person_id = ? ORDER BY r.created_at DESC`).all(personId) as ReferralRow[];
}

/** Open referrals (not closed, rejected or cancelled) of the centre, soonest deadline first. */
export function openReferrals(db: Database, centreId: string): ReferralRow[] {
  return db.prepare(`${SELECT} AND r.centre_id = ? AND r.status IN ('created', 'sent', 'received', 'attended') ORDER BY r.deadline_at`).all(centreId) as ReferralRow[];
}

export function listReferrals(db: Database, centreId: string, filter: { status?: string | undefined; institution?: string | undefined; limit: number }): ReferralRow[] {
  return db
    .prepare(`${SELECT} AND r.centre_id = ? AND (? IS NULL OR r.status = ?) AND (? IS NULL OR i.code = ? COLLATE NOCASE) ORDER BY r.created_at DESC LIMIT ?`)
    .all(centreId, filter.status ?? null, filter.status ?? null, filter.institution ?? null, filter.institution ?? null, filter.limit) as ReferralRow[];
}

export function eventsOf(db: Database, referralIds: readonly string[]): Map<string, { status: string; note: string | null; direct: number; by: string; at: string }[]> {
  const rows = db
    .prepare(
      `SELECT e.referral_id, e.status, e.note, e.direct, coalesce(u.display_name, e.recorded_by) AS by, e.recorded_at AS at
       FROM referral_events e LEFT JOIN users u ON u.id = e.recorded_by
       WHERE e.deleted_at IS NULL AND e.referral_id IN (SELECT value FROM json_each(?)) ORDER BY e.recorded_at, e.hlc`,
    )
    .all(JSON.stringify(referralIds)) as { referral_id: string; status: string; note: string | null; direct: number; by: string; at: string }[];
  const out = new Map<string, { status: string; note: string | null; direct: number; by: string; at: string }[]>();
  for (const r of rows) out.set(r.referral_id, [...(out.get(r.referral_id) ?? []), r]);
  return out;
}

/** Institution+service pairs already referred (open or not) or dismissed on this stay, or for the person when no stay. */
export function handledPairs(db: Database, personId: string, stayId: string | null): Set<string> {
  const referred = db
    .prepare(
      `SELECT i.code || '|' || r.service FROM referrals r JOIN institutions i ON i.id = r.institution_id
       WHERE r.person_id = ? AND r.deleted_at IS NULL AND r.status NOT IN ('cancelled') AND (r.person_arrival_id IS ? OR ? IS NULL)`,
    )
    .pluck()
    .all(personId, stayId, stayId) as string[];
  const dismissed = db
    .prepare(`SELECT institution_code || '|' || service FROM referral_dismissals WHERE person_id = ? AND deleted_at IS NULL AND (person_arrival_id IS ? OR ? IS NULL)`)
    .pluck()
    .all(personId, stayId, stayId) as string[];
  return new Set([...referred, ...dismissed]);
}

export interface Office {
  id: string;
  code: string;
  name: string;
  office_of: string | null;
  coverage: string;
}

/** The centre's active institutions and offices, by the institution code they answer for. */
export function officesByInstitution(db: Database, centreId: string): Map<string, Office[]> {
  const rows = db.prepare('SELECT id, code, name, office_of, coverage FROM institutions WHERE centre_id = ? AND deleted_at IS NULL AND active = 1').all(centreId) as Office[];
  const out = new Map<string, Office[]>();
  for (const r of rows) {
    const key = (r.office_of ?? r.code).toUpperCase();
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return out;
}

export function centreCountryAndName(db: Database, centreId: string): { country: string; name: string } {
  return db.prepare('SELECT country, name FROM centres WHERE id = ?').get(centreId) as { country: string; name: string };
}

/** Indicators of the person's latest screening (what the routes read). */
export function latestIndicators(db: Database, personId: string): string[] {
  const row = db.prepare('SELECT indicators FROM screenings WHERE person_id = ? AND deleted_at IS NULL ORDER BY screened_at DESC LIMIT 1').pluck().get(personId) as string | undefined;
  return row ? (JSON.parse(row) as string[]) : [];
}

export interface FollowUpRow {
  id: string;
  referral_id: string | null;
  channel: 'phone' | 'visit' | 'message';
  outcome: 'reached' | 'not_reached';
  note: string | null;
  next_at: string | null;
  by: string;
  at: string;
}

export function followUpsOf(db: Database, personId: string): FollowUpRow[] {
  return db
    .prepare(
      `SELECT f.id, f.referral_id, f.channel, f.outcome, f.note, f.next_at, coalesce(u.display_name, f.recorded_by) AS by, f.recorded_at AS at
       FROM follow_ups f LEFT JOIN users u ON u.id = f.recorded_by WHERE f.person_id = ? AND f.deleted_at IS NULL ORDER BY f.recorded_at DESC, f.hlc DESC`,
    )
    .all(personId) as FollowUpRow[];
}

export function latestClosure(db: Database, personId: string): { action: 'closed' | 'reopened'; recorded_at: string } | undefined {
  return db.prepare('SELECT action, recorded_at FROM case_closures WHERE person_id = ? AND deleted_at IS NULL ORDER BY recorded_at DESC, hlc DESC LIMIT 1').get(personId) as
    | { action: 'closed' | 'reopened'; recorded_at: string }
    | undefined;
}

/** Each person's newest follow-up whose next date is due by `until`. */
export function dueFollowUps(db: Database, centreId: string, until: string): { person_id: string; next_at: string }[] {
  return db
    .prepare(
      `SELECT f.person_id, f.next_at FROM follow_ups f
       WHERE f.centre_id = ? AND f.deleted_at IS NULL AND f.next_at IS NOT NULL AND f.next_at <= ?
         AND NOT EXISTS (SELECT 1 FROM follow_ups n WHERE n.person_id = f.person_id AND n.recorded_at > f.recorded_at AND n.deleted_at IS NULL)
       ORDER BY f.next_at`,
    )
    .all(centreId, until) as { person_id: string; next_at: string }[];
}

/** Per referral since a date: institution, status, deadline and when it was sent, received and attended. */
export function referralTimes(db: Database, centreId: string, since: string): { code: string; name: string; status: string; deadline_at: string; sent: string | null; received: string | null; attended: string | null }[] {
  return db
    .prepare(
      `SELECT i.code, i.name, r.status, r.deadline_at,
         (SELECT min(e.recorded_at) FROM referral_events e WHERE e.referral_id = r.id AND e.status = 'sent' AND e.deleted_at IS NULL) AS sent,
         (SELECT min(e.recorded_at) FROM referral_events e WHERE e.referral_id = r.id AND e.status = 'received' AND e.deleted_at IS NULL) AS received,
         (SELECT min(e.recorded_at) FROM referral_events e WHERE e.referral_id = r.id AND e.status = 'attended' AND e.deleted_at IS NULL) AS attended
       FROM referrals r JOIN institutions i ON i.id = r.institution_id
       WHERE r.centre_id = ? AND r.deleted_at IS NULL AND r.created_at >= ?`,
    )
    .all(centreId, since) as { code: string; name: string; status: string; deadline_at: string; sent: string | null; received: string | null; attended: string | null }[];
}

/** Of these stays: which have a referral (not cancelled), and which have one unsent past its deadline. */
export function referralStates(db: Database, stayIds: readonly string[], now: string): { referred: Set<string>; overdue: Set<string> } {
  if (!stayIds.length) return { referred: new Set(), overdue: new Set() };
  const rows = db
    .prepare(
      `SELECT person_arrival_id AS stay, max(status = 'created' AND deadline_at < ?) AS overdue FROM referrals
       WHERE deleted_at IS NULL AND status <> 'cancelled' AND person_arrival_id IN (SELECT value FROM json_each(?)) GROUP BY person_arrival_id`,
    )
    .all(now, JSON.stringify(stayIds)) as { stay: string; overdue: number }[];
  return { referred: new Set(rows.map((r) => r.stay)), overdue: new Set(rows.filter((r) => r.overdue).map((r) => r.stay)) };
}

export function routeVersionRows(db: Database, centreId: string): { version: number; routes: string; note: string | null; created_by: string; created_at: string }[] {
  return db
    .prepare(
      `SELECT v.version, v.routes, v.note, coalesce(u.display_name, v.created_by) AS created_by, v.created_at FROM referral_route_versions v LEFT JOIN users u ON u.id = v.created_by
       WHERE v.centre_id = ? AND v.deleted_at IS NULL ORDER BY v.version DESC, v.created_at DESC`,
    )
    .all(centreId) as { version: number; routes: string; note: string | null; created_by: string; created_at: string }[];
}

/** Persons with a stay that began since `since` (the preview's population). */
export function personsWithStaysSince(db: Database, centreId: string, since: string): { person_id: string; group_type: string }[] {
  return db
    .prepare(
      `SELECT pa.person_id, pa.group_type FROM person_arrivals pa JOIN arrivals a ON a.id = pa.arrival_id
       WHERE a.centre_id = ? AND a.arrival_date >= ? AND pa.deleted_at IS NULL AND pa.status <> 'no_show'
       GROUP BY pa.person_id`,
    )
    .all(centreId, since) as { person_id: string; group_type: string }[];
}
