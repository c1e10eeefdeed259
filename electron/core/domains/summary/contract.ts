import { z } from 'zod';
import { IsoDate } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

/**
 * The manager's daily summary (docs/spec.md): counts for a day or a range in the centre's time
 * zone, never a name. One shape for the screen and for `acogida report daily --json` (other
 * tools read it: snake_case keys, as the CLI prints them).
 */
const Counts = z.record(z.string(), z.number().int());
export const DailySummary = z.object({
  from: z.string(),
  to: z.string(),
  centre: z.string(),
  arrivals: z.object({ total: z.number().int(), by_route: Counts, by_origin: Counts }),
  persons: z.object({
    expected: z.number().int(),
    received: z.number().int(),
    no_shows: z.number().int(),
    by_sex: Counts,
    by_age_group: z.object({ '0-12': z.number().int(), '13-17': z.number().int(), '18-59': z.number().int(), '60+': z.number().int(), unknown: z.number().int() }),
    unaccompanied_minors: z.number().int(),
    family_units: z.number().int(),
    repeat_returnees: z.number().int(),
    disabilities: Counts,
    indigenous_language: z.number().int(),
    interpreter_needed: z.number().int(),
  }),
  screening: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int(), not_screened: z.number().int(), overdue: z.number().int() }),
  alerts: z.object({ checked: z.number().int(), pending: z.number().int(), confirmed: z.number().int(), dismissed: z.number().int() }),
  aid: z.object({ delivered: Counts, low_stock: z.array(z.string()) }),
  care: z.object({ pfa_contacts: z.number().int(), sessions: z.number().int(), medical: z.number().int(), risk_flags: z.number().int() }),
  referrals: z.object({ created: z.number().int(), by_status: Counts, by_institution: Counts, overdue: z.number().int() }),
});
export type DailySummary = z.infer<typeof DailySummary>;

export const EXPORT_COLUMNS = ['age_group', 'sex', 'department', 'nationality', 'screening_level', 'services', 'referrals'] as const;
export const K = 5;

export const summaryContract = {
  /**
   * The anonymised person-level export for statistics: one row per person received, no name,
   * document, birth date or free text, k-anonymous (k = 5) on age group, sex, department and
   * nationality; says how many cells were generalised or suppressed.
   */
  'summary.export': method({ access: ['manager'], sensitive: true,
    input: z.strictObject({ from: IsoDate, to: IsoDate }).refine((v) => v.to >= v.from, { error: 'validation.summaryRange', path: ['to'] }),
    output: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())), k: z.number().int(), suppressedCells: z.number().int() }),
    audit: 'read',
  }),
  /** The summary as a PDF (base64), made in the core: the same file the CLI writes. */
  'summary.pdf': method({ access: ['manager', 'admin'],
    input: z.strictObject({ from: IsoDate, to: IsoDate.optional(), locale: z.enum(['es', 'en']).default('es'), paper: z.enum(['a4', 'letter']).default('letter') }).refine((v) => !v.to || v.to >= v.from, { error: 'validation.summaryRange', path: ['to'] }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  /** The figures as a spreadsheet (CSV or XLSX, formula-like cells neutralised): the CLI's --csv/--xlsx file. */
  'summary.spreadsheet': method({ access: ['manager', 'admin'],
    input: z.strictObject({ from: IsoDate, to: IsoDate.optional(), format: z.enum(['csv', 'xlsx']) }).refine((v) => !v.to || v.to >= v.from, { error: 'validation.summaryRange', path: ['to'] }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  /** summary.export as the CSV file `acogida report export` writes, for the screen's download. */
  'summary.exportCsv': method({ access: ['manager'], sensitive: true,
    input: z.strictObject({ from: IsoDate, to: IsoDate }).refine((v) => v.to >= v.from, { error: 'validation.summaryRange', path: ['to'] }),
    output: z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int(), k: z.number().int(), suppressedCells: z.number().int() }),
    audit: 'read',
  }),
  /** The summary of a day (or of `from`…`to`, both included), as counts only. */
  'summary.daily': method({ access: ['manager', 'admin'], input: z.strictObject({ from: IsoDate, to: IsoDate.optional() }).refine((v) => !v.to || v.to >= v.from, { error: 'validation.summaryRange', path: ['to'] }), output: DailySummary }),
};

export const domain = defineDomain({
  name: 'summary',
  methods: summaryContract,
  errors: { 'summary.centre-unknown': 404, 'summary.no-centres': 404 },
  messages,
  tables: {},
});
