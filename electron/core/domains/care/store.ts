import type { Database } from '../../db/driver';
import type { Service } from './contract';

/** The SQL of care: keys and grants, records, risk flags, and what the queue is made of. */

export interface ClinicianKeyRow {
  id: string;
  user_id: string;
  public_key: string;
  private_wrap: string;
}

/** A user's live key pair (the newest, should two desks have made one apart). */
export function liveClinicianKey(db: Database, userId: string): ClinicianKeyRow | undefined {
  return db.prepare('SELECT id, user_id, public_key, private_wrap FROM clinician_keys WHERE user_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1').get(userId) as ClinicianKeyRow | undefined;
}

export function liveClinicianKeyIds(db: Database, userId: string): string[] {
  return db.prepare('SELECT id FROM clinician_keys WHERE user_id = ? AND deleted_at IS NULL').pluck().all(userId) as string[];
}

export function liveGrantIdsOfUser(db: Database, userId: string): string[] {
  return db.prepare('SELECT id FROM care_key_grants WHERE user_id = ? AND deleted_at IS NULL').pluck().all(userId) as string[];
}

export interface CareKeyRow {
  id: string;
  service: Service;
  recovery_wrap: string;
}

/** The service's care keys, the first created first (two set up apart on two desks both stay). */
export function careKeyRows(db: Database, service: Service): CareKeyRow[] {
  return db.prepare('SELECT id, service, recovery_wrap FROM care_keys WHERE service = ? AND deleted_at IS NULL ORDER BY created_at, id').all(service) as CareKeyRow[];
}

export function liveGrant(db: Database, careKeyId: string, userId: string, clinicianKeyId: string): { id: string; sealed: string } | undefined {
  return db
    .prepare('SELECT id, sealed FROM care_key_grants WHERE care_key_id = ? AND user_id = ? AND clinician_key_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1')
    .get(careKeyId, userId, clinicianKeyId) as { id: string; sealed: string } | undefined;
}

/** Live grants of a service's keys to a user (any of their key pairs). */
export function grantsOfUser(db: Database, service: Service, userId: string): { id: string; care_key_id: string; clinician_key_id: string }[] {
  return db
    .prepare(
      `SELECT g.id, g.care_key_id, g.clinician_key_id FROM care_key_grants g JOIN care_keys k ON k.id = g.care_key_id
       WHERE k.service = ? AND g.user_id = ? AND g.deleted_at IS NULL`,
    )
    .all(service, userId) as { id: string; care_key_id: string; clinician_key_id: string }[];
}

/** The centre's active staff accounts with their roles and whether they chose their password. */
export function staff(db: Database, centreId: string): { id: string; display_name: string; roles: string; password_self_set: number }[] {
  return db
    .prepare('SELECT id, display_name, roles, password_self_set FROM users WHERE centre_id = ? AND deleted_at IS NULL AND disabled_at IS NULL AND is_system = 0 ORDER BY display_name COLLATE NOCASE')
    .all(centreId) as { id: string; display_name: string; roles: string; password_self_set: number }[];
}

