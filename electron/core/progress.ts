/**
 * Progress of long calls (a 100,000-row manifest), for a progress bar. The call that works
 * reports here between chunks; the screen asks `manifests.progress` with the id it chose. Only
 * counts are kept, no personal data, and only the user who started a job can read it.
 */
export type ProgressStage = 'reading' | 'checking' | 'saving';

interface Job {
  owner: string;
  stage: ProgressStage;
  done: number;
  total: number;
  updatedAt: number;
}

const STALE_MS = 10 * 60_000;

export class ProgressBoard {
  private readonly jobs = new Map<string, Job>();

  report(id: string | undefined, owner: string, stage: ProgressStage, done: number, total: number): void {
    if (!id) return;
    // Only ages progress entries out of memory: no day or time of day is derived from it.
    // eslint-disable-next-line no-restricted-syntax
    const now = Date.now();
    for (const [key, job] of this.jobs) if (now - job.updatedAt > STALE_MS) this.jobs.delete(key);
    const existing = this.jobs.get(id);
    if (existing && existing.owner !== owner) return;
    this.jobs.set(id, { owner, stage, done, total, updatedAt: now });
  }

  finish(id: string | undefined): void {
    if (id) this.jobs.delete(id);
  }

  read(id: string, owner: string): { stage: ProgressStage | null; done: number; total: number } {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) return { stage: null, done: 0, total: 0 };
    return { stage: job.stage, done: job.done, total: job.total };
  }
}

/** Lets pending I/O (a progress question) be answered between chunks of a long call. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
