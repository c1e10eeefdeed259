import { uuidv7 } from 'uuidv7';
import type { Core } from '../context';
import type { Database } from '../db/driver';
import { REPLICATED_TABLES } from '../domains/registry';

/**
 * Replicated tables ordered so that a table comes after every table it refers to: a desk that
 * applies a snapshot in this order never meets a reference to a row it has not seen.
 */
export function tablesInDependencyOrder(db: Database): string[] {
  const parents = new Map<string, Set<string>>();
  for (const table of REPLICATED_TABLES) {
    const refs = (db.pragma(`foreign_key_list(${table})`) as { table: string }[]).map((r) => r.table).filter((t) => t !== table);
    parents.set(table, new Set(refs.filter((t) => (REPLICATED_TABLES as readonly string[]).includes(t))));
  }
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const table of REPLICATED_TABLES) visit(table, new Set());
  return ordered;
}

/**
 * A desk that worked alone for more than the outbox's retention (db/outbox.ts) no longer holds
 * the whole history of its rows, so its first push sends their current state instead: the
 * unpushed history is replaced, in one transaction, by one insert per row, parents first.
 * Nothing happens for a desk whose history is complete.
 */
export function snapshotIfPruned(core: Core): number {
  const { db } = core;
  if (!db.prepare("SELECT 1 FROM local_meta WHERE key = 'outbox_pruned_before'").get()) return 0;
  const identity = core.identity!;
  const now = core.clock.now().toISOString();
  return db.transaction(() => {
    db.prepare('DELETE FROM changes WHERE pushed_at IS NULL').run();
    const insert = db.prepare(
      `INSERT INTO changes (id, centre_id, table_name, row_id, op, hlc, origin, payload, base, created_at)
         VALUES (?, ?, ?, ?, 'insert', ?, ?, ?, NULL, ?)`,
    );
    let count = 0;
    for (const table of tablesInDependencyOrder(db)) {
      // Read a page at a time (the statement cannot stay open while the outbox is written).
      const page = db.prepare(`SELECT rowid AS _rowid, * FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT 5000`);
      for (let after = 0; ; ) {
        const rows = page.all(after) as ({ _rowid: number } & Record<string, unknown>)[];
        if (rows.length === 0) break;
        for (const { _rowid, ...row } of rows) {
          insert.run(uuidv7(), identity.centreId, table, row.id, row.hlc, identity.workstationId, JSON.stringify(row), now);
          after = _rowid;
          count += 1;
        }
      }
    }
    db.prepare("DELETE FROM local_meta WHERE key = 'outbox_pruned_before'").run();
    return count;
  }).immediate();
}
