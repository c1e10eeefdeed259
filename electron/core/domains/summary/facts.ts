import type { DailySummary } from './contract';

/**
 * What the summary is made of, read from one centre's data for a period: the same facts whether
 * they come from a desk's SQLite file (store.ts) or from the national PostgreSQL
 * (upstream-store.ts), so the two summaries are one computation (composeSummary) and cannot
 * drift apart. Counts and opaque keys only: no name, document or birth date is ever a fact.
 */
export interface StayFact {
  status: 'expected' | 'arrived' | 'no_show';
  source: string;
  group_type: string;
  /** The family group's id, or the stay's own: families are counted by distinct key. */
  family_key: string;
  sex: string | null;
  /** Age in whole years on the day of arrival (partial-date.ts ageAt), or null. */
  age: number | null;
  languages: string[];
  interpreter_needed: boolean;
  disabilities: string[];
  earlier_stays: number;
  /** The latest screening's colour after any override, its deadline and whether it was attended. */
  screening: { level: string; deadline_at: string; attended: boolean } | null;
}

export interface SummaryFacts {
  centre: string;
  arrivals: { route: string; origin: string; n: number }[];
  stays: StayFact[];
  alerts: DailySummary['alerts'];
  delivered: { code: string; n: number }[];
  lowStock: string[];
  care: { pfa: number; sessions: number; medical: number; flags: number };
  referrals: { status: string; code: string; overdue: boolean }[];
}

/** Languages that are not indigenous (docs/spec.md, station 2): everything else counts as one. */
const NOT_INDIGENOUS = new Set(['es', 'en', 'other']);

const tally = (values: readonly string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};

const sumBy = <T>(rows: readonly T[], key: (row: T) => string, n: (row: T) => number): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + n(r);
  return out;
};

export type AgeBand = keyof DailySummary['persons']['by_age_group'];

/** The summary's age groups (docs/spec.md): 0–12, 13–17, 18–59, 60+, unknown. */
export function ageBand(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age <= 12) return '0-12';
  if (age <= 17) return '13-17';
  if (age <= 59) return '18-59';
  return '60+';
}

/**
 * The summary of `from`…`to` from its facts. People are counted when received (checked in) on an
 * arrival of the period, unless the key says expected or no-show; `now` decides what is overdue.
 */
export function composeSummary(from: string, to: string, now: string, f: SummaryFacts): DailySummary {
  const received = f.stays.filter((s) => s.status === 'arrived');
  const levels = { red: 0, yellow: 0, green: 0, not_screened: 0, overdue: 0 };
  for (const s of received) {
    if (!s.screening) {
      levels.not_screened++;
      continue;
    }
    levels[s.screening.level as 'red' | 'yellow' | 'green']++;
    if (!s.screening.attended && s.screening.deadline_at < now) levels.overdue++;
  }
  return {
    from,
    to,
    centre: f.centre,
    arrivals: {
      total: f.arrivals.reduce((n, a) => n + a.n, 0),
      by_route: sumBy(f.arrivals, (a) => a.route, (a) => a.n),
      by_origin: sumBy(f.arrivals, (a) => a.origin, (a) => a.n),
    },
    persons: {
      expected: f.stays.filter((s) => s.source === 'manifest').length,
      received: received.length,
      no_shows: f.stays.filter((s) => s.status === 'no_show').length,
      by_sex: tally(received.map((s) => s.sex ?? 'unknown')),
      by_age_group: { '0-12': 0, '13-17': 0, '18-59': 0, '60+': 0, unknown: 0, ...tally(received.map((s) => ageBand(s.age))) },
      unaccompanied_minors: received.filter((s) => s.group_type === 'unaccompanied_minor').length,
      family_units: new Set(received.filter((s) => s.group_type === 'family').map((s) => s.family_key)).size,
      repeat_returnees: received.filter((s) => s.earlier_stays > 0).length,
      disabilities: tally(received.flatMap((s) => s.disabilities)),
      indigenous_language: received.filter((s) => s.languages.some((l) => !NOT_INDIGENOUS.has(l))).length,
      interpreter_needed: received.filter((s) => s.interpreter_needed).length,
    },
    screening: levels,
    alerts: f.alerts,
    aid: { delivered: Object.fromEntries(f.delivered.filter((d) => d.n > 0).map((d) => [d.code, d.n])), low_stock: f.lowStock },
    care: { pfa_contacts: f.care.pfa, sessions: f.care.sessions, medical: f.care.medical, risk_flags: f.care.flags },
    referrals: {
      created: f.referrals.length,
      by_status: tally(f.referrals.map((r) => r.status)),
      by_institution: tally(f.referrals.map((r) => r.code)),
      overdue: f.referrals.filter((r) => r.overdue).length,
    },
  };
}

/** Several centres' summaries of the same period as one (the national office's "all centres"). */
export function mergeSummaries(parts: readonly DailySummary[], centre: string): DailySummary {
  const add = (a: unknown, b: unknown): unknown => {
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...new Set([...a, ...b])].sort();
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
      for (const [k, v] of Object.entries(b)) out[k] = k in out ? add(out[k], v) : v;
      return out;
    }
    return a;
  };
  const [first, ...rest] = parts;
  if (!first) throw new Error('mergeSummaries: nothing to merge');
  return { ...(rest.reduce<unknown>((acc, s) => add(acc, s), first) as DailySummary), from: first.from, to: first.to, centre };
}
