import type { Core } from '../context';
import { dispatch } from '../dispatch';
import type { Backup, Check } from '../domains/maintenance/contract';
import { backupDir, makeBackup, maintenanceStatus, runCheck } from '../domains/maintenance/service';
import { automaticKind, listBackups, rotateBackups } from './backup';

const DAY = 86_400_000;

/**
 * What is due now: an automatic backup when the newest automatic one is a day old (weekly when no
 * weekly one is under seven days old; then the rotation), and the integrity check with a WAL
 * checkpoint and PRAGMA optimize when the last check is a day old.
 */
export async function runDueMaintenance(core: Core, now: Date = core.clock.now()): Promise<{ backup: Backup | null; check: Check | null; rotated: string[] }> {
  const dir = backupDir(core);
  const newest = listBackups(dir).find((b) => b.kind !== 'manual');
  let backup: Backup | null = null;
  let rotated: string[] = [];
  if (!newest || now.getTime() - Date.parse(newest.at) >= DAY) {
    backup = makeBackup(core, automaticKind(dir, now), dir);
    rotated = rotateBackups(dir);
  }
  const last = maintenanceStatus(core).lastCheck;
  const check = !last || now.getTime() - Date.parse(last.at) >= DAY ? runCheck(core) : null;
  // Once a day with the check: closed cases past the retention period are anonymised.
  if (check && core.identity) await dispatch(core, 'erasure.retain', {}, { system: { kind: 'system', userId: null, username: 'retención', roles: ['manager'], sessionId: null } });
  return { backup, check, rotated };
}

/** The running app's schedule: a first look a minute after opening, then every hour. */
export class MaintenanceLoop {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: Core,
    private readonly options: { firstMs?: number; intervalMs?: number } = {},
  ) {}

  start(): void {
    this.schedule(this.options.firstMs ?? 60_000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.tick(), ms);
    this.timer.unref?.();
  }

  private tick(): void {
    runDueMaintenance(this.core)
      .catch((error: unknown) => {
        // Noted on the admin screen (the last backup's failure); the app goes on.
        console.warn('acogida: scheduled maintenance failed', (error as Error).message);
      })
      .finally(() => this.schedule(this.options.intervalMs ?? 3_600_000));
  }
}
