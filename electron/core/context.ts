import type { SyncLoop } from './sync/engine';
import type { AuditHead } from './audit-log';
import type { Database } from './db/driver';
import { HybridLogicalClock } from './hlc';
import type { Locale } from './i18n/translate';
import type { ProgressBoard } from './progress';
import type { WorkstationKeys } from './keys';
import type { Role } from './roles';

export interface Clock {
  now(): Date;
}

// The one reading of the machine's clock; everything else asks a Clock (tests pin it).
// eslint-disable-next-line no-restricted-syntax
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at a chosen instant and then runs at the real pace: how a rehearsal or an
 * end-to-end test puts the whole app at 23:30 centre time (`ACOGIDA_CLOCK_START`, see the CLI).
 */
export function clockStartingAt(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

/** Who is calling: a signed-in user, the CLI's system user, or nobody yet. */
export interface Actor {
  kind: 'user' | 'system' | 'anonymous';
  userId: string | null;
  username: string;
  roles: readonly Role[];
  sessionId: string | null;
}

export const ANONYMOUS: Actor = { kind: 'anonymous', userId: null, username: 'anonymous', roles: [], sessionId: null };

/** Identity of this installation, known once first-run setup is done. */
export interface Identity {
  centreId: string;
  workstationId: string;
}

/** Long-lived state of one open database: shared by every call. */
export interface Core {
  db: Database;
  clock: Clock;
  identity: Identity | null;
  hlc: HybridLogicalClock | null;
  /** Progress of long calls, read by the progress bar (no personal data). */
  progress: ProgressBoard;
  /** The database and audit keys (never stored in the database). */
  keys: WorkstationKeys;
  /** Writes the audit chain head beside the database after each commit. */
  auditHead: AuditHead;
  /** Background sync with the upstream (the app and the host; absent in one-shot CLI commands and tests). */
  sync?: SyncLoop | null;
}

/** What a service receives: the database, who acts, the time, and where to note touched records. */
export interface ServiceContext {
  db: Database;
  core: Core;
  actor: Actor;
  clock: Clock;
  locale: Locale;
  /** Ids of the records this call read or wrote; they go to the audit entry. */
  records: Set<string>;
  /** Set by a handler when this particular call touched sensitive data (a grant of alert access). */
  sensitive: boolean;
  /** Registers an undo for in-memory state changed by the call, run if the transaction fails. */
  onRollback(undo: () => void): void;
}

export function createHlc(db: Database, workstationId: string, clock: Clock): HybridLogicalClock {
  // Resume after the newest timestamp this workstation ever issued, even if the clock went back
  // (and even after the outbox was pruned: db/outbox.ts keeps it in local_meta).
  const row = db.prepare('SELECT max(hlc) AS last FROM changes WHERE origin = ?').get(workstationId) as {
    last: string | null;
  };
  const kept = db.prepare("SELECT value FROM local_meta WHERE key = 'last_hlc'").pluck().get() as string | undefined;
  const last = [row.last, kept ?? null].filter((v): v is string => v !== null).sort().pop() ?? null;
  return new HybridLogicalClock(workstationId, () => clock.now().getTime(), last);
}

export function loadIdentity(db: Database): Identity | null {
  const rows = db.prepare("SELECT key, value FROM local_meta WHERE key IN ('centre_id', 'workstation_id')").all() as {
    key: string;
    value: string;
  }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const centreId = map.get('centre_id');
  const workstationId = map.get('workstation_id');
  return centreId && workstationId ? { centreId, workstationId } : null;
}
