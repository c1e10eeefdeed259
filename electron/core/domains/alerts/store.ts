import { POLICE_LISTS, PROTECTION_LISTS } from './contract';
import type { Database } from '../../db/driver';

/**
 * The SQL of alerts, beginning with what confirmed alerts mean for a person, as plain reads every station may ask (the flow board,
 * departure, screening, the timeline): a protection case, a hold. Never which list or record.
 */

const inList = (lists: readonly string[]) => lists.map((l) => `'${l}'`).join(',');

/** When each confirmed Alba-Keneth or Isabel-Claudina match of a person was decided. */
export function protectionDecisions(db: Database, personId: string): string[] {
  return db
    .prepare(
      `SELECT m.decided_at FROM alert_matches m JOIN alert_records r ON r.id = m.record_id
       WHERE m.person_id = ? AND m.status = 'confirmed' AND m.deleted_at IS NULL
         AND r.list_type IN (${inList(PROTECTION_LISTS)})`,
    )
    .pluck()
    .all(personId) as string[];
}

/** Confirmed warrant or Interpol matches of a person that no hand-over or release has ended yet. */
export function openHolds(db: Database, personId: string): { id: string; decided_at: string }[] {
  return db
    .prepare(
      `SELECT m.id, m.decided_at FROM alert_matches m JOIN alert_records r ON r.id = m.record_id
       WHERE m.person_id = ? AND m.status = 'confirmed' AND m.deleted_at IS NULL AND r.list_type IN (${inList(POLICE_LISTS)})
         AND NOT EXISTS (SELECT 1 FROM alert_hold_resolutions h WHERE h.match_id = m.id AND h.deleted_at IS NULL)
       ORDER BY m.decided_at`,
    )
    .all(personId) as { id: string; decided_at: string }[];
}

/** Whether a person is held for the police: every role sees this, never why. */
export function isOnHold(db: Database, personId: string): boolean {
  return openHolds(db, personId).length > 0;
}


/** When each hold began (the confirmation) and ended (hand-over or release), without details. */
export function holdEvents(db: Database, personId: string): { at: string; kind: 'on-hold' | 'hold-ended' }[] {
  const began = db
    .prepare(
      `SELECT m.decided_at FROM alert_matches m JOIN alert_records r ON r.id = m.record_id
       WHERE m.person_id = ? AND m.status = 'confirmed' AND m.deleted_at IS NULL AND r.list_type IN (${inList(POLICE_LISTS)})`,
    )
    .pluck()
    .all(personId) as string[];
  const ended = db.prepare('SELECT DISTINCT resolved_at FROM alert_hold_resolutions WHERE person_id = ? AND deleted_at IS NULL').pluck().all(personId) as string[];
  return [...began.map((at) => ({ at, kind: 'on-hold' as const })), ...ended.map((at) => ({ at, kind: 'hold-ended' as const }))];
}

/** When a person was checked against the lists, and whether it went to review (never which list). */
export function checksOf(db: Database, personId: string): { created_at: string; trigger: string; flagged: number }[] {
  return db.prepare('SELECT created_at, trigger, flagged FROM alert_checks WHERE person_id = ? AND deleted_at IS NULL').all(personId) as {
    created_at: string;
    trigger: string;
    flagged: number;
  }[];
}
