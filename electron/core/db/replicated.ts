import { uuidv7 } from 'uuidv7';
import { cached } from './statements';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';

/**
 * Tables whose rows replicate upstream: those the domains declare in their contract.ts
 * (electron/core/domains/registry.ts REPLICATION). Only these may be written through the helpers.
 */
export { REPLICATED_TABLES, type ReplicatedTable } from '../domains/registry';
import type { ReplicatedTable } from '../domains/registry';

const COLUMN = /^[a-z_][a-z0-9_]*$/;

function stamp(ctx: ServiceContext) {
  if (!ctx.core.identity || !ctx.core.hlc) throw new AppError('setup.required');
  return {
    centreId: ctx.core.identity.centreId,
    origin: ctx.core.identity.workstationId,
    hlc: ctx.core.hlc.tick(),
    now: ctx.clock.now().toISOString(),
  };
}

function checkColumns(values: Record<string, unknown>): string[] {
  const columns = Object.keys(values);
  for (const c of columns) if (!COLUMN.test(c)) throw new Error(`Bad column name: ${c}`);
  return columns;
}

function appendChange(
  ctx: ServiceContext,
  s: ReturnType<typeof stamp>,
  table: ReplicatedTable,
  rowId: string,
  op: 'insert' | 'update' | 'delete',
  payload: Record<string, unknown>,
): void {
  cached(
    ctx.db,
    `INSERT INTO changes (id, centre_id, table_name, row_id, op, hlc, origin, payload, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .run(uuidv7(), s.centreId, table, rowId, op, s.hlc, s.origin, JSON.stringify(payload), s.now);
  ctx.records.add(rowId);
}

/** Inserts a replicable row (id, centre, timestamps, HLC, origin filled in) and its outbox entry. */
export function insertRow(
  ctx: ServiceContext,
  table: ReplicatedTable,
  values: Record<string, unknown>,
  options: { id?: string; centreId?: string } = {},
): string {
  const s = stamp(ctx);
  const id = options.id ?? uuidv7();
  const row = {
    id,
    centre_id: options.centreId ?? s.centreId,
    created_at: s.now,
    updated_at: s.now,
    hlc: s.hlc,
    origin: s.origin,
    ...values,
  };
  const columns = checkColumns(row);
  cached(ctx.db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => row[c as keyof typeof row]));
  appendChange(ctx, s, table, id, 'insert', row);
  return id;
}

/** Updates some fields of a replicable row; the outbox gets exactly the changed fields. */
export function updateRow(ctx: ServiceContext, table: ReplicatedTable, id: string, patch: Record<string, unknown>): void {
  const s = stamp(ctx);
  const columns = checkColumns(patch);
  const full = { ...patch, updated_at: s.now, hlc: s.hlc };
  const assignments = [...columns, 'updated_at', 'hlc'].map((c) => `${c} = ?`).join(', ');
  const info = cached(ctx.db, `UPDATE ${table} SET ${assignments} WHERE id = ? AND deleted_at IS NULL`)
    .run(...columns.map((c) => patch[c]), s.now, s.hlc, id);
  if (info.changes !== 1) throw new Error(`updateRow: no live row ${table}/${id}`);
  appendChange(ctx, s, table, id, 'update', full);
}
