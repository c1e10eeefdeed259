import { z } from 'zod';
import type { Core } from '../context';
import type { Database } from '../db/driver';
import { fieldVersions, KNOWN, naturalKeyOf, recordCreationKey, recordFieldVersions } from '../db/replicated';
import { cached } from '../db/statements';
import { REPLICATION, type ReplicatedTable } from '../domains/registry';
import { refreshDerived } from './derived';

/**
 * Applying the changes other desks made (pulled from upstream) to this desk's database, by the
 * rules each table declares in its domain's contract (REPLICATION):
 *
 * | rule | what happens |
 * |---|---|
 * | every row | identified by its id; an insert that is already here is skipped (idempotent) |
 * | created apart | a record with an id every desk computes the same (a manifest row in an arrival) created on two desks: the creation from the smaller desk id is kept, under the edits made since |
 * | editable fields | merged per field by HLC: an edit sets each field whose version here is older; a field edited apart on two desks keeps the later write everywhere, and the other value goes to `sync_conflicts` |
 * | deletion | a tombstone (`deleted_at`) is a field like any other: an edit says the row is alive at its HLC, so a deletion beats an older edit and loses to a newer one |
 * | append-only (facts) | inserted once, never conflicting; an edit of a guarded column is refused by the table's trigger and quarantined |
 * | natural key | two rows created apart with the same key (kit type code, belongings tag, setting) — neither creation knew the other (creation_keys) — keep the smaller id; the other becomes a tombstone and the references to it are re-pointed, the same on every desk in any order |
 * | stock | a movement made on another desk is a fact: applied even if the lot goes below zero (the trigger only guards this desk's own movements); the lot then shows the shortfall |
 *
 * Nothing applied here goes to this desk's outbox: the change already is in the upstream log.
 * Convergence never reads a wall clock: only HLCs and ids decide.
 */

const HLC = /^\d{15}-\d{6}-[0-9a-f-]{36}$/;
const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const Scalar = z.union([z.string().max(1_000_000), z.number(), z.boolean(), z.null()]);

/** A change as the upstream hands it out (validated before anything is written). */
export const PulledChange = z.strictObject({
  seq: z.number().int().positive(),
  changeId: Uuid,
  origin: Uuid,
  table: z.string().refine((t) => Object.prototype.hasOwnProperty.call(REPLICATION, t), { message: 'unknown table' }),
  rowId: Uuid,
  op: z.enum(['insert', 'update', 'delete']),
  hlc: z.string().regex(HLC),
  payload: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), Scalar),
  base: z.record(z.string(), z.string()).nullable(),
});
export type PulledChange = z.infer<typeof PulledChange>;

export interface ApplyResult {
  applied: number;
  skipped: number;
  conflicts: number;
  quarantined: number;
}

/** Fields the merge never sets from an edit: who the row is and where it came from. */
const IDENTITY = new Set(['id', 'centre_id', 'created_at', 'origin']);
/** A version newer than any HLC: a row that lost its natural key stays a tombstone for good. */
const FOREVER = '~';

const columnCache = new WeakMap<Database, Map<string, Set<string>>>();
function columnsOf(db: Database, table: string): Set<string> {
  let perDb = columnCache.get(db);
  if (!perDb) columnCache.set(db, (perDb = new Map()));
  let columns = perDb.get(table);
  if (!columns) {
    columns = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    perDb.set(table, columns);
  }
  return columns;
}

interface Reference {
  table: string;
  column: string;
  parent: string;
}
const referenceCache = new WeakMap<Database, Reference[]>();
/** Every column of a replicated table that refers to a row of another (its declared foreign keys). */
function references(db: Database): Reference[] {
  let all = referenceCache.get(db);
  if (!all) {
    all = [];
    for (const table of Object.keys(REPLICATION))
      for (const fk of db.pragma(`foreign_key_list(${table})`) as { table: string; from: string }[]) all.push({ table, column: fk.from, parent: fk.table });
    referenceCache.set(db, all);
  }
  return all;
}

/** Why a pulled change was not applied (the quarantine list translates the code). */
export type QuarantineCode = 'invalid' | 'row-unknown' | 'column-unknown' | 'other-centre' | 'id-mismatch' | 'refused';

