import { centreTimeZone } from '../../centre';
import type { ServiceContext } from '../../context';
import { handle } from '../../handler';
import { ageAt } from '../../partial-date';
import { addDays, formatInstant, zonedDayStart } from '../../time';
import { summaryPdf } from '../../summary-pdf';
import { displayNameOf } from '../persons/store';
import { EXPORT_COLUMNS, K, type DailySummary } from './contract';
import { kAnonymise, type AnonRow } from '../../summary-anonymise';
import { alertCounts, arrivalCounts, careCounts, centreName, deliveredByType, exportRows, lowStockCodes, referralCounts, servicesAndReferrals, stayScreenings, stays } from './store';

/** Languages that are not indigenous (docs/spec.md, station 2): everything else counts as one. */
const NOT_INDIGENOUS = new Set(['es', 'en', 'other']);

const tally = (values: readonly string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};

function ageBand(age: number | null): keyof DailySummary['persons']['by_age_group'] {
  if (age === null) return 'unknown';
  if (age <= 12) return '0-12';
  if (age <= 17) return '13-17';
  if (age <= 59) return '18-59';
  return '60+';
}

/**
 * The summary of `from`…`to` (centre dates, both included). People are counted when received
 * (checked in) on an arrival of the period, unless the key says expected or no-show.
 */
export function dailySummary(ctx: ServiceContext, from: string, to: string): DailySummary {
  const centreId = ctx.core.identity!.centreId;
  const zone = centreTimeZone(ctx);
  const start = zonedDayStart(from, zone).toISOString();
  const end = zonedDayStart(addDays(to, 1), zone).toISOString();
  const now = ctx.clock.now().toISOString();

  const arrivals = arrivalCounts(ctx.db, centreId, from, to);
  const all = stays(ctx.db, centreId, from, to);
  const received = all.filter((s) => s.status === 'arrived');
  const screenings = stayScreenings(ctx.db, received.map((s) => s.stay_id));
  const levels = { red: 0, yellow: 0, green: 0, not_screened: 0, overdue: 0 };
  for (const s of received) {
    const screening = screenings.get(s.stay_id);
    if (!screening) {
      levels.not_screened++;
      continue;
    }
    levels[screening.level as 'red' | 'yellow' | 'green']++;
    if (!screening.attended && screening.deadline_at < now) levels.overdue++;
  }
  const families = new Set(received.filter((s) => s.group_type === 'family').map((s) => s.family_group ?? s.stay_id));
  const care = careCounts(ctx.db, centreId, start, end);
  const referrals = referralCounts(ctx.db, centreId, start, end, now);
  return {
    from,
    to,
    centre: centreName(ctx.db, centreId),
    arrivals: {
      total: arrivals.reduce((n, a) => n + a.n, 0),
      by_route: arrivals.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.route]: (acc[a.route] ?? 0) + a.n }), {}),
      by_origin: arrivals.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.origin]: (acc[a.origin] ?? 0) + a.n }), {}),
    },
    persons: {
      expected: all.filter((s) => s.source === 'manifest').length,
      received: received.length,
      no_shows: all.filter((s) => s.status === 'no_show').length,
      by_sex: tally(received.map((s) => s.sex ?? 'unknown')),
      by_age_group: { '0-12': 0, '13-17': 0, '18-59': 0, '60+': 0, unknown: 0, ...tally(received.map((s) => ageBand(ageAt(s.birth_date, s.arrival_date)))) },
      unaccompanied_minors: received.filter((s) => s.group_type === 'unaccompanied_minor').length,
      family_units: families.size,
      repeat_returnees: received.filter((s) => s.earlier_stays > 0).length,
      disabilities: tally(received.flatMap((s) => JSON.parse(s.disabilities) as string[])),
      indigenous_language: received.filter((s) => (JSON.parse(s.languages) as string[]).some((l) => !NOT_INDIGENOUS.has(l))).length,
      interpreter_needed: received.filter((s) => s.interpreter_needed === 1).length,
    },
    screening: levels,
    alerts: alertCounts(ctx.db, [...new Set(received.map((s) => s.person_id))]),
    aid: { delivered: Object.fromEntries(deliveredByType(ctx.db, centreId, start, end).map((d) => [d.code, d.n])), low_stock: lowStockCodes(ctx.db, centreId) },
    care: { pfa_contacts: care.pfa, sessions: care.sessions, medical: care.medical, risk_flags: care.flags },
    referrals: {
      created: referrals.length,
      by_status: tally(referrals.map((r) => r.status)),
      by_institution: tally(referrals.map((r) => r.code)),
      overdue: referrals.filter((r) => r.overdue).length,
    },
  };
}

/** The person-level export, k-anonymised (electron/core/summary-anonymise.ts). */
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

export const summaryHandlers = {
  'summary.pdf': handle('summary.pdf', {
    // The PDF is written outside the transaction (pdfkit streams); the figures are read in it.
    async prepare(ctx, input) {
      const summary = dailySummary(ctx, input.from, input.to ?? input.from);
      const by = (ctx.actor.userId && displayNameOf(ctx.db, ctx.actor.userId)) || ctx.actor.username;
      const at = formatInstant(ctx.clock.now().toISOString(), centreTimeZone(ctx));
      return { summary, pdf: await summaryPdf(summary, { locale: input.locale, paper: input.paper, generatedAt: at, generatedBy: by }) };
    },
    run: (_ctx, _input, prepared) => ({ fileName: `resumen-${prepared.summary.from}${prepared.summary.to !== prepared.summary.from ? `-${prepared.summary.to}` : ''}.pdf`, base64: prepared.pdf.toString('base64') }),
  }),
  'summary.export': handle('summary.export', {
    run: (ctx, input) => anonymisedExport(ctx, input.from, input.to),
  }),

  'summary.daily': handle('summary.daily', {
    run: (ctx, input) => dailySummary(ctx, input.from, input.to ?? input.from),
  }),
};
