import type { Arrival } from './contract';
import type { Database } from '../../db/driver';

/** The SQL of arrivals: rows with their people counted by status, and how they become contract values. */

interface ArrivalRow {
  id: string;
  kind: Arrival['kind'];
  route: Arrival['route'];
  origin_country: string;
  carrier: string | null;
  reference: string | null;
  arrival_date: string;
  scheduled_at: string | null;
  actual_at: string | null;
  point_of_entry: string | null;
  manifest_file: string | null;
  closed_at: string | null;
  expected: number;
  arrived: number;
  no_show: number;
}

const SELECT = `
  SELECT a.*,
    (SELECT count(*) FROM person_arrivals pa WHERE pa.arrival_id = a.id AND pa.deleted_at IS NULL AND pa.status = 'expected') AS expected,
    (SELECT count(*) FROM person_arrivals pa WHERE pa.arrival_id = a.id AND pa.deleted_at IS NULL AND pa.status = 'arrived') AS arrived,
    (SELECT count(*) FROM person_arrivals pa WHERE pa.arrival_id = a.id AND pa.deleted_at IS NULL AND pa.status = 'no_show') AS no_show
  FROM arrivals a WHERE a.deleted_at IS NULL`;

export function toArrival(r: ArrivalRow): Arrival {
  return {
    id: r.id,
    kind: r.kind,
    route: r.route,
    originCountry: r.origin_country,
    carrier: r.carrier,
    reference: r.reference,
    date: r.arrival_date,
    scheduledAt: r.scheduled_at,
    actualAt: r.actual_at,
    pointOfEntry: r.point_of_entry,
    manifestFile: r.manifest_file,
    closedAt: r.closed_at,
    counts: { expected: r.expected, arrived: r.arrived, noShow: r.no_show, total: r.expected + r.arrived + r.no_show },
  };
}

/** One arrival (any centre's id is looked up as given; callers pass their own), or null. */
export function findArrival(db: Database, id: string): Arrival | null {
  const row = db.prepare(`${SELECT} AND a.id = ?`).get(id) as ArrivalRow | undefined;
  return row ? toArrival(row) : null;
}

/** The centre's arrivals dated `from`..`to` (YYYY-MM-DD), newest first. */
export function listArrivals(db: Database, centreId: string, from: string, to: string): Arrival[] {
  const rows = db
    .prepare(`${SELECT} AND a.centre_id = ? AND a.arrival_date BETWEEN ? AND ? ORDER BY a.arrival_date DESC, coalesce(a.actual_at, a.scheduled_at, a.created_at) DESC`)
    .all(centreId, from, to) as ArrivalRow[];
  return rows.map(toArrival);
}

/** The open walk-in arrival of that day, route, country and point of entry, if there is one. */
export function openWalkInArrival(
  db: Database,
  centreId: string,
  walkIn: { date: string; route: string; originCountry: string; pointOfEntry: string },
): string | undefined {
  return db
    .prepare(
      `SELECT id FROM arrivals WHERE centre_id = ? AND kind = 'walk_in' AND arrival_date = ? AND route = ? AND origin_country = ?
         AND coalesce(point_of_entry, '') = ? AND closed_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1`,
    )
    .pluck()
    .get(centreId, walkIn.date, walkIn.route, walkIn.originCountry, walkIn.pointOfEntry) as string | undefined;
}

/** The stay of this arrival with this ticket code, if any. */
export function stayByTicket(db: Database, arrivalId: string, ticketCode: string): string | undefined {
  return db.prepare('SELECT id FROM person_arrivals WHERE arrival_id = ? AND ticket_code = ? AND deleted_at IS NULL').pluck().get(arrivalId, ticketCode) as string | undefined;
}
