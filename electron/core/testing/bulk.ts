import type { Database } from '../db/driver';
import { REPLICATION, type ReplicatedTable } from '../domains/registry';
import { formatHlc } from '../hlc';

/**
 * Raw bulk inserts for benches and tests that need many rows fast (a million persons, a ledger of
 * a million movements), written straight to the tables in the caller's transaction. The columns
 * every replicated row carries are filled from the schema, not spelled by hand: id (unless
 * given), centre, timestamps, an increasing HLC and the origin. A column the table does not have
 * or a required column left out is an error naming it, so a new migration cannot silently leave
 * fixtures behind. Triggers run as for any insert (the stock balances, the append-only guards).
 */
export interface BulkStamp {
  centreId: string;
  /** The workstation the rows come from ('bench', or the core's own to look local). */
  origin: string;
  /** created_at / updated_at of every row. */
  at: string;
}

const REPLICATION_COLUMNS = ['id', 'centre_id', 'created_at', 'updated_at', 'hlc', 'origin', 'deleted_at'] as const;

interface Column {
  name: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

/** An inserter for `table`: each call writes one row and returns its id and rowid (for the index tables keyed by rowid). */
export function bulkInserter(db: Database, table: ReplicatedTable, stamp: BulkStamp): (values: Record<string, unknown>) => { id: string; rowid: number } {
  if (!(table in REPLICATION)) throw new Error(`bulkInserter: ${table} is not a replicated table`);
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Column[];
  const known = new Set(columns.map((c) => c.name));
  const required = columns.filter((c) => c.notnull && c.dflt_value === null && !(REPLICATION_COLUMNS as readonly string[]).includes(c.name)).map((c) => c.name);
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  let sequence = 0;
  const base = Date.parse(stamp.at);
  return (values) => {
    const own = Object.keys(values).filter((k) => k !== 'id');
    for (const name of own) if (!known.has(name)) throw new Error(`bulkInserter: ${table} has no column ${name}`);
    for (const name of required) if (!(name in values)) throw new Error(`bulkInserter: ${table}.${name} is required`);
    const key = own.join(',');
    let statement = statements.get(key);
    if (!statement) {
      const names = ['id', 'centre_id', 'created_at', 'updated_at', 'hlc', 'origin', ...own];
      statement = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      statements.set(key, statement);
    }
    sequence += 1;
    const id = typeof values.id === 'string' ? values.id : `${table}-${stamp.origin}-${sequence}`;
    // The core's own HLC format, one millisecond apart per row: increasing, unique, and ordered
    // with what the core writes later.
    const hlc = formatHlc({ wall: base + sequence, counter: 0, node: stamp.origin });
    const info = statement.run([id, stamp.centreId, stamp.at, stamp.at, hlc, stamp.origin, ...own.map((k) => values[k] ?? null)]);
    return { id, rowid: Number(info.lastInsertRowid) };
  };
}
