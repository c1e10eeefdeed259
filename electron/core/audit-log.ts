import { createHash } from 'node:crypto';
import type { Database } from './db/driver';

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

interface AuditRow {
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

function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
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
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Appends one entry chained to the previous. Call inside a write transaction. */
export function appendAudit(db: Database, entry: AuditEntryInput): number {
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
  const hash = entryHash(prevHash, row);
  db.prepare(
    `INSERT INTO audit_log (seq, at, centre_id, workstation_id, user_id, username, roles, method, record_ids,
       outcome, sensitive, prev_hash, hash)
     VALUES (@seq, @at, @centre_id, @workstation_id, @user_id, @username, @roles, @method, @record_ids,
       @outcome, @sensitive, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash });
  return seq;
}

export type AuditBreak =
  | { seq: number; reason: 'hash-mismatch' }
  | { seq: number; reason: 'chain-broken' }
  | { seq: number; reason: 'missing-entries' }
  | { seq: number; reason: 'tail-missing' };

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: AuditBreak | null;
}

/**
 * Walks the whole chain. Reports the first entry whose content was edited (hash-mismatch),
 * whose predecessor was replaced (chain-broken), that follows deleted entries (missing-entries),
 * or the end of a log whose last entries were deleted (tail-missing).
 */
export function verifyAudit(db: Database): AuditVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'missing-entries' } };
    if (row.prev_hash !== prevHash) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'chain-broken' } };
    if (entryHash(row.prev_hash, row) !== row.hash)
      return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'hash-mismatch' } };
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
    | { seq: number }
    | undefined;
  if (sequence && sequence.seq >= expectedSeq)
    return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: 'tail-missing' } };
  return { ok: true, checked, firstBroken: null };
}
