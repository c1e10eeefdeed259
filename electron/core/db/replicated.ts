import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { cached } from './statements';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';

/**
 * Tables whose rows replicate upstream: those the domains declare in their contract.ts
 * (electron/core/domains/registry.ts REPLICATION). Only these may be written through the helpers.
 */
export { REPLICATED_TABLES, type ReplicatedTable } from '../domains/registry';
import { REPLICATION, type ReplicatedTable } from '../domains/registry';

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
  base: Record<string, string> | null = null,
): void {
  cached(
    ctx.db,
    `INSERT INTO changes (id, centre_id, table_name, row_id, op, hlc, origin, payload, base, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .run(uuidv7(), s.centreId, table, rowId, op, s.hlc, s.origin, JSON.stringify(payload), base ? JSON.stringify(base) : null, s.now);
  ctx.records.add(rowId);
}

/**
 * The fields an edit writes, for per-field merging (electron/core/sync/apply.ts): the patch, the
 * row's `updated_at` and `hlc`, and `deleted_at` — an edit says the row is alive, so a deletion
 * older than it loses to it and one newer beats it, on every desk alike.
 */
export function editedFields(patch: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(patch), 'updated_at', 'hlc', 'deleted_at']);
  return [...fields];
}

/** Versions this desk holds of some fields of a row ("" for a field never edited since creation). */
export function fieldVersions(db: ServiceContext['db'], table: string, rowId: string): Record<string, string> {
  const rows = cached(db, 'SELECT field, hlc FROM field_versions WHERE table_name = ? AND row_id = ?').all(table, rowId) as { field: string; hlc: string }[];
  return Object.fromEntries(rows.map((r) => [r.field, r.hlc]));
}

/** Records that `fields` of a row were last written at `hlc` (never moves a version back). */
export function recordFieldVersions(db: ServiceContext['db'], table: string, rowId: string, fields: readonly string[], hlc: string): void {
  const upsert = cached(
    db,
    `INSERT INTO field_versions (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)
       ON CONFLICT (table_name, row_id, field) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > field_versions.hlc`,
  );
  for (const field of fields) upsert.run(table, rowId, field, hlc);
}

/** Where an insert's change says which records with its natural key its desk knew. */
export const KNOWN = '@known';

/** The natural key a row was created with (its columns as a JSON array), or null when it has none. */
export function naturalKeyOf(table: string, row: Record<string, unknown>): string | null {
  const columns = REPLICATION[table as ReplicatedTable]?.naturalKey ?? [];
  if (columns.length === 0) return null;
  const values = columns.map((c) => row[c]);
  return values.some((v) => v === null || v === undefined) ? null : JSON.stringify(values);
}

/**
 * Records the natural key a row is created with and which records with that key this desk
 * already knew (`known`: given for a row created elsewhere, read here for one created here).
 * Returns what was recorded as known, or null when the table has no natural key.
 */
export function recordCreationKey(db: ServiceContext['db'], table: string, id: string, row: Record<string, unknown>, known: readonly string[] | null): string[] | null {
  const key = naturalKeyOf(table, row);
  if (key === null) return null;
  const knew = known ? [...known] : (cached(db, 'SELECT row_id FROM creation_keys WHERE table_name = ? AND key = ?').pluck().all(table, key) as string[]);
  cached(db, 'INSERT OR REPLACE INTO creation_keys (table_name, row_id, key, known) VALUES (?, ?, ?, ?)').run(table, id, key, JSON.stringify(knew));
  return knew;
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
  const known = recordCreationKey(ctx.db, table, id, row, null);
  appendChange(ctx, s, table, id, 'insert', row, known === null ? null : { [KNOWN]: JSON.stringify(known) });
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
  // What this desk knew of the edited fields: a desk that holds another version learns the two
  // edits were made apart (a conflict to keep), whichever of them wins.
  const fields = editedFields(patch);
  const known = fieldVersions(ctx.db, table, id);
  const base = Object.fromEntries(fields.filter((f) => known[f] !== undefined).map((f) => [f, known[f]!]));
  recordFieldVersions(ctx.db, table, id, fields, s.hlc);
  appendChange(ctx, s, table, id, 'update', full, base);
}

/**
 * An id that every desk computes the same from the same facts (a UUID of version 8, from
 * SHA-256): the record a manifest row creates in an arrival is then one record upstream even
 * when two desks import the same file apart (electron/core/sync/apply.ts, "created apart").
 */
export function deterministicId(...parts: readonly string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
