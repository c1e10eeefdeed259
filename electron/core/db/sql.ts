import type { Database } from './driver';

/** `sql\`SELECT * FROM t WHERE id = ${id}\`` → [query, params], as in Signal Desktop. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): [string, unknown[]] {
  return [strings.join('?'), values];
}

export function all<T>(db: Database, [query, params]: [string, unknown[]]): T[] {
  return db.prepare(query).all(...params) as T[];
}

export function get<T>(db: Database, [query, params]: [string, unknown[]]): T | undefined {
  return db.prepare(query).get(...params) as T | undefined;
}

export function run(db: Database, [query, params]: [string, unknown[]]): void {
  db.prepare(query).run(...params);
}
