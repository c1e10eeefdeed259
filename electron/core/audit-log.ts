import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { Database } from './db/driver';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained. Each entry's
 * hash is an HMAC-SHA256, under the workstation's audit key (keys.ts, never in the database), of
 * the previous hash and the entry. After every commit the chain head (last seq and hash, with its
 * own HMAC) is appended to a small file beside the database, the head file.
 *
 * What this protects against: someone with the database file (and the database key) who drops the
 * triggers, edits or deletes entries, and recomputes the hashes and sqlite_sequence. Without the
 * audit key the recomputed hashes do not verify (`hash-mismatch`); deleting the last entries leaves
 * the head file naming an entry the log lacks (`truncated`); a forged head line fails its HMAC.
 *
 * What it does not: someone who has the audit key too (the workstation's OS account, or root)
 * can rewrite everything; someone who deletes the last entries AND the same last lines of the
 * head file (or the whole head file on a log it never reached) is not caught here. The upstream
 * copy of each workstation's chain head (the replication issue) closes that gap: a workstation
 * cannot take back what it already pushed.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  at: string;
  centreId: string | null;
  workstationId: string | null;
  userId: string | null;
  username: string;
  roles: readonly string[];
  method: string;
  recordIds: readonly string[];
  outcome: string;
  sensitive: boolean;
}

/** One row of the audit log as stored (the upstream keeps a copy of each: electron/core/sync). */
export interface AuditRow {
  seq: number;
  at: string;
  centre_id: string | null;
  workstation_id: string | null;
  user_id: string | null;
  username: string;
  roles: string;
  method: string;
  record_ids: string;
  outcome: string;
  sensitive: number;
  prev_hash: string;
  hash: string;
}

/**
 * The entry hash. From `keyedFrom` on, an HMAC under the audit key; before it (entries written by
 * an Acogida without keys, kept when `acogida db encrypt` moved the file over), plain SHA-256.
 */
function entryHash(key: Buffer, keyed: boolean, prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  // Field order is fixed here; the stored JSON columns are hashed as stored text.
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.centre_id,
    row.workstation_id,
    row.user_id,
    row.username,
    row.roles,
    row.method,
    row.record_ids,
    row.outcome,
    row.sensitive,
  ]);
  const digest = keyed ? createHmac('sha256', key) : createHash('sha256');
  return digest.update(prevHash).update('\n').update(canonical).digest('hex');
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('hex');

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

// ---------------------------------------------------------------------------------------------
// Where the keyed chain starts: local_meta 'audit_chain' = "<from>:<hmac>", itself under the key,
// so moving the start forward (to pass forged entries as old unkeyed ones) does not verify.

const MARKER = 'audit_chain';

/**
 * Records that the keyed chain starts at 1, for a database whose log is still empty. Never over a
 * log that has entries: a missing marker on a non-empty log is itself a finding.
 */
export function startKeyedChain(db: Database, key: Buffer): void {
  if (lastSeq(db) > 0 || db.prepare('SELECT 1 FROM local_meta WHERE key = ?').get(MARKER)) return;
  writeMarker(db, key, 1);
}

/**
 * Starts the keyed chain after the entries an Acogida without keys wrote (only `acogida db
 * encrypt` calls this, after checking the old chain). Those entries keep their plain hashes.
 */
export function startKeyedChainAfterLegacy(db: Database, key: Buffer): number {
  const from = lastSeq(db) + 1;
  db.transaction(() => {
    db.prepare('DELETE FROM local_meta WHERE key = ?').run(MARKER);
    writeMarker(db, key, from);
  }).immediate();
  return from;
}

function writeMarker(db: Database, key: Buffer, from: number): void {
  db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?)').run(MARKER, `${from}:${mac(key, `${MARKER}:${from}`)}`);
}

function keyedFrom(db: Database, key: Buffer): { from: number; problem: 'marker-missing' | 'marker-forged' | null } {
  const value = db.prepare('SELECT value FROM local_meta WHERE key = ?').pluck().get(MARKER) as string | undefined;
  if (!value) return { from: 1, problem: 'marker-missing' };
  const [from, tag] = value.split(':');
  const n = Number(from);
  if (!Number.isInteger(n) || n < 1 || !tag || !sameHex(tag, mac(key, `${MARKER}:${n}`))) return { from: 1, problem: 'marker-forged' };
  return { from: n, problem: null };
}

function lastSeq(db: Database): number {
  const last = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null;
  const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined;
  return Math.max(last ?? 0, sequence ?? 0);
}

