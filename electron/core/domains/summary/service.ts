import { centreTimeZone } from '../../centre';
import type { ServiceContext } from '../../context';
import { handle } from '../../handler';
import { ageAt } from '../../partial-date';
import { addDays, formatInstant, zonedDayStart } from '../../time';
import { summaryPdf } from './pdf';
import { summaryCsv, summaryXlsx, tableCsv } from './tables';
import { displayNameOf } from '../persons/store';
import { EXPORT_COLUMNS, K, type DailySummary } from './contract';
import { ageBand, composeSummary, type SummaryFacts } from './facts';
import { kAnonymise, type AnonRow } from './anonymise';
import { aidTypeNames, alertCounts, arrivalCounts, careCounts, centreName, deliveredByType, exportRows, lowStockCodes, referralCounts, servicesAndReferrals, stayScreenings, stays } from './store';

/** The facts of `from`…`to` (centre dates, both included) from this desk's database. */
function localFacts(ctx: ServiceContext, from: string, to: string): SummaryFacts {
  const centreId = ctx.core.identity!.centreId;
  const zone = centreTimeZone(ctx);
  const start = zonedDayStart(from, zone).toISOString();
  const end = zonedDayStart(addDays(to, 1), zone).toISOString();
  const now = ctx.clock.now().toISOString();
  const all = stays(ctx.db, centreId, from, to);
  const screenings = stayScreenings(ctx.db, all.filter((s) => s.status === 'arrived').map((s) => s.stay_id));
  return {
    centre: centreName(ctx.db, centreId),
    arrivals: arrivalCounts(ctx.db, centreId, from, to),
    stays: all.map((s) => {
      const screening = screenings.get(s.stay_id);
      return {
        status: s.status,
        source: s.source,
        group_type: s.group_type,
        family_key: s.family_group ?? s.stay_id,
        sex: s.sex,
        age: ageAt(s.birth_date, s.arrival_date),
        languages: JSON.parse(s.languages) as string[],
        interpreter_needed: s.interpreter_needed === 1,
        disabilities: JSON.parse(s.disabilities) as string[],
        earlier_stays: s.earlier_stays,
        screening: screening ? { level: screening.level, deadline_at: screening.deadline_at, attended: screening.attended === 1 } : null,
      };
    }),
    alerts: alertCounts(ctx.db, [...new Set(all.filter((s) => s.status === 'arrived').map((s) => s.person_id))]),
    delivered: deliveredByType(ctx.db, centreId, start, end),
    lowStock: lowStockCodes(ctx.db, centreId),
    care: careCounts(ctx.db, centreId, start, end),
    referrals: referralCounts(ctx.db, centreId, start, end, now).map((r) => ({ ...r, overdue: r.overdue === 1 })),
  };
}

/** The summary of `from`…`to` (centre dates, both included) on this desk (facts.ts composes it). */
export function dailySummary(ctx: ServiceContext, from: string, to: string): DailySummary {
  return composeSummary(from, to, ctx.clock.now().toISOString(), localFacts(ctx, from, to));
}

/** The person-level export, k-anonymised (anonymise.ts). */
function anonymisedExport(ctx: ServiceContext, from: string, to: string) {
  const people = exportRows(ctx.db, ctx.core.identity!.centreId, from, to);
  const levels = stayScreenings(ctx.db, people.map((p) => p.stay_id));
  const { services, referrals } = servicesAndReferrals(ctx.db, people.map((p) => p.stay_id), people.map((p) => p.person_id));
  const raw: AnonRow[] = people.map((p) => ({
    age_group: ageBand(ageAt(p.birth_date, p.arrival_date)),
    sex: p.sex ?? 'unknown',
    department: p.department ?? 'unknown',
    nationality: p.nationality ?? 'unknown',
    screening_level: levels.get(p.stay_id)?.level ?? 'not_screened',
    services: (services.get(p.stay_id) ?? []).join(';'),
    referrals: (referrals.get(p.person_id) ?? []).join(';'),
  }));
  const { rows, suppressedCells } = kAnonymise(raw, K);
  return { columns: [...EXPORT_COLUMNS], rows: rows.map((r) => EXPORT_COLUMNS.map((c) => r[c] ?? '')), k: K, suppressedCells };
}

const fileStem = (s: DailySummary) => `resumen-${s.from}${s.to !== s.from ? `-${s.to}` : ''}`;

export const summaryHandlers = {
  'summary.pdf': handle('summary.pdf', {
    // The PDF is written outside the transaction (pdfkit streams); the figures are read in it.
    async prepare(ctx, input) {
      const summary = dailySummary(ctx, input.from, input.to ?? input.from);
      const by = (ctx.actor.userId && displayNameOf(ctx.db, ctx.actor.userId)) || ctx.actor.username;
      const at = formatInstant(ctx.clock.now().toISOString(), centreTimeZone(ctx));
      const aidTypeNamesOf = aidTypeNames(ctx.db, ctx.core.identity!.centreId, input.locale);
      return { summary, pdf: await summaryPdf(summary, { locale: input.locale, paper: input.paper, generatedAt: at, generatedBy: by, aidTypeNames: aidTypeNamesOf }) };
    },
    run: (_ctx, _input, prepared) => ({ fileName: `${fileStem(prepared.summary)}.pdf`, base64: prepared.pdf.toString('base64') }),
  }),
  'summary.spreadsheet': handle('summary.spreadsheet', {
    async prepare(ctx, input) {
      const summary = dailySummary(ctx, input.from, input.to ?? input.from);
      return { summary, file: input.format === 'csv' ? Buffer.from(summaryCsv(summary), 'utf8') : await summaryXlsx(summary) };
    },
    run: (_ctx, input, { summary, file }) => ({ fileName: `${fileStem(summary)}.${input.format}`, base64: file.toString('base64') }),
  }),
  'summary.exportCsv': handle('summary.exportCsv', {
    run: (ctx, input) => {
      const result = anonymisedExport(ctx, input.from, input.to);
      return {
        fileName: `estadistica-anonimizada-${input.from}-${input.to}.csv`,
        base64: Buffer.from(tableCsv(result.columns, result.rows), 'utf8').toString('base64'),
        rows: result.rows.length,
        k: result.k,
        suppressedCells: result.suppressedCells,
      };
    },
  }),
  'summary.export': handle('summary.export', {
    run: (ctx, input) => anonymisedExport(ctx, input.from, input.to),
  }),

  'summary.daily': handle('summary.daily', {
    run: (ctx, input) => dailySummary(ctx, input.from, input.to ?? input.from),
  }),
};