export interface CareRow {
  id: string;
  person_id: string;
  person_arrival_id: string | null;
  service: Service;
  kind: string;
  group_id: string | null;
  held_at: string;
  duration_minutes: number;
  next_appointment_at: string | null;
  care_key_id: string;
  content: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

const CARE_SELECT = `SELECT r.*, coalesce(u.display_name, r.recorded_by) AS recorded_by_name FROM care_records r LEFT JOIN users u ON u.id = r.recorded_by WHERE r.deleted_at IS NULL`;

/** A person's records, newest first; of one service, or of all. */
export function careRowsOfPerson(db: Database, personId: string, service: Service | null = null): CareRow[] {
  return (
    service
      ? db.prepare(`${CARE_SELECT} AND r.person_id = ? AND r.service = ? ORDER BY r.held_at DESC, r.id DESC`).all(personId, service)
      : db.prepare(`${CARE_SELECT} AND r.person_id = ? ORDER BY r.held_at DESC, r.id DESC`).all(personId)
  ) as CareRow[];
}

export function careRowById(db: Database, id: string): CareRow | undefined {
  return db.prepare(`${CARE_SELECT} AND r.id = ?`).get(id) as CareRow | undefined;
}

export interface FlagRow {
  id: string;
  person_id: string;
  record_id: string;
  raised_by: string;
  raised_at: string;
  action: string | null;
  closed_by: string | null;
  closed_at: string | null;
}

const FLAG_SELECT = `SELECT f.id, f.person_id, f.record_id, coalesce(u.display_name, f.raised_by) AS raised_by, f.raised_at,
    a.action, coalesce(ua.display_name, a.recorded_by) AS closed_by, a.recorded_at AS closed_at
  FROM care_risk_flags f LEFT JOIN users u ON u.id = f.raised_by
  LEFT JOIN care_risk_actions a ON a.id = (SELECT id FROM care_risk_actions x WHERE x.flag_id = f.id AND x.deleted_at IS NULL ORDER BY x.recorded_at LIMIT 1)
  LEFT JOIN users ua ON ua.id = a.recorded_by
  WHERE f.deleted_at IS NULL`;

export function flagById(db: Database, id: string): FlagRow | undefined {
  return db.prepare(`${FLAG_SELECT} AND f.id = ?`).get(id) as FlagRow | undefined;
}

/** A person's newest risk flag (open or closed). */
export function latestFlagOfPerson(db: Database, personId: string): FlagRow | undefined {
  return db.prepare(`${FLAG_SELECT} AND f.person_id = ? ORDER BY f.raised_at DESC LIMIT 1`).get(personId) as FlagRow | undefined;
}

/** Open flags of the centre, newest first. */
export function openFlags(db: Database, centreId: string): FlagRow[] {
  return db.prepare(`${FLAG_SELECT} AND f.centre_id = ? AND a.id IS NULL ORDER BY f.raised_at DESC`).all(centreId) as FlagRow[];
}

/** Persons (of these) with an open risk flag: for the flow board. */
export function personsAtRisk(db: Database, personIds: readonly string[]): Set<string> {
  if (!personIds.length) return new Set();
  return new Set(
    db
      .prepare(
        `SELECT DISTINCT f.person_id FROM care_risk_flags f WHERE f.deleted_at IS NULL AND f.person_id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM care_risk_actions a WHERE a.flag_id = f.id AND a.deleted_at IS NULL)`,
      )
      .pluck()
      .all(JSON.stringify(personIds)) as string[],
  );
}

/** Stays (of these) with any care recorded: the flow board's care stage. */
export function staysWithCare(db: Database, stayIds: readonly string[]): Set<string> {
  if (!stayIds.length) return new Set();
  return new Set(
    db.prepare('SELECT DISTINCT person_arrival_id FROM care_records WHERE deleted_at IS NULL AND person_arrival_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(stayIds)) as string[],
  );
}

/** The newest consent decision of a person for a care purpose: true, false, or null (never asked). */
export function careConsent(db: Database, personId: string, purpose: 'psychological_care' | 'medical_care'): boolean | null {
  const granted = db.prepare("SELECT granted FROM consents WHERE person_id = ? AND purpose = ? AND institution = '' AND deleted_at IS NULL ORDER BY hlc DESC LIMIT 1").pluck().get(personId, purpose) as
    | number
    | undefined;
  return granted === undefined ? null : granted === 1;
}

/** Persons whose newest psychological-care consent is a no (they are not queued again). */
export function declinedPsychology(db: Database, personIds: readonly string[]): Set<string> {
  if (!personIds.length) return new Set();
  return new Set(
    db
      .prepare(
        `SELECT c.person_id FROM consents c WHERE c.purpose = 'psychological_care' AND c.institution = '' AND c.deleted_at IS NULL AND c.granted = 0
           AND c.person_id IN (SELECT value FROM json_each(?))
           AND c.hlc = (SELECT max(x.hlc) FROM consents x WHERE x.person_id = c.person_id AND x.purpose = 'psychological_care' AND x.institution = '' AND x.deleted_at IS NULL)`,
      )
      .pluck()
      .all(JSON.stringify(personIds)) as string[],
  );
}

/** Stays (of these) that psychology has seen: any psychology record on the stay. */
export function staysSeenByPsychology(db: Database, stayIds: readonly string[]): Set<string> {
  if (!stayIds.length) return new Set();
  return new Set(
    db
      .prepare("SELECT DISTINCT person_arrival_id FROM care_records WHERE service = 'psychology' AND deleted_at IS NULL AND person_arrival_id IN (SELECT value FROM json_each(?))")
      .pluck()
      .all(JSON.stringify(stayIds)) as string[],
  );
}

/** The newest psychology record of each of these persons. */
export function lastPsychologyAt(db: Database, personIds: readonly string[]): Map<string, string> {
  if (!personIds.length) return new Map();
  const rows = db
    .prepare("SELECT person_id, max(held_at) AS at FROM care_records WHERE service = 'psychology' AND deleted_at IS NULL AND person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id")
    .all(JSON.stringify(personIds)) as { person_id: string; at: string }[];
  return new Map(rows.map((r) => [r.person_id, r.at]));
}

/** The caller's appointments due by `until`, whose person had no later psychology record. */
export function followUpsDue(db: Database, userId: string, until: string): { person_id: string; next_appointment_at: string; held_at: string }[] {
  return db
    .prepare(
      `SELECT r.person_id, r.next_appointment_at, r.held_at FROM care_records r
       WHERE r.recorded_by = ? AND r.next_appointment_at IS NOT NULL AND r.next_appointment_at <= ? AND r.deleted_at IS NULL AND r.service = 'psychology'
         AND NOT EXISTS (SELECT 1 FROM care_records n WHERE n.person_id = r.person_id AND n.service = 'psychology' AND n.held_at > r.held_at AND n.deleted_at IS NULL)
       ORDER BY r.next_appointment_at`,
    )
    .all(userId, until) as { person_id: string; next_appointment_at: string; held_at: string }[];
}

/** Medicine lots with stock, earliest expiry first. */
export function medicineLots(db: Database, centreId: string): { lotId: string; name: string; lotCode: string; expiry: string | null; balance: number; typeId: string }[] {
  return db
    .prepare(
      `SELECT l.id AS lotId, t.name_es AS name, l.lot_code AS lotCode, l.expiry, b.balance, t.id AS typeId
       FROM stock_lots l JOIN aid_types t ON t.id = l.type_id JOIN stock_lot_balances b ON b.lot_id = l.id
       WHERE t.centre_id = ? AND t.category = 'medicine' AND t.deleted_at IS NULL AND l.deleted_at IS NULL AND b.balance > 0
       ORDER BY t.name_es COLLATE NOCASE, l.expiry IS NULL, l.expiry, l.received_at`,
    )
    .all(centreId) as { lotId: string; name: string; lotCode: string; expiry: string | null; balance: number; typeId: string }[];
}
