import { AuditHead, auditHeadFile, startKeyedChain } from './audit-log';
import { createHlc, loadIdentity, systemClock, type Clock, type Core } from './context';
import { openDatabase } from './db/open';
import { pruneOutbox } from './db/outbox';
import { hostKeys, type WorkstationKeys } from './keys';
import { ProgressBoard } from './progress';
import { syncNameIndex } from './domains/names/service';

/**
 * Opens an encrypted workstation database (migrating it) and the state every call shares.
 * `keys` come from Electron's safeStorage in the app; without them (the loopback host, the CLI,
 * tests and benchmarks) from the host key file (keys.ts), created only for a new database.
 */
export function openCore(file: string, clock: Clock = systemClock, keys: WorkstationKeys = hostKeys(file, clock.now())): Core {
  const db = openDatabase(file, { key: keys.database });
  try {
    db.transaction(() => startKeyedChain(db, keys.audit)).immediate();
    pruneOutbox(db, clock.now());
    // Matching keys follow the name knowledge (shipped files + the centre's entries).
    syncNameIndex(db);
    const identity = loadIdentity(db);
    return {
      db,
      clock,
      identity,
      hlc: identity ? createHlc(db, identity.workstationId, clock) : null,
      progress: new ProgressBoard(),
      keys,
      auditHead: new AuditHead(auditHeadFile(file), keys.audit),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function closeCore(core: Core): void {
  core.db.close();
}
