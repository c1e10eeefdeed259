import type { Database } from './driver';

/**
 * How long the outbox keeps changes while no upstream is configured: 30 days.
 *
 * The outbox exists to be pushed. Without an upstream nobody will read it, and every old version
 * of every row (a name as first mistyped, a consent before its withdrawal) would stay in it for
 * good, beside the corrected record. Thirty days keep the exact recent history a centre that
 * installs its server after a first month of work would want to merge desk by desk; anything
 * older is pruned, and the first push of such a workstation sends the current state of its rows
 * instead (`outbox_pruned_before` says from where the history is complete).
 */
export const OUTBOX_RETENTION_DAYS = 30;

/** Whether this workstation pushes to an upstream (set by the replication issue's `upstream` setup). */
export function upstreamConfigured(db: Database): boolean {
  return db.prepare("SELECT 1 FROM local_meta WHERE key = 'upstream'").get() !== undefined;
}

/** Raises the kept newest HLC (local_meta last_hlc, read by context.ts createHlc) to `hlc` if it is newer. */
export function keepLastHlc(db: Database, hlc: string): void {
  const kept = db.prepare("SELECT value FROM local_meta WHERE key = 'last_hlc'").pluck().get() as string | undefined;
  if (!kept || hlc > kept) db.prepare("INSERT INTO local_meta (key, value) VALUES ('last_hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(hlc);
}

/**
 * Prunes the outbox: changes already pushed upstream go at once; with no upstream configured,
 * changes older than OUTBOX_RETENTION_DAYS go too. The newest HLC this workstation issued is kept
 * in local_meta first, so its clock never goes back (context.ts createHlc). Returns how many went.
 */
export function pruneOutbox(db: Database, now: Date): number {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 86_400_000).toISOString();
  const keepUnpushed = upstreamConfigured(db);
  return db.transaction(() => {
    // Pushed changes always go; old unpushed ones only while no upstream will ever read them.
    const doomed = '(pushed_at IS NOT NULL OR (? AND created_at < ?))';
    const params = [keepUnpushed ? 0 : 1, cutoff];
    const newest = db.prepare(`SELECT max(hlc) FROM changes WHERE ${doomed}`).pluck().get(...params) as string | null;
    if (newest === null) return 0;
    keepLastHlc(db, newest);
    if (!keepUnpushed) {
      const before = db.prepare("SELECT value FROM local_meta WHERE key = 'outbox_pruned_before'").pluck().get() as string | undefined;
      if (!before || cutoff > before)
        db.prepare("INSERT INTO local_meta (key, value) VALUES ('outbox_pruned_before', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(cutoff);
    }
    return db.prepare(`DELETE FROM changes WHERE ${doomed}`).run(...params).changes;
  }).immediate();
}
