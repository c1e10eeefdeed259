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
  if (!isXlsx) {
    const kind = binaryKind(bytes);
    if (kind) throw new NotASpreadsheet(kind);
  }
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

/** A file that is neither text nor a spreadsheet (an image or a PDF renamed `.csv`). */
export class NotASpreadsheet extends Error {
  constructor(readonly kind: string) {
    super(`not a spreadsheet: ${kind}`);
  }
}

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'XLS (Excel 97-2003)'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR'],
  [[0x1f, 0x8b], 'GZIP'],
];

/** What a binary file is, by its first bytes (or a NUL byte no text has); null for text. */
function binaryKind(bytes: Uint8Array): string | null {
  for (const [magic, kind] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return kind;
  return bytes.subarray(0, 8192).includes(0) ? 'binary' : null;
}

/** A readable sheet: its data rows, where each canonical column is, and its header as written. */
export interface Sheet<C extends string> {
  encoding: string | null;
  rows: string[][];
  columns: Map<C, number>;
  headers: Map<C, string>;
}

/**
 * Reads a file and maps its header to canonical columns. Either the sheet, or the problems
 * that stop reading it (unreadable, empty, too many rows, a column missing or repeated).
 */
export async function openSheet<C extends string>(
  bytes: Uint8Array,
  fileName: string,
  columnOf: (header: string) => C | null,
  required: readonly (C | readonly C[])[],
): Promise<{ sheet: Sheet<C>; problems: [] } | { sheet: null; encoding: string | null; problems: ManifestProblem[] }> {
  let read: { encoding: string | null; table: string[][] };
  try {
    read = await readTable(bytes, fileName);
  } catch (error) {
    if (error instanceof NotASpreadsheet)
      return { sheet: null, encoding: null, problems: [{ row: 1, column: null, code: error.kind === 'binary' ? 'binary-file' : 'not-a-spreadsheet', severity: 'error', value: error.kind }] };
    return { sheet: null, encoding: null, problems: [{ row: 1, column: null, code: 'unreadable', severity: 'error' }] };
  }
  const { encoding, table } = read;
  if (table.length < 2) return { sheet: null, encoding, problems: [{ row: 1, column: null, code: 'empty', severity: 'error' }] };
  if (table.length - 1 > MAX_SHEET_ROWS) return { sheet: null, encoding, problems: [{ row: 1, column: null, code: 'too-many-rows', severity: 'error' }] };
  const problems: ManifestProblem[] = [];
  const columns = new Map<C, number>();
  const headers = new Map<C, string>();
  table[0]!.forEach((header, i) => {
    const column = columnOf(header);
    if (!column) return;
    if (columns.has(column)) problems.push({ row: 1, column, code: 'duplicate-column', severity: 'error', value: header, header: header.trim() });
    else {
      columns.set(column, i);
      headers.set(column, header.trim());
    }
  });
  // A required entry that is a list is satisfied by any one of its columns (apellidos for first_surname).
  for (const need of required) {
    const any = typeof need === 'string' ? [need] : need;
    if (!any.some((c) => columns.has(c))) problems.push({ row: 1, column: any[0]!, code: 'missing-column', severity: 'error' });
  }
  if (problems.length) return { sheet: null, encoding, problems };
  return { sheet: { encoding, rows: table.slice(1), columns, headers }, problems: [] };
}

/** Names each problem's column as the file's own header says it (the file may say «fecha_nac»). */
export function withHeaders<C extends string>(problems: ManifestProblem[], headers: Map<C, string>, alias: Partial<Record<C, C>> = {}): ManifestProblem[] {
  for (const p of problems) {
    if (p.header || !p.column) continue;
    const header = headers.get(p.column as C) ?? headers.get(alias[p.column as C] as C);
    if (header) p.header = header;
  }
  return problems;
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
