import type { AuditEntry } from '../contract/audit';
import { verifyAudit } from '../audit-log';
import { handle } from '../handler';
import { addDays, zonedDayStart } from '../time';
import { centreTimeZone } from './centre';

interface Row {
  seq: number;
  at: string;
  username: string;
  roles: string;
  method: string;
  record_ids: string;
  outcome: string;
  sensitive: number;
  workstation_id: string | null;
}

export const auditHandlers = {
  'audit.list': handle('audit.list', {
    run(ctx, input) {
      const where: string[] = [];
      const params: unknown[] = [];
      const tz = centreTimeZone(ctx);
      if (input.username) {
        where.push('username = ?');
        params.push(input.username.toLowerCase());
      }
      if (input.method) {
        where.push('method = ?');
        params.push(input.method);
      }
      if (input.from) {
        where.push('at >= ?');
        params.push(zonedDayStart(input.from, tz).toISOString());
      }
      if (input.to) {
        where.push('at < ?');
        params.push(zonedDayStart(addDays(input.to, 1), tz).toISOString());
      }
      if (input.beforeSeq) {
        where.push('seq < ?');
        params.push(input.beforeSeq);
      }
      const rows = ctx.db
        .prepare(
          `SELECT seq, at, username, roles, method, record_ids, outcome, sensitive, workstation_id FROM audit_log
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
        )
        .all(...params, input.limit + 1) as Row[];
      const page = rows.slice(0, input.limit);
      const entries: AuditEntry[] = page.map((r) => ({
        seq: r.seq,
        at: r.at,
        username: r.username,
        roles: JSON.parse(r.roles) as string[],
        method: r.method,
        recordIds: JSON.parse(r.record_ids) as string[],
        outcome: r.outcome,
        sensitive: r.sensitive === 1,
        workstationId: r.workstation_id,
      }));
      return { entries, nextBeforeSeq: rows.length > input.limit ? page[page.length - 1]!.seq : null };
    },
  }),

  'audit.verify': handle('audit.verify', {
    run: (ctx) => verifyAudit(ctx.db),
  }),
};
