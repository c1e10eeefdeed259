import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { Readable } from 'node:stream';
import { decodeText } from './decode';
import type { ManifestProblem } from './parse';

export const MAX_SHEET_ROWS = 200_000;
/** Columns read from a sheet; a manifest has about fifteen. Cells further right are not read. */
export const MAX_SHEET_COLUMNS = 100;
/** Longest cell kept: no field of a person comes near it, and no name pattern ever sees more. */
export const MAX_CELL_CHARS = 1000;
/** Largest an XLSX may grow to once unzipped (200,000 rows of a manifest stay far below). */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

/** Where a cell was cut to MAX_CELL_CHARS: its row in the table (0 = header) and column index. */
export interface CellOverflow {
  index: number;
  column: number;
}

export interface ReadTable {
  encoding: string | null;
  table: string[][];
  /** Each kept row's number in the file as a spreadsheet shows it (empty rows dropped, not renumbered). */
  rowNumbers: number[];
  overflows: CellOverflow[];
  /** The file has more rows than MAX_SHEET_ROWS (reading stopped there). */
  tooManyRows: boolean;
}

/**
 * Reads a spreadsheet a centre receives (manifest, alert list): CSV in UTF-8 or Windows-1252
 * with `;`, `,` or tab, or the first sheet of an XLSX. Rows with no text are dropped. Throws
 * when the file cannot be read at all.
 *
 * A file is outside input (a USB stick, an email): limits apply before anything walks it. An
 * XLSX whose parts unzip past MAX_UNZIPPED_BYTES is refused unread; only the cells present are
 * read (one cell in column XFD costs one cell, not 16,384); at most MAX_SHEET_COLUMNS columns
 * and MAX_SHEET_ROWS + 1 rows are kept; every cell is cut to MAX_CELL_CHARS (and the cut noted)
 * before any pattern sees it.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<ReadTable> {
  const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  if (!isXlsx) {
    const kind = binaryKind(bytes);
    if (kind) throw new NotASpreadsheet(kind);
  }
  const sink = new TableSink();
  let encoding: string | null = null;
  if (isXlsx) await readXlsx(bytes, sink);
  else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    readCsv(decoded.text, sink);
  }
  return { encoding, table: sink.table, rowNumbers: sink.rowNumbers, overflows: sink.overflows, tooManyRows: sink.full };
}

/** Collects non-empty rows within the limits, cutting long cells. */
class TableSink {
  readonly table: string[][] = [];
  readonly rowNumbers: number[] = [];
  readonly overflows: CellOverflow[] = [];
  full = false;

  /** Adds row number `rowNumber` of the file; false once the row limit is passed (the reader stops). */
  add(cells: string[], rowNumber: number): boolean {
    if (!cells.some((c) => c.trim() !== '')) return true;
    if (this.table.length > MAX_SHEET_ROWS) {
      this.full = true;
      return false;
    }
    const row = cells.length > MAX_SHEET_COLUMNS ? cells.slice(0, MAX_SHEET_COLUMNS) : cells;
    for (let c = 0; c < row.length; c++) {
      if (row[c]!.length > MAX_CELL_CHARS) {
        row[c] = row[c]!.slice(0, MAX_CELL_CHARS);
        this.overflows.push({ index: this.table.length, column: c });
      }
    }
    this.table.push(row);
    this.rowNumbers.push(rowNumber);
    return true;
  }
}

/** An XLSX that would unzip past MAX_UNZIPPED_BYTES (a zip bomb, or no manifest at all). */
export class SpreadsheetTooLarge extends Error {}

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
  /** Each data row's number in the file (the header's is usually 1). */
  rowNumbers: number[];
  /** Row problems found while reading (a cell cut to MAX_CELL_CHARS in a column we read). */
  problems: ManifestProblem[];
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
  let read: ReadTable;
  try {
    read = await readTable(bytes, fileName);
  } catch (error) {
    if (error instanceof NotASpreadsheet)
      return { sheet: null, encoding: null, problems: [{ row: 1, column: null, code: error.kind === 'binary' ? 'binary-file' : 'not-a-spreadsheet', severity: 'error', value: error.kind }] };
    const code = error instanceof SpreadsheetTooLarge ? 'unzipped-too-large' : 'unreadable';
    return { sheet: null, encoding: null, problems: [{ row: 1, column: null, code, severity: 'error' }] };
  }
  const { encoding, table } = read;
  if (read.tooManyRows) return { sheet: null, encoding, problems: [{ row: 1, column: null, code: 'too-many-rows', severity: 'error' }] };
  if (table.length < 2) return { sheet: null, encoding, problems: [{ row: 1, column: null, code: 'empty', severity: 'error' }] };
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
  const byIndex = new Map([...columns].map(([column, index]) => [index, column]));
  const cut: ManifestProblem[] = read.overflows
    .filter((o) => o.index > 0 && byIndex.has(o.column))
    .map((o) => ({ row: read.rowNumbers[o.index]!, column: byIndex.get(o.column)!, code: 'cell-too-long', severity: 'error', limit: MAX_CELL_CHARS }));
  return { sheet: { encoding, rows: table.slice(1), rowNumbers: read.rowNumbers.slice(1), columns, headers, problems: cut }, problems: [] };
}

/** One problem per row, column and code: a cell cut on reading is not also "too long" for its field. */
export function uniqueProblems(problems: ManifestProblem[]): ManifestProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.row}|${p.column}|${p.code === 'cell-too-long' ? 'too-long' : p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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

function readCsv(text: string, sink: TableSink): void {
  const firstLine = text.slice(0, Math.min(text.search(/\r?\n|$/), 64 * 1024));
  const delimiter = [';', ',', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  // Empty lines are counted, not skipped, so each row keeps the number the file shows.
  let rowNumber = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (result, parser) => {
      if (!sink.add(result.data, ++rowNumber)) parser.abort();
    },
  });
}

/**
 * The first sheet of an XLSX, read as a stream of the rows and cells present. Refused before
 * reading when its parts would unzip past MAX_UNZIPPED_BYTES (the zip's directory says so).
 */
async function readXlsx(bytes: Uint8Array, sink: TableSink): Promise<void> {
  const unzipped = zipUncompressedSize(bytes);
  if (unzipped === null) throw new Error('zip directory unreadable');
  if (unzipped > MAX_UNZIPPED_BYTES) throw new SpreadsheetTooLarge();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column > MAX_SHEET_COLUMNS) return;
        while (cells.length < column - 1) cells.push('');
        cells.push(cellText(cell.value));
      });
      if (!sink.add(cells, row.number)) break;
    }
    break; // the first sheet only
  }
}

/**
 * The total unzipped size of a zip's entries from its central directory, without inflating
 * anything; null when the directory cannot be read (or is ZIP64, which no manifest needs).
 */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return null;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
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
