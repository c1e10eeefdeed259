import writeXlsxFile from 'write-excel-file/node';
import type { DailySummary } from './contract';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) is
 * written with a leading apostrophe: every CSV and XLSX the app writes passes through this, so a
 * name or a code crafted as `=HYPERLINK(…)` stays text (OWASP, "CSV injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const cell = (value: string | number): string => {
  const text = neutralise(String(value));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The summary's figures as rows of section, figure, key, value (one CSV a statistician can pivot). */
export function summaryRows(s: DailySummary): [string, string, string, number][] {
  const rows: [string, string, string, number][] = [];
  const walk = (section: string, figure: string, value: unknown) => {
    if (typeof value === 'number') rows.push([section, figure, '', value]);
    else if (Array.isArray(value)) for (const v of value) rows.push([section, figure, String(v), 1]);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (typeof v === 'number') rows.push([section, figure, k, v]);
  };
  for (const section of ['arrivals', 'persons', 'screening', 'alerts', 'aid', 'care', 'referrals'] as const)
    for (const [figure, value] of Object.entries(s[section])) walk(section, figure, value);
  return rows;
}

export function summaryCsv(s: DailySummary): string {
  const header = FIGURE_HEADER;
  const lines = summaryRows(s).map((r) => [s.from, s.to, s.centre, ...r].map(cell).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

const FIGURE_HEADER = ['from', 'to', 'centre', 'section', 'figure', 'key', 'value'];

/**
 * The same figures as a spreadsheet (one sheet, the CSV's columns; numbers as numbers). Every text
 * cell is neutralised as in the CSV, so no cell of a file the app writes is ever a formula.
 */
export function summaryXlsx(s: DailySummary): Promise<Buffer> {
  const text = (value: string) => ({ type: String, value: neutralise(value) });
  const data = [
    FIGURE_HEADER.map((h) => ({ ...text(h), fontWeight: 'bold' as const })),
    ...summaryRows(s).map(([section, figure, key, value]) => [text(s.from), text(s.to), text(s.centre), text(section), text(figure), text(key), { type: Number, value }]),
  ];
  return writeXlsxFile(data, { sheet: 'resumen', columns: [{ width: 12 }, { width: 12 }, { width: 32 }, { width: 12 }, { width: 22 }, { width: 22 }, { width: 8 }] }).toBuffer();
}

/** Rows under a header, as CSV (CRLF, quoted where needed, formula-like cells neutralised). */
export function tableCsv(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `${[columns.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n')}\r\n`;
}
