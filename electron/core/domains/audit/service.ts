import type { AuditEntry } from './contract';
import type { ServiceContext } from '../../context';
import { verifyAudit } from '../../audit-log';
import { handle } from '../../handler';
import { translate } from '../../i18n/translate';
import { addDays, displayDate, zonedDayStart } from '../../time';
import { centreTimeZone } from '../../centre';
import { arrivalOfRecord, auditPage, caseNumberOfRecord, recordIdsOfCase } from './store';

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
      if (input.caseNumber !== undefined) {
        const ids = personRecordIds(ctx, input.caseNumber);
        where.push(`EXISTS (SELECT 1 FROM json_each(audit_log.record_ids) r WHERE r.value IN (SELECT value FROM json_each(?)))`);
        params.push(JSON.stringify(ids));
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
      const rows = auditPage(ctx.db, where, params, input.limit + 1);
      const page = rows.slice(0, input.limit);
      const entries: AuditEntry[] = page.map((r) => ({
        seq: r.seq,
        at: r.at,
        username: r.username,
        roles: JSON.parse(r.roles) as string[],
        method: r.method,
        recordIds: JSON.parse(r.record_ids) as string[],
        // A board or a queue names every person it showed; the screen lists the first few by name.
        records: (JSON.parse(r.record_ids) as string[]).map((id, i) => ({ id, label: i < LABELLED ? recordLabel(ctx, id) : id.slice(0, 8) })),
        outcome: r.outcome,
        sensitive: r.sensitive === 1,
        workstationId: r.workstation_id,
      }));
      return { entries, nextBeforeSeq: rows.length > input.limit ? page[page.length - 1]!.seq : null };
    },
  }),

  'audit.verify': handle('audit.verify', {
    run: (ctx) => verifyAudit(ctx.db, ctx.core.keys.audit, ctx.core.auditHead.file),
  }),
};

const LABELLED = 10;

/** The ids under which a person appears in the log (audit/store.ts). */
function personRecordIds(ctx: ServiceContext, caseNumber: string): string[] {
  return recordIdsOfCase(ctx.db, caseNumber);
}

/**
 * A record as the people reading the log name it: the person's case number (also for their stay,
 * screening or alert question), an arrival's flight and date; otherwise the start of its id.
 */
function recordLabel(ctx: ServiceContext, id: string): string {
  const person = caseNumberOfRecord(ctx.db, id);
  if (person) return person;
  const arrival = arrivalOfRecord(ctx.db, id);
  if (arrival) return `${[arrival.carrier, arrival.reference].filter(Boolean).join(' ') || translate(ctx.locale, `arrivalKinds.${arrival.kind}`)} · ${displayDate(arrival.arrival_date)}`;
  return id.slice(0, 8);
}