/** Appends one entry chained to the previous. Call inside a write transaction. */
export function appendAudit(db: Database, key: Buffer, entry: AuditEntryInput): number {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
    | { seq: number }
    | undefined;
  const seq = Math.max(last?.seq ?? 0, sequence?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    seq,
    at: entry.at,
    centre_id: entry.centreId,
    workstation_id: entry.workstationId,
    user_id: entry.userId,
    username: entry.username,
    roles: JSON.stringify(entry.roles),
    method: entry.method,
    record_ids: JSON.stringify(entry.recordIds),
    outcome: entry.outcome,
    sensitive: entry.sensitive ? 1 : 0,
  };
  const hash = entryHash(key, true, prevHash, row);
  db.prepare(
    `INSERT INTO audit_log (seq, at, centre_id, workstation_id, user_id, username, roles, method, record_ids,
       outcome, sensitive, prev_hash, hash)
     VALUES (@seq, @at, @centre_id, @workstation_id, @user_id, @username, @roles, @method, @record_ids,
       @outcome, @sensitive, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash });
  return seq;
}

// ---------------------------------------------------------------------------------------------
// The head file: "<seq> <hash> <hmac>\n" lines, appended after each commit that added entries.

/** The head file of a database: beside it, e.g. acogida.db.audit-head. */
export function auditHeadFile(databaseFile: string): string {
  return `${databaseFile}.audit-head`;
}

/** Above this size the head file is rewritten with its last line only (atomically), so it stays small. */
const HEAD_FILE_MAX = 1024 * 1024;

const headLine = (key: Buffer, seq: number, hash: string) => `${seq} ${hash} ${mac(key, `audit-head:${seq}:${hash}`)}\n`;

/**
 * Writes the chain head after commits. `flush` is called by dispatch after every transaction; it
 * appends only when the log grew since the last line it wrote (one cheap indexed read otherwise).
 */
export class AuditHead {
  private written = -1;

  constructor(
    readonly file: string,
    private readonly key: Buffer,
  ) {}

  flush(db: Database): void {
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    if (!last || last.seq <= this.written) return;
    const line = headLine(this.key, last.seq, last.hash);
    let size = 0;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      // no head file yet
    }
    if (size > HEAD_FILE_MAX) {
      const temporary = `${this.file}.tmp`;
      fs.writeFileSync(temporary, line, { mode: 0o600 });
      fs.renameSync(temporary, this.file);
    } else fs.appendFileSync(this.file, line, { mode: 0o600 });
    this.written = last.seq;
  }
}

// ---------------------------------------------------------------------------------------------

export type AuditBreakReason =
  | 'hash-mismatch'
  | 'chain-broken'
  | 'missing-entries'
  | 'tail-missing'
  | 'marker-missing'
  | 'marker-forged'
  | 'head-missing'
  | 'head-forged'
  | 'head-mismatch'
  | 'truncated';

export interface AuditBreak {
  seq: number;
  reason: AuditBreakReason;
}

export interface AuditCheck {
  name: 'keyed-from' | 'chain' | 'head';
  ok: boolean;
  reason: AuditBreakReason | null;
  seq: number | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: AuditBreak | null;
  /** Each check and whether it passed: where the keyed chain starts, the chain, the head file. */
  checks: AuditCheck[];
}

/**
 * Verifies three things and says which failed:
 * 1. `keyed-from`: the start of the keyed chain is recorded and carries a valid HMAC;
 * 2. `chain`: every entry's hash, link and sequence (hash-mismatch, chain-broken, missing-entries,
 *    tail-missing);
 * 3. `head`: every line of the head file has a valid HMAC (head-forged) and names an entry the log
 *    has with that very hash (truncated when the log is shorter, head-mismatch when it differs);
 *    a log with keyed entries and no head file is head-missing.
 */
export function verifyAudit(db: Database, key: Buffer, headFile: string | null): AuditVerification {
  const checks: AuditCheck[] = [];
  const marker = keyedFrom(db, key);
  const total = lastSeq(db);
  const markerProblem = marker.problem && total > 0 ? marker.problem : null;
  checks.push({ name: 'keyed-from', ok: markerProblem === null, reason: markerProblem, seq: markerProblem ? marker.from : null });

  const chain = verifyChain(db, key, marker.from);
  checks.push({ name: 'chain', ok: chain.broken === null, reason: chain.broken?.reason ?? null, seq: chain.broken?.seq ?? null });

  const head = headFile ? verifyHead(db, key, headFile, marker.from, total) : null;
  if (headFile) checks.push({ name: 'head', ok: head === null, reason: head?.reason ?? null, seq: head?.seq ?? null });

  const failed = checks.find((c) => !c.ok);
  return {
    ok: !failed,
    checked: chain.checked,
    firstBroken: failed ? { seq: failed.seq ?? 0, reason: failed.reason! } : null,
    checks,
  };
}

/** The chain of an unencrypted database from before keys: every entry hashed with plain SHA-256. */
export function verifyLegacyChain(db: Database): { checked: number; broken: AuditBreak | null } {
  return verifyChain(db, Buffer.alloc(0), Number.POSITIVE_INFINITY);
}

function verifyChain(db: Database, key: Buffer, from: number): { checked: number; broken: AuditBreak | null } {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq) return { checked, broken: { seq: row.seq, reason: 'missing-entries' } };
    if (row.prev_hash !== prevHash) return { checked, broken: { seq: row.seq, reason: 'chain-broken' } };
    if (!sameHex(entryHash(key, row.seq >= from, row.prev_hash, row), row.hash)) return { checked, broken: { seq: row.seq, reason: 'hash-mismatch' } };
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined;
  if (sequence !== undefined && sequence >= expectedSeq) return { checked, broken: { seq: expectedSeq, reason: 'tail-missing' } };
  return { checked, broken: null };
}

function verifyHead(db: Database, key: Buffer, headFile: string, from: number, total: number): AuditBreak | null {
  let text: string;
  try {
    text = fs.readFileSync(headFile, 'utf8');
  } catch {
    // Keyed entries were written, so a head line was too.
    return total >= from && total > 0 ? { seq: total, reason: 'head-missing' } : null;
  }
  const hashAt = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  let highest = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [seqText, hash, tag] = line.split(' ');
    const seq = Number(seqText);
    if (!Number.isInteger(seq) || !hash || !tag || !sameHex(tag, mac(key, `audit-head:${seq}:${hash}`))) return { seq: Number.isInteger(seq) ? seq : 0, reason: 'head-forged' };
    const stored = hashAt.get(seq) as string | undefined;
    if (stored === undefined) return { seq, reason: 'truncated' };
    if (stored !== hash) return { seq, reason: 'head-mismatch' };
    highest = Math.max(highest, seq);
  }
  if (highest === 0 && total >= from && total > 0) return { seq: total, reason: 'head-missing' };
  return null;
}
