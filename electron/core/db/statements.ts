import type { Database, Statement } from './driver';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement kept per connection by its SQL text. Preparing costs tens of microseconds:
 * nothing on one call, most of the time of an import's 50,000 rows. Only for SQL whose text comes
 * from a fixed set (a table and column names of our own), never one built from a list of values.
 */
export function cached(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
