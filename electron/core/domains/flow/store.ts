import type { Database } from '../../db/driver';

/** The SQL of the flow board: the arrivals a day shows, and which stays already had a kit. */

export interface BoardArrival {
  id: string;
  kind: 'flight' | 'bus' | 'walk_in';
  reference: string | null;
  carrier: string | null;
  originCountry: string;
}

/** The centre's arrivals dated from `from` up to and including `to` (YYYY-MM-DD), in the order they were created. */
export function arrivalsBetween(db: Database, centreId: string, from: string, to: string): BoardArrival[] {
  return db
    .prepare(
      `SELECT id, kind, reference, carrier, origin_country AS originCountry FROM arrivals
       WHERE centre_id = ? AND arrival_date >= ? AND arrival_date <= ? AND deleted_at IS NULL ORDER BY created_at`,
    )
    .all(centreId, from, to) as BoardArrival[];
}

/** Of these stays, the ones that received at least one kit or service not voided (one query for the board). */
export function staysWithDelivery(db: Database, personArrivalIds: readonly string[]): Set<string> {
  const ids = db
    .prepare('SELECT DISTINCT person_arrival_id FROM aid_deliveries WHERE person_arrival_id IN (SELECT value FROM json_each(?)) AND voided_at IS NULL AND deleted_at IS NULL')
    .pluck()
    .all(JSON.stringify(personArrivalIds)) as string[];
  return new Set(ids);
}
