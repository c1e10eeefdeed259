import { createHlc, loadIdentity, systemClock, type Clock, type Core } from './context';
import { openDatabase } from './db/open';
import { ProgressBoard } from './progress';

/** Opens a workstation database (migrating it) and the state every call shares. */
export function openCore(file: string, clock: Clock = systemClock): Core {
  const db = openDatabase(file);
  const identity = loadIdentity(db);
  return { db, clock, identity, hlc: identity ? createHlc(db, identity.workstationId, clock) : null, progress: new ProgressBoard() };
}

export function closeCore(core: Core): void {
  core.db.close();
}
