import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeText } from './decode';
import type { ManifestProblem } from './parse';

export const MAX_SHEET_ROWS = 200_000;

/**
 * Reads a spreadsheet a centre receives (manifest, alert list): CSV in UTF-8 or Windows-1252
 * with `;`, `,` or tab, or the first sheet of an XLSX. Rows with no text are dropped. Throws
 * when the file cannot be read at all.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<{ encoding: string | null; table: string[][] }> {
  const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  let table: string[][];
  let encoding: string | null = null;
  if (isXlsx) table = await readXlsx(bytes);
  else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    table = readCsv(decoded.text);
  }
  return { encoding, table: table.filter((cells) => cells.some((c) => c.trim() !== '')) };
}

/** A readable sheet: its data rows and where each canonical column is. */
export interface Sheet<C extends string> {
  encoding: string | null;
  rows: string[][];
  columns: Map<C, number>;
}

/**
 * Reads a file and maps its header to canonical columns. Either the sheet, or the problems
 * that stop reading it (unreadable, empty, too many rows, a column missing or repeated).
 */
export async function openSheet<C extends string>(
  bytes: Uint8Array,
  fileName: string,
  columnOf: (header: string) => C | null,
  required: readonly C[],
): Promise<{ sheet: Sheet<C>; problems: [] } | { sheet: null; encoding: string | null; problems: ManifestProblem[] }> {
  let read: { encoding: string | null; table: string[][] };
  try {
    read = await readTable(bytes, fileName);
  } catch {
    return { sheet: null, encoding: null, problems: [{ row: 1, column: null, code: 'unreadable', severity: 'error' }] };
  }
  const { encoding, table } = read;
  if (table.length < 2) return { sheet: null, encoding, problems: [{ row: 1, column: null, code: 'empty', severity: 'error' }] };
  if (table.length - 1 > MAX_SHEET_ROWS) return { sheet: null, encoding, problems: [{ row: 1, column: null, code: 'too-many-rows', severity: 'error' }] };
  const problems: ManifestProblem[] = [];
  const columns = new Map<C, number>();
  table[0]!.forEach((header, i) => {
    const column = columnOf(header);
    if (!column) return;
    if (columns.has(column)) problems.push({ row: 1, column, code: 'duplicate-column', severity: 'error', value: header });
    else columns.set(column, i);
  });
  for (const column of required) if (!columns.has(column)) problems.push({ row: 1, column, code: 'missing-column', severity: 'error' });
  if (problems.length) return { sheet: null, encoding, problems };
  return { sheet: { encoding, rows: table.slice(1), columns }, problems: [] };
}

/** The trimmed text of a column in one row ('' when the file has no such column). */
export function cellReader<C extends string>(cells: string[], columns: Map<C, number>): (column: C) => string {
  return (column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (cells[index] ?? '').trim().replace(/\s+/g, ' ');
  };
}

function readCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', ',', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  return result.data;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  });
  return table;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // exceljs gives a spreadsheet's calendar date as that day's UTC midnight: its UTC day is the date.
  // eslint-disable-next-line no-restricted-syntax
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}
