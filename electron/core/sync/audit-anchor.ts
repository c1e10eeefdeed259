import type pg from 'pg';
import type { Core } from '../context';

/**
 * The audit chain as the upstream received it is the anchor: a desk that rewrites its local log
 * after a push, even recomputing every hash with the right key, or removes entries, no longer
 * matches the copy upstream. Returns the first entry that differs, or null when every pushed
 * entry is still here unchanged.
 */
export async function compareWithUpstream(
  core: Core,
  client: pg.ClientBase,
): Promise<{ compared: number; firstBroken: { seq: number; reason: 'rewritten-since-push' | 'deleted-since-push' } | null }> {
  const { centreId, workstationId } = core.identity!;
  const local = core.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  let after = 0;
  let compared = 0;
  for (;;) {
    const res = await client.query(
      'SELECT seq, hash FROM acogida.audit_entries WHERE centre_id = $1 AND workstation_id = $2 AND seq > $3 ORDER BY seq LIMIT 10000',
      [centreId, workstationId, after],
    );
    if (res.rows.length === 0) return { compared, firstBroken: null };
    for (const row of res.rows as { seq: string; hash: string }[]) {
      const seq = Number(row.seq);
      const hash = local.get(seq) as string | undefined;
      if (hash === undefined) return { compared, firstBroken: { seq, reason: 'deleted-since-push' } };
      if (hash !== row.hash) return { compared, firstBroken: { seq, reason: 'rewritten-since-push' } };
      compared += 1;
      after = seq;
    }
  }
}
