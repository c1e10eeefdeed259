import type pg from 'pg';
import type { AuditRow } from '../audit-log';
import type { Clock, Core } from '../context';
import type { Database } from '../db/driver';
import { AppError, type ErrorCode } from '../errors';
import { applyBatch, type ApplyResult } from './apply';
import { connectUpstream, upstreamError, upstreamUrl } from './connection';
import { snapshotIfPruned } from './snapshot';
import { requireUpstreamVersion } from './upstream-schema';

/**
 * One sync of a desk with its centre's upstream: push this desk's outbox, push its audit chain,
 * pull the other desks' changes after the cursor. Each step is safe to cut anywhere (a killed
 * process, a dropped connection, a server restart):
 *
 * - push: each batch is one PostgreSQL transaction; a change already in the log (a retry after
 *   the acknowledgement was lost) is not written again; `pushed_at` is set here only after the
 *   upstream COMMIT returned. Cut before that, the batch is sent again and skipped upstream.
 * - pull: each batch is applied in one local transaction together with the cursor; cut before
 *   its commit, the batch is pulled again.
 * - the per-centre sequence is handed out under a row lock (`SELECT … FOR UPDATE` on the
 *   centre's counter, held to COMMIT), so numbers commit in order and a cursor never skips one.
 */

export const PUSH_BATCH = 2000;
export const PULL_BATCH = 5000;
/** A desk whose clock is further than this from the server's is warned (HLC keeps data right anyway). */
export const CLOCK_SKEW_WARNING_MS = 5 * 60_000;

export interface SyncCounts {
  pushed: number;
  pulled: number;
  conflicts: number;
  pending: number;
  quarantined: number;
}

const CURSOR = 'sync_cursor';
const AUDIT_PUSHED = 'sync_audit_pushed';