class Quarantine extends Error {
  constructor(
    readonly code: QuarantineCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function sqlValue(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

interface Batch {
  db: Database;
  now: string;
  aliases: Map<string, string>;
  touched: Map<string, Set<string>>;
  /** Rows this batch created here: their local indexes have nothing old to remove. */
  created: Set<string>;
  result: ApplyResult;
}

function touch(batch: Batch, table: string, id: string): void {
  let ids = batch.touched.get(table);
  if (!ids) batch.touched.set(table, (ids = new Set()));
  ids.add(id);
}

/** Values that refer to a row that lost its natural key are read as the row that kept it. */
function repoint(batch: Batch, table: string, payload: Record<string, unknown>): Record<string, unknown> {
  if (batch.aliases.size === 0) return payload;
  const out = { ...payload };
  for (const ref of references(batch.db)) {
    if (ref.table !== table) continue;
    const value = out[ref.column];
    if (typeof value === 'string') out[ref.column] = batch.aliases.get(`${ref.parent}/${value}`) ?? value;
  }
  return out;
}

/**
 * Says it in the conflict log, never silently: the record that lost its key (all of it, as the
 * lost value: a bag's description, a kit type's names) and the one that kept it.
 */
function logKeyCollision(batch: Batch, table: ReplicatedTable, loser: string, winner: string): void {
  const { db } = batch;
  const lost = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(loser) as Record<string, unknown> | undefined;
  const kept = db.prepare(`SELECT hlc FROM ${table} WHERE id = ?`).pluck().get(winner) as string | undefined;
  const info = db
    .prepare(
      `INSERT OR IGNORE INTO sync_conflicts (table_name, row_id, field, kept_value, lost_value, kept_hlc, lost_hlc, detected_at)
         VALUES (?, ?, '*', ?, ?, ?, ?, ?)`,
    )
    .run(table, loser, JSON.stringify(winner), JSON.stringify(lost ?? null), kept ?? String(lost?.hlc ?? ''), String(lost?.hlc ?? ''), batch.now);
  batch.result.conflicts += info.changes;
}

/**
 * Two live rows hold the same natural key: the smaller id keeps it, the other becomes a
 * tombstone for good (its `deleted_at` is its own `created_at`, a value every desk computes the
 * same) and what referred to it is re-pointed.
 */
function resolveCollision(batch: Batch, table: ReplicatedTable, loser: string, winner: string): void {
  const { db } = batch;
  const created = db.prepare(`SELECT created_at FROM ${table} WHERE id = ?`).pluck().get(loser) as string;
  db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(created, loser);
  logKeyCollision(batch, table, loser, winner);
  recordFieldVersions(db, table, loser, ['deleted_at'], FOREVER);
  db.prepare('INSERT OR REPLACE INTO key_aliases (table_name, loser_id, winner_id) VALUES (?, ?, ?)').run(table, loser, winner);
  batch.aliases.set(`${table}/${loser}`, winner);
  // The ledger's append-only guards let this re-pointing through, and nothing else (migration 0016).
  db.prepare("INSERT INTO local_meta (key, value) VALUES ('sync_repointing', '1')").run();
  try {
    for (const ref of references(db)) {
      if (ref.parent !== table) continue;
      const ids = db.prepare(`SELECT id FROM ${ref.table} WHERE ${ref.column} = ?`).pluck().all(loser) as string[];
      if (ids.length === 0) continue;
      db.prepare(`UPDATE ${ref.table} SET ${ref.column} = ? WHERE ${ref.column} = ?`).run(winner, loser);
      for (const id of ids) touch(batch, ref.table, id);
    }
    if (table === 'aid_types') db.prepare('UPDATE stock_lot_balances SET type_id = ? WHERE type_id = ?').run(winner, loser);
  } finally {
    db.prepare("DELETE FROM local_meta WHERE key = 'sync_repointing'").run();
  }
  touch(batch, table, loser);
  touch(batch, table, winner);
}

/** Which records with its natural key the desk that created a row knew (carried by its insert). */
function knownBy(change: PulledChange): string[] {
  try {
    const parsed = JSON.parse(change.base?.[KNOWN] ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The records created with the same natural key as this one where neither creation knew the
 * other: made apart on two desks. Decided from the creations alone (creation_keys), never from
 * what holds the key now, so every desk finds the same pairs in whatever order it hears of them;
 * a key given out again after it was released (a returned bag's tag) was known, so it is no
 * conflict.
 */
function concurrentCreations(batch: Batch, table: ReplicatedTable, change: PulledChange, payload: Record<string, unknown>): string[] {
  const key = naturalKeyOf(table, payload);
  if (key === null) return [];
  const knew = knownBy(change);
  const others = cached(batch.db, 'SELECT row_id, known FROM creation_keys WHERE table_name = ? AND key = ? AND row_id <> ?').all(table, key, change.rowId) as { row_id: string; known: string | null }[];
  recordCreationKey(batch.db, table, change.rowId, payload, knew);
  const knownByIncoming = new Set(knew);
  return others
    .filter((o) => !knownByIncoming.has(o.row_id) && !(JSON.parse(o.known ?? '[]') as string[]).includes(change.rowId))
    .map((o) => o.row_id)
    .sort();
}

function applyInsert(batch: Batch, change: PulledChange, table: ReplicatedTable, payload: Record<string, unknown>): void {
  const { db } = batch;
  const here = cached(db, `SELECT origin FROM ${table} WHERE id = ?`).get(change.rowId) as { origin: string } | undefined;
  if (here) {
    // The same insert again, or the same record created apart on two desks (an id every desk
    // computes the same, as a manifest row's): the creation of the smaller desk id is kept,
    // under the edits either made since.
    if (typeof payload.origin === 'string' && payload.origin < here.origin) adoptCreation(batch, table, change, payload);
    else batch.result.skipped += 1;
    return;
  }
  const columns = columnsOf(db, table);
  for (const key of Object.keys(payload)) if (!columns.has(key)) throw new Quarantine('column-unknown', `${table}.${key}`);
  if (payload.id !== change.rowId) throw new Quarantine('id-mismatch', table);
  // Each pair of creations made apart keeps the smaller id; this row loses to the smallest that
  // beats it, and beats every larger one.
  const apart = concurrentCreations(batch, table, change, payload);
  const winner = apart.find((id) => id < change.rowId);
  const losers = apart.filter((id) => id > change.rowId);
  // The losers let go of the key first (a unique index may hold it), and are re-pointed to this
  // row once it exists (their references need it).
  for (const loser of losers) db.prepare(`UPDATE ${table} SET deleted_at = created_at WHERE id = ?`).run(loser);
  const row = winner === undefined ? payload : { ...payload, deleted_at: payload.created_at };
  const keys = Object.keys(row);
  cached(db, `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...keys.map((k) => sqlValue(row[k])));
  for (const loser of losers) resolveCollision(batch, table, loser, change.rowId);
  if (winner !== undefined) {
    logKeyCollision(batch, table, change.rowId, winner);
    recordFieldVersions(db, table, change.rowId, ['deleted_at'], FOREVER);
    db.prepare('INSERT OR REPLACE INTO key_aliases (table_name, loser_id, winner_id) VALUES (?, ?, ?)').run(table, change.rowId, winner);
    batch.aliases.set(`${table}/${change.rowId}`, winner);
  }
  touch(batch, table, change.rowId);
  batch.created.add(change.rowId);
  batch.result.applied += 1;
}

/** Takes another desk's creation of a record this desk created too: every field not edited since. */
function adoptCreation(batch: Batch, table: ReplicatedTable, change: PulledChange, payload: Record<string, unknown>): void {
  const rowId = change.rowId;
  const columns = columnsOf(batch.db, table);
  const versions = fieldVersions(batch.db, table, rowId);
  const fields = Object.keys(payload).filter((f) => f !== 'id' && columns.has(f) && versions[f] === undefined);
  if (fields.length > 0)
    cached(batch.db, `UPDATE ${table} SET ${fields.map((f) => `${f} = ?`).join(', ')} WHERE id = ?`).run(...fields.map((f) => sqlValue(payload[f])), rowId);
  recordCreationKey(batch.db, table, rowId, payload, knownBy(change));
  touch(batch, table, rowId);
  batch.result.applied += 1;
}

function applyEdit(batch: Batch, change: PulledChange, table: ReplicatedTable, payload: Record<string, unknown>): void {
  const { db } = batch;
  const current = cached(db, `SELECT * FROM ${table} WHERE id = ?`).get(change.rowId) as Record<string, unknown> | undefined;
  if (!current) throw new Quarantine('row-unknown', `${table}/${change.rowId}`);
  const columns = columnsOf(db, table);
  const versions = fieldVersions(db, table, change.rowId);
  const fields = new Set([...Object.keys(payload), 'deleted_at']);
  const sets: string[] = [];
  const values: unknown[] = [];
  const won: string[] = [];
  for (const field of fields) {
    if (IDENTITY.has(field)) continue;
    if (!columns.has(field)) throw new Quarantine('column-unknown', `${table}.${field}`);
    const incoming = field in payload ? payload[field] : null;
    const held = versions[field] ?? '';
    const wins = change.hlc > held;
    // Made apart: the writer did not know the version this desk holds (HLC causality).
    const apart = held !== '' && held !== FOREVER && (change.base?.[field] ?? '') !== held && field !== 'hlc' && field !== 'updated_at';
    if (apart && !same(incoming, current[field])) {
      const [kept, lostValue, keptHlc, lostHlc] = wins ? [incoming, current[field], change.hlc, held] : [current[field], incoming, held, change.hlc];
      const info = cached(
        db,
        `INSERT OR IGNORE INTO sync_conflicts (table_name, row_id, field, kept_value, lost_value, kept_hlc, lost_hlc, detected_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(table, change.rowId, field, JSON.stringify(kept ?? null), JSON.stringify(lostValue ?? null), keptHlc, lostHlc, batch.now);
      batch.result.conflicts += info.changes;
    }
    if (!wins) continue;
    sets.push(`${field} = ?`);
    values.push(sqlValue(incoming));
    won.push(field);
  }
  if (sets.length > 0) {
    cached(db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`).run(...values, change.rowId);
    recordFieldVersions(db, table, change.rowId, won, change.hlc);
  }
  touch(batch, table, change.rowId);
  batch.result.applied += 1;
}

function quarantine(batch: Batch, raw: Record<string, unknown>, code: QuarantineCode, detail: string): void {
  const reason = JSON.stringify({ code, detail: detail.slice(0, 400) });
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : String(v ?? ''));
  batch.db
    .prepare(
      `INSERT OR REPLACE INTO sync_quarantine (seq, change_id, table_name, row_id, origin, reason, payload, quarantined_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(Number(raw.seq) || 0, text(raw.changeId), text(raw.table), text(raw.rowId), text(raw.origin), reason, JSON.stringify(raw.payload ?? null).slice(0, 100_000), batch.now);
  batch.result.quarantined += 1;
}

/**
 * Applies one pulled batch in ONE local transaction, the cursor moved in the same transaction:
 * either the whole batch and its cursor are here, or neither. A change that fails validation or
 * a constraint is quarantined (its savepoint rolled back) and the rest go on.
 */
export function applyBatch(core: Core, raws: readonly Record<string, unknown>[], cursor: { key: string; value: number }): ApplyResult {
  const { db } = core;
  const identity = core.identity;
  if (!identity || !core.hlc) throw new Error('applyBatch: workstation has no identity');
  const hlc = core.hlc;
  const attempt = (guarded: boolean): ApplyResult => {
    const batch: Batch = {
      db,
      now: core.clock.now().toISOString(),
      aliases: new Map(),
      touched: new Map(),
      created: new Set(),
      result: { applied: 0, skipped: 0, conflicts: 0, quarantined: 0 },
    };
    let newest: string | null = null;
    db.transaction(() => {
      for (const row of db.prepare('SELECT table_name, loser_id, winner_id FROM key_aliases').all() as { table_name: string; loser_id: string; winner_id: string }[])
        batch.aliases.set(`${row.table_name}/${row.loser_id}`, row.winner_id);
      for (const raw of raws) {
        if (raw.origin === identity.workstationId) continue; // our own, already here (sent without its payload)
        const parsed = PulledChange.safeParse(raw);
        if (!parsed.success) {
          quarantine(batch, raw, 'invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          continue;
        }
        const change = parsed.data;
        const one = () => {
          if (change.payload.centre_id !== undefined && change.payload.centre_id !== identity.centreId) throw new Quarantine('other-centre', String(change.payload.centre_id));
          const table = change.table as ReplicatedTable;
          const payload = repoint(batch, table, change.payload);
          if (change.op === 'insert') applyInsert(batch, change, table, payload);
          else applyEdit(batch, change, table, payload);
        };
        if (!guarded) one(); // any failure aborts the batch, which is then applied change by change
        else {
          try {
            db.transaction(one)();
          } catch (error) {
            if (error instanceof Quarantine) quarantine(batch, raw, error.code, error.detail);
            else quarantine(batch, raw, 'refused', (error as Error).message);
            continue;
          }
        }
        if (newest === null || change.hlc > newest) newest = change.hlc;
      }
      refreshDerived(db, batch.touched, batch.created);
      db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(cursor.key, String(cursor.value));
      if (newest) {
        // Later local writes order after everything seen; kept so a restart resumes after it too.
        const after = hlc.receive(newest);
        db.prepare(
          "INSERT INTO local_meta (key, value) VALUES ('last_hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE excluded.value > local_meta.value",
        ).run(after);
      }
    }).immediate();
    return batch.result;
  };
  // Most batches apply whole: without a savepoint per change they apply several times faster.
  // One that does not is rolled back and applied again with one savepoint per change, so the
  // change that fails is quarantined alone and the rest go in.
  try {
    return attempt(false);
  } catch {
    return attempt(true);
  }
}
