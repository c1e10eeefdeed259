import type { Database } from '../../db/driver';
import { presentSince, staying } from '../../presence';

/** The SQL of the kits station: who a delivery is for, deliveries with who gave and voided them, and the arrivals to serve. */

export interface TargetRow {
  pa_id: string;
  person_id: string;
  status: string;
  departed_at: string | null;
  merged_into: string | null;
  given_names: string;
  first_surname: string;
  second_surname: string | null;
}

export interface DeliveryRow {
  id: string;
  person_id: string;
  person_arrival_id: string;
  type_id: string;
  code: string;
  quantity: number;
  batch_id: string | null;
  repeat_reason: string | null;
  delivered_by: string;
  delivered_at: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

const DELIVERY_SELECT = `SELECT d.id, d.person_id, d.person_arrival_id, d.type_id, t.code, d.quantity, d.batch_id, d.repeat_reason,
    coalesce(u.display_name, d.delivered_by) AS delivered_by, d.delivered_at, d.voided_at, coalesce(v.display_name, d.voided_by) AS voided_by, d.void_reason
  FROM aid_deliveries d JOIN aid_types t ON t.id = d.type_id LEFT JOIN users u ON u.id = d.delivered_by LEFT JOIN users v ON v.id = d.voided_by
  WHERE d.deleted_at IS NULL`;

const TARGET_SELECT = `SELECT pa.id AS pa_id, pa.person_id, pa.status, pa.departed_at, p.merged_into, p.given_names, p.first_surname, p.second_surname
  FROM person_arrivals pa JOIN persons p ON p.id = pa.person_id WHERE pa.deleted_at IS NULL`;

const BY_NAME = 'ORDER BY p.first_surname COLLATE NOCASE, p.second_surname COLLATE NOCASE, p.given_names COLLATE NOCASE';

export function findDelivery(db: Database, centreId: string, id: string): DeliveryRow | undefined {
  return db.prepare(`${DELIVERY_SELECT} AND d.id = ? AND d.centre_id = ?`).get(id, centreId) as DeliveryRow | undefined;
}

export function deliveriesOfArrival(db: Database, arrivalId: string): DeliveryRow[] {
  return db.prepare(`${DELIVERY_SELECT} AND d.person_arrival_id IN (SELECT id FROM person_arrivals WHERE arrival_id = ?) ORDER BY d.delivered_at DESC`).all(arrivalId) as DeliveryRow[];
}

export function deliveriesOfPerson(db: Database, personId: string): DeliveryRow[] {
  return db.prepare(`${DELIVERY_SELECT} AND d.person_id = ? ORDER BY d.delivered_at DESC`).all(personId) as DeliveryRow[];
}

/** Everyone on an arrival, by name. */
export function targetsOfArrival(db: Database, arrivalId: string): TargetRow[] {
  return db.prepare(`${TARGET_SELECT} AND pa.arrival_id = ? ${BY_NAME}`).all(arrivalId) as TargetRow[];
}

/** A family travelling together on an arrival, by name. */
export function targetsOfFamily(db: Database, arrivalId: string, familyGroup: string): TargetRow[] {
  return db.prepare(`${TARGET_SELECT} AND pa.arrival_id = ? AND pa.family_group = ? ${BY_NAME}`).all(arrivalId, familyGroup) as TargetRow[];
}

export function targetsOfStay(db: Database, personArrivalId: string): TargetRow[] {
  return db.prepare(`${TARGET_SELECT} AND pa.id = ?`).all(personArrivalId) as TargetRow[];
}

/** When this stay last received this type (not voided), if it did. */
export function lastDeliveryInStay(db: Database, personArrivalId: string, typeId: string): string | null {
  return db
    .prepare('SELECT max(delivered_at) FROM aid_deliveries WHERE person_arrival_id = ? AND type_id = ? AND voided_at IS NULL AND deleted_at IS NULL')
    .pluck()
    .get(personArrivalId, typeId) as string | null;
}

/** When this person last received this type after `since` (not voided), if they did. */
export function lastDeliverySince(db: Database, personId: string, typeId: string, since: string): string | null {
  return db
    .prepare('SELECT max(delivered_at) FROM aid_deliveries WHERE person_id = ? AND type_id = ? AND delivered_at > ? AND voided_at IS NULL AND deleted_at IS NULL')
    .pluck()
    .get(personId, typeId, since) as string | null;
}

export interface ArrivalToServe {
  id: string;
  kind: 'flight' | 'bus' | 'walk_in';
  reference: string | null;
  carrier: string | null;
  originCountry: string;
  date: string;
  total: number;
  present: number;
}

/** Today's arrivals, and earlier ones with people still present (electron/core/presence.ts), newest first. */
export function arrivalsToServe(db: Database, centreId: string, day: string): ArrivalToServe[] {
  return db
    .prepare(
      `SELECT a.id, a.kind, a.reference, a.carrier, a.origin_country AS originCountry, a.arrival_date AS date,
         count(pa.id) AS total,
         coalesce(sum(${staying()}), 0) AS present
       FROM arrivals a LEFT JOIN person_arrivals pa ON pa.arrival_id = a.id AND pa.deleted_at IS NULL
       WHERE a.centre_id = ? AND a.deleted_at IS NULL AND a.arrival_date BETWEEN ? AND ?
       GROUP BY a.id
       HAVING a.arrival_date = ? OR present > 0
       ORDER BY a.arrival_date DESC, a.created_at DESC`,
    )
    .all(centreId, presentSince(day), day, day) as ArrivalToServe[];
}

// Kinds of kit and service.

export interface AidTypeRow {
  id: string;
  code: string;
  name_es: string;
  name_en: string;
  unit_es: string;
  unit_en: string;
  uses_stock: number;
  repeat_kind: 'per_arrival' | 'hours';
  repeat_hours: number | null;
  low_stock: number | null;
  active: number;
  category: 'aid' | 'medicine';
}

const AID_TYPE_SELECT =
  "SELECT id, code, name_es, name_en, unit_es, unit_en, uses_stock, repeat_kind, repeat_hours, low_stock, active, category FROM aid_types WHERE centre_id = ? AND deleted_at IS NULL";

/** A type by id: a kit or service, or (`kitsOnly` false: the stock's view) a medicine too. */
export function findAidType(db: Database, centreId: string, id: string, kitsOnly = true): AidTypeRow | undefined {
  return db.prepare(`${AID_TYPE_SELECT} AND id = ?${kitsOnly ? " AND category = 'aid'" : ''}`).get(centreId, id) as AidTypeRow | undefined;
}

export function hasAidTypes(db: Database, centreId: string): boolean {
  return db.prepare('SELECT 1 FROM aid_types WHERE centre_id = ? LIMIT 1').get(centreId) !== undefined;
}

/** The centre's types, active first in the order they were made; the inactive ones only when asked. */
export function listAidTypes(db: Database, centreId: string, includeInactive: boolean, category: 'aid' | 'medicine' | 'all' = 'aid'): AidTypeRow[] {
  const only = category === 'all' ? '' : `AND category = '${category === 'medicine' ? 'medicine' : 'aid'}'`;
  return db.prepare(`${AID_TYPE_SELECT} ${only} ${includeInactive ? '' : 'AND active = 1'} ORDER BY category, active DESC, rowid`).all(centreId) as AidTypeRow[];
}

export function aidTypeCodeTaken(db: Database, centreId: string, code: string): boolean {
  return db.prepare(`${AID_TYPE_SELECT} AND code = ?`).get(centreId, code) !== undefined;
}

// Belongings in custody.

export interface BelongingRow {
  id: string;
  person_id: string;
  person_arrival_id: string;
  given_names: string;
  first_surname: string;
  second_surname: string | null;
  case_number: string;
  departed_at: string | null;
  description: string;
  tag_number: string;
  photo: string | null;
  received_by: string;
  received_at: string;
  returned_at: string | null;
  returned_by: string | null;
  return_note: string | null;
}

const BELONGING_SELECT = `SELECT b.id, b.person_id, b.person_arrival_id, p.given_names, p.first_surname, p.second_surname, p.case_number, pa.departed_at,
    b.description, b.tag_number, b.photo, coalesce(u.display_name, b.received_by) AS received_by, b.received_at,
    b.returned_at, coalesce(r.display_name, b.returned_by) AS returned_by, b.return_note
  FROM belongings b JOIN persons p ON p.id = b.person_id JOIN person_arrivals pa ON pa.id = b.person_arrival_id
  LEFT JOIN users u ON u.id = b.received_by LEFT JOIN users r ON r.id = b.returned_by
  WHERE b.deleted_at IS NULL AND b.centre_id = ?`;

/** Belongings of the centre matching `where` (with `params`), in the order they were received. */
export function belongingRows(db: Database, centreId: string, where: string, params: readonly unknown[]): BelongingRow[] {
  return db.prepare(`${BELONGING_SELECT} AND ${where} ORDER BY b.received_at, b.tag_number`).all(centreId, ...params) as BelongingRow[];
}

/** Tag numbers of what one stay still has in custody. */
export function heldTagsOfStay(db: Database, personArrivalId: string): string[] {
  return db.prepare('SELECT tag_number FROM belongings WHERE person_arrival_id = ? AND returned_at IS NULL AND deleted_at IS NULL ORDER BY tag_number').pluck().all(personArrivalId) as string[];
}

/** Whether an item with this tag is held now (a tag is unique among items held). */
export function tagHeld(db: Database, centreId: string, tag: string): boolean {
  return db.prepare('SELECT 1 FROM belongings WHERE centre_id = ? AND tag_number = ? AND returned_at IS NULL AND deleted_at IS NULL').get(centreId, tag) !== undefined;
}

export interface DeliveryEventRow {
  delivered_at: string;
  voided_at: string | null;
  quantity: number;
  repeat_reason: string | null;
  void_reason: string | null;
  name_es: string;
  name_en: string;
  arrival_id: string;
}

/** A person's deliveries with their kind's names and the arrival, for the timeline. */
export function deliveriesForTimeline(db: Database, personId: string): DeliveryEventRow[] {
  return db
    .prepare(
      `SELECT d.delivered_at, d.voided_at, d.quantity, d.repeat_reason, d.void_reason, t.name_es, t.name_en, pa.arrival_id
       FROM aid_deliveries d JOIN aid_types t ON t.id = d.type_id JOIN person_arrivals pa ON pa.id = d.person_arrival_id
       WHERE d.person_id = ? AND d.deleted_at IS NULL`,
    )
    .all(personId) as DeliveryEventRow[];
}

export function belongingsForTimeline(db: Database, personId: string): { tag_number: string; description: string; received_at: string; returned_at: string | null }[] {
  return db
    .prepare('SELECT tag_number, description, received_at, returned_at FROM belongings WHERE person_id = ? AND deleted_at IS NULL')
    .all(personId) as { tag_number: string; description: string; received_at: string; returned_at: string | null }[];
}