function meta(db: Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM local_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

function setMeta(db: Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM local_meta WHERE key = ?').run(key);
  else db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function pendingChanges(db: Database): number {
  return db.prepare('SELECT count(*) FROM changes WHERE pushed_at IS NULL').pluck().get() as number;
}

function identityOf(core: Core): { centreId: string; workstationId: string } {
  if (!core.identity) throw new AppError('setup.required');
  return core.identity;
}

interface OutboxRow {
  seq: number;
  id: string;
  table_name: string;
  row_id: string;
  op: string;
  hlc: string;
  origin: string;
  payload: string;
  base: string | null;
  created_at: string;
}

/** Pushes one batch of the outbox; returns how many changes it held (0: the outbox is empty). */
export async function pushBatch(core: Core, client: pg.ClientBase, limit = PUSH_BATCH): Promise<{ sent: number; written: number }> {
  const { centreId } = identityOf(core);
  const rows = core.db
    .prepare('SELECT seq, id, table_name, row_id, op, hlc, origin, payload, base, created_at FROM changes WHERE pushed_at IS NULL ORDER BY seq LIMIT ?')
    .all(limit) as OutboxRow[];
  if (rows.length === 0) return { sent: 0, written: 0 };
  let written = 0;
  await client.query('BEGIN');
  try {
    const counter = await client.query('SELECT last_seq FROM acogida.centre_sequences WHERE centre_id = $1 FOR UPDATE', [centreId]);
    if (counter.rowCount !== 1) throw new AppError('sync.centre-unknown');
    const last = Number(counter.rows[0].last_seq);
    const known = await client.query('SELECT change_id FROM acogida.change_log WHERE centre_id = $1 AND change_id = ANY($2::uuid[])', [centreId, rows.map((r) => r.id)]);
    const already = new Set(known.rows.map((r: { change_id: string }) => r.change_id));
    const fresh = rows.filter((r) => !already.has(r.id));
    if (fresh.length > 0) {
      await client.query(
        `INSERT INTO acogida.change_log (centre_id, seq, change_id, origin, table_name, row_id, op, hlc, payload, base, created_at)
         SELECT $1, $2 + t.ord, t.change_id, t.origin, t.table_name, t.row_id, t.op, t.hlc, t.payload, t.base, t.created_at
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[], $11::timestamptz[])
                WITH ORDINALITY AS t(change_id, origin, table_name, row_id, op, hlc, payload, base, created_at, ord)`,
        [
          centreId,
          last,
          fresh.map((r) => r.id),
          fresh.map((r) => r.origin),
          fresh.map((r) => r.table_name),
          fresh.map((r) => r.row_id),
          fresh.map((r) => r.op),
          fresh.map((r) => r.hlc),
          fresh.map((r) => r.payload),
          fresh.map((r) => r.base),
          fresh.map((r) => r.created_at),
        ],
      );
      await client.query('UPDATE acogida.centre_sequences SET last_seq = $2 WHERE centre_id = $1', [centreId, last + fresh.length]);
      written = fresh.length;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  // Only now, after the upstream committed: these changes are safe there.
  const now = core.clock.now().toISOString();
  core.db
    .prepare('UPDATE changes SET pushed_at = ? WHERE pushed_at IS NULL AND seq BETWEEN ? AND ?')
    .run(now, rows[0]!.seq, rows[rows.length - 1]!.seq);
  return { sent: rows.length, written };
}

/**
 * A restored desk pushes its audit chain under its new workstation id from the first entry: the
 * copy upstream under the old id (which went further than the backup) stays as it was.
 */
export function forgetPushedAudit(db: Database): void {
  setMeta(db, AUDIT_PUSHED, null);
}

/** Pushes the audit entries written since the last push; the upstream checks each continues the chain. */
export async function pushAudit(core: Core, client: pg.ClientBase, limit = PUSH_BATCH): Promise<number> {
  const { centreId, workstationId } = identityOf(core);
  let total = 0;
  // Where the upstream's copy ends: a push whose acknowledgement was lost is not sent again.
  const head = await client.query('SELECT seq FROM acogida.audit_heads WHERE centre_id = $1 AND workstation_id = $2', [centreId, workstationId]);
  const upstreamHead = head.rows.length ? Number(head.rows[0].seq) : 0;
  if (upstreamHead > Number(meta(core.db, AUDIT_PUSHED) ?? 0)) setMeta(core.db, AUDIT_PUSHED, String(upstreamHead));
  for (;;) {
    const from = Number(meta(core.db, AUDIT_PUSHED) ?? 0);
    const rows = core.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(from, limit) as AuditRow[];
    if (rows.length === 0) return total;
    await client.query('BEGIN');
    try {
      await client.query(
        `INSERT INTO acogida.audit_entries (centre_id, workstation_id, seq, entry, prev_hash, hash)
         SELECT $1, $2, t.seq, t.entry, t.prev_hash, t.hash FROM unnest($3::bigint[], $4::jsonb[], $5::text[], $6::text[]) AS t(seq, entry, prev_hash, hash)
         ON CONFLICT (centre_id, workstation_id, seq) DO NOTHING`,
        [centreId, workstationId, rows.map((r) => r.seq), rows.map((r) => JSON.stringify(r)), rows.map((r) => r.prev_hash), rows.map((r) => r.hash)],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if ((error as { code?: string }).code === 'P0001') throw new AppError('sync.audit-chain-refused');
      throw error;
    }
    setMeta(core.db, AUDIT_PUSHED, String(rows[rows.length - 1]!.seq));
    total += rows.length;
  }
}

/** Pulls and applies one batch after the cursor; returns how many changes it held. */
export async function pullBatch(core: Core, client: pg.ClientBase, limit = PULL_BATCH): Promise<{ fetched: number; result: ApplyResult }> {
  const { centreId, workstationId } = identityOf(core);
  const cursor = Number(meta(core.db, CURSOR) ?? 0);
  const res = await client.query(
    `SELECT seq, change_id, origin, table_name, row_id, op, hlc,
            CASE WHEN origin = $3 THEN NULL ELSE payload END AS payload, base
       FROM acogida.change_log WHERE centre_id = $1 AND seq > $2 ORDER BY seq LIMIT $4`,
    [centreId, cursor, workstationId, limit],
  );
  const empty: ApplyResult = { applied: 0, skipped: 0, conflicts: 0, quarantined: 0 };
  if (res.rows.length === 0) return { fetched: 0, result: empty };
  const raws = res.rows.map((r: Record<string, unknown>) => ({
    seq: Number(r.seq),
    changeId: r.change_id,
    origin: r.origin,
    table: r.table_name,
    rowId: r.row_id,
    op: r.op,
    hlc: r.hlc,
    payload: r.payload,
    base: r.base ?? null,
  }));
  const result = applyBatch(core, raws, { key: CURSOR, value: raws[raws.length - 1]!.seq });
  return { fetched: raws.length, result };
}

async function registerWorkstation(core: Core, client: pg.ClientBase): Promise<void> {
  const { centreId, workstationId } = identityOf(core);
  const name = (core.db.prepare('SELECT name FROM workstations WHERE id = ?').pluck().get(workstationId) as string | undefined) ?? workstationId;
  await client.query(
    `INSERT INTO acogida.workstations (centre_id, workstation_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (centre_id, workstation_id) DO UPDATE SET name = excluded.name, last_seen = now()`,
    [centreId, workstationId, name],
  );
}

/** How far this desk's clock is from the server's, in ms (the round trip halved out). */
export async function measureSkew(clock: Clock, client: pg.ClientBase): Promise<number> {
  const before = clock.now().getTime();
  const res = await client.query('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now');
  const after = clock.now().getTime();
  return Math.round(Number(res.rows[0].now) - (before + after) / 2);
}

/** The centre this login may see upstream (its role's own), checked against this desk's. */
export async function checkCentre(client: pg.ClientBase, centreId: string | null): Promise<{ centreId: string; name: string }> {
  const res = await client.query('SELECT centre_id, name FROM acogida.centres WHERE centre_id = acogida.my_centre()');
  if (res.rows.length !== 1) throw new AppError('sync.centre-unknown');
  const row = res.rows[0] as { centre_id: string; name: string };
  if (centreId && row.centre_id !== centreId) throw new AppError('sync.centre-mismatch');
  return { centreId: row.centre_id, name: row.name };
}

/** The state the status chip shows, kept in local_meta between syncs. */
export interface SyncRecord {
  lastOkAt: string | null;
  offlineSince: string | null;
  error: { code: ErrorCode; details: Record<string, unknown> } | null;
  clockSkewMs: number | null;
}

export function readSyncRecord(db: Database): SyncRecord {
  const raw = meta(db, 'sync_state');
  if (!raw) return { lastOkAt: null, offlineSince: null, error: null, clockSkewMs: null };
  try {
    return JSON.parse(raw) as SyncRecord;
  } catch {
    return { lastOkAt: null, offlineSince: null, error: null, clockSkewMs: null };
  }
}

function writeSyncRecord(db: Database, record: SyncRecord): void {
  setMeta(db, 'sync_state', JSON.stringify(record));
}

export function countQuarantined(db: Database): number {
  return db.prepare('SELECT count(*) FROM sync_quarantine').pluck().get() as number;
}

/**
 * One full sync: push everything, push the audit chain, pull everything. The counts are those of
 * this run; `pending` and `quarantined` what is left on this desk afterwards.
 */
export async function syncOnce(core: Core, options: { url?: string; env?: NodeJS.ProcessEnv; batch?: number; pullBatch?: number } = {}): Promise<SyncCounts> {
  const identity = identityOf(core);
  const url = options.url ?? upstreamUrl(core, options.env);
  if (!url) throw new AppError('sync.not-configured');
  const record = readSyncRecord(core.db);
  const now = () => core.clock.now().toISOString();
  let client: pg.Client | null = null;
  try {
    client = await connectUpstream(url);
    await requireUpstreamVersion(client);
    await checkCentre(client, identity.centreId);
    const skew = await measureSkew(core.clock, client);
    await registerWorkstation(core, client);
    snapshotIfPruned(core);
    const counts: SyncCounts = { pushed: 0, pulled: 0, conflicts: 0, pending: 0, quarantined: 0 };
    for (;;) {
      const { sent, written } = await pushBatch(core, client, options.batch ?? PUSH_BATCH);
      counts.pushed += written;
      if (sent === 0) break;
    }
    await pushAudit(core, client, options.batch ?? PUSH_BATCH);
    for (;;) {
      const { fetched, result } = await pullBatch(core, client, options.pullBatch ?? options.batch ?? PULL_BATCH);
      if (fetched === 0) break;
      counts.pulled += result.applied;
      counts.conflicts += result.conflicts;
    }
    counts.pending = pendingChanges(core.db);
    counts.quarantined = countQuarantined(core.db);
    writeSyncRecord(core.db, { lastOkAt: now(), offlineSince: null, error: null, clockSkewMs: skew });
    return counts;
  } catch (caught) {
    const error = upstreamError(caught);
    const offline = error.code === 'sync.offline';
    writeSyncRecord(core.db, {
      ...record,
      offlineSince: offline ? (record.offlineSince ?? now()) : record.offlineSince,
      error: { code: error.code, details: error.details },
    });
    throw error;
  } finally {
    await client?.end().catch(() => undefined);
  }
}

/** Whether this desk has an upstream to sync with (a URL remembered, or ACOGIDA_UPSTREAM_URL). */
export function syncConfigured(core: Core, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACOGIDA_UPSTREAM_URL) || meta(core.db, 'upstream_secret') !== undefined;
}

/**
 * Background sync for a running app or host: every few seconds while the upstream answers,
 * backing off (doubling to five minutes) while it does not. One run at a time; `now()` asks for
 * one at once and waits for it.
 */
export class SyncLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SyncCounts | null> | null = null;
  private delay: number;
  private stopped = false;

  constructor(
    private readonly core: Core,
    private readonly options: { intervalMs?: number; maxBackoffMs?: number; env?: NodeJS.ProcessEnv } = {},
  ) {
    this.delay = options.intervalMs ?? 5000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Syncs now (or waits for the run under way); null when no upstream is configured. */
  async now(): Promise<SyncCounts | null> {
    if (this.running) return this.running;
    if (!syncConfigured(this.core, this.options.env)) return null;
    this.running = syncOnce(this.core, { env: this.options.env }).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    const interval = this.options.intervalMs ?? 5000;
    try {
      await this.now();
      this.delay = interval;
    } catch {
      this.delay = Math.min(Math.max(this.delay * 2, interval), this.options.maxBackoffMs ?? 300_000);
    }
    this.schedule(this.delay);
  }
}
