import { normalize, splitSurnames } from '../names';
import { columnDateOrder, dateOrderEvidence, parseManifestDate, type ColumnDateOrder, type DateOrder, type PartialDate } from '../partial-date';
import { countryCode } from '../reference';
import { canonicalColumn, REQUIRED_COLUMNS, type ManifestColumn } from './columns';
import { DOCUMENT_MAX, FAMILY_GROUP_MAX, NAME_MAX } from '../contract/persons-common';
import { cellReader, openSheet, uniqueProblems, withHeaders } from './table';

export interface ManifestRow {
  row: number; // line in the file, the header being row 1
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  birthDate: PartialDate | null;
  sex: 'F' | 'M' | 'X' | null;
  nationality: string | null;
  documentType: DocumentType | null;
  documentNumber: string | null;
  unaccompaniedMinor: boolean;
  familyGroup: string | null;
}

export type DocumentType = 'dpi' | 'passport' | 'birth_certificate' | 'consular_id' | 'other' | 'none';

/** A problem found in the file; `code` has a translated message under `manifest.<code>`. */
export interface ManifestProblem {
  row: number;
  column: string | null;
  /** The column's header as the file writes it. */
  header?: string;
  code: string;
  severity: 'error' | 'warning';
  value?: string;
  duplicateOf?: number;
  /** The field's limit, for a value too long. */
  limit?: number;
}

export interface ParsedManifest {
  encoding: string | null;
  /** The order the birth-date column was read in, and how it was settled. */
  dateOrder: ColumnDateOrder;
  rows: ManifestRow[];
  problems: ManifestProblem[];
}

const SEX: Record<string, 'F' | 'M' | 'X'> = {
  f: 'F', femenino: 'F', mujer: 'F', female: 'F', fem: 'F',
  m: 'M', masculino: 'M', hombre: 'M', male: 'M', masc: 'M', h: 'M',
  x: 'X', otro: 'X', other: 'X', 'no consta': 'X',
};
const DOCUMENT_TYPES: Record<string, DocumentType> = {
  dpi: 'dpi', cui: 'dpi', dni: 'dpi', dui: 'dpi', 'documento personal de identificacion': 'dpi', 'documento de identidad': 'dpi', identidad: 'dpi', rnp: 'dpi',
  pasaporte: 'passport', passport: 'passport', pas: 'passport',
  'partida de nacimiento': 'birth_certificate', 'acta de nacimiento': 'birth_certificate', 'certificado de nacimiento': 'birth_certificate',
  partida: 'birth_certificate', 'birth certificate': 'birth_certificate', birth_certificate: 'birth_certificate',
  'matricula consular': 'consular_id', consular: 'consular_id', consular_id: 'consular_id',
  otro: 'other', other: 'other', ninguno: 'none', none: 'none', 'sin documento': 'none', 'n a': 'none',
};
const YES = new Set(['si', 's', 'yes', 'y', 'true', '1', 'x', 'verdadero']);
const NO = new Set(['no', 'n', 'false', '0', 'falso', '']);

type PersonColumn = 'given_names' | 'first_surname' | 'second_surname' | 'birth_date' | 'sex' | 'nationality';

/**
 * The person columns every sheet shares (manifests, alert lists, persons to check): names
 * required, date, sex and country read as people write them, each bad value a problem.
 */
export function readPersonCells(
  cell: (column: PersonColumn) => string,
  problem: (column: PersonColumn, code: string, value?: string, limit?: number) => void,
  dateOrder: DateOrder = 'dmy',
) {
  const givenNames = cell('given_names');
  const firstSurname = cell('first_surname');
  if (!givenNames) problem('given_names', 'required');
  if (!firstSurname) problem('first_surname', 'required');
  // The API's limits hold for a file too: a name over NAME_MAX is a row problem, never stored.
  for (const column of ['given_names', 'first_surname', 'second_surname'] as const) {
    const length = cell(column).length;
    if (length > NAME_MAX) problem(column, 'too-long', String(length), NAME_MAX);
  }
  const rawDate = cell('birth_date');
  const evidence = rawDate ? dateOrderEvidence(rawDate) : null;
  // A date that can only be read in the other order than the column's: the file mixes orders.
  const conflicting = evidence !== null && evidence !== dateOrder;
  const birthDate = rawDate && !conflicting ? parseManifestDate(rawDate, dateOrder) : null;
  if (conflicting) problem('birth_date', `date-order-conflict-${dateOrder}`, rawDate);
  else if (rawDate && !birthDate) problem('birth_date', 'bad-date', rawDate);
  const rawSex = cell('sex');
  const sex = rawSex ? (SEX[normalize(rawSex)] ?? null) : null;
  if (rawSex && !sex) problem('sex', 'bad-sex', rawSex);
  const rawNationality = cell('nationality');
  const nationality = rawNationality ? countryCode(rawNationality) : null;
  if (rawNationality && !nationality) problem('nationality', 'bad-country', rawNationality);
  return { givenNames, firstSurname, secondSurname: cell('second_surname') || null, birthDate, sex, nationality };
}

/** The order of a sheet's birth-date column (day first when the sheet has none). */
export function sheetDateOrder(table: string[][], column: number | undefined, chosen?: DateOrder): ColumnDateOrder {
  if (column === undefined) return columnDateOrder([], chosen);
  return columnDateOrder(
    table.map((cells) => cells[column] ?? ''),
    chosen,
  );
}

/** Rows between two progress reports (and two yields to the event loop) on large files. */
export const PROGRESS_CHUNK = 5000;

/**
 * Parses a manifest (CSV or XLSX) into typed rows and a list of every problem, row by row.
 * `onRows(done, total)` is awaited every PROGRESS_CHUNK rows, so a caller can report progress
 * and let other work run.
 */
export async function parseManifest(
  bytes: Uint8Array,
  fileName: string,
  options: { onRows?: (done: number, total: number) => Promise<void>; dateOrder?: DateOrder } = {},
): Promise<ParsedManifest> {
  const { onRows } = options;
  const opened = await openSheet(bytes, fileName, canonicalColumn, REQUIRED_COLUMNS);
  if (!opened.sheet) return { encoding: opened.encoding, dateOrder: columnDateOrder([], options.dateOrder), rows: [], problems: opened.problems };
  const { encoding, rows: table, columns, headers } = opened.sheet;
  const dateOrder = sheetDateOrder(table, columns.get('birth_date'), options.dateOrder);
  // One "apellidos" column and no first surname: split it, particles kept with their surname.
  const splitting = columns.has('surnames') && !columns.has('first_surname');

  const problems: ManifestProblem[] = [...opened.sheet.problems];
  const rows: ManifestRow[] = [];
  const total = table.length;
  for (let i = 0; i < total; i++) {
    if (onRows && i % PROGRESS_CHUNK === 0) await onRows(i, total);
    const row = opened.sheet.rowNumbers[i]!;
    const raw = cellReader(table[i]!, columns);
    const split = splitting ? splitSurnames(raw('surnames')) : null;
    const cell = (column: ManifestColumn) =>
      split && column === 'first_surname' ? split.first : split && column === 'second_surname' && !columns.has('second_surname') ? (split.second ?? '') : raw(column);
    const problem = (column: ManifestColumn, code: string, value?: string, limit?: number) =>
      problems.push({ row, column, code, severity: 'error', ...(value !== undefined ? { value } : {}), ...(limit ? { limit } : {}) });

    const person = readPersonCells(cell, problem, dateOrder.order);

    for (const [column, max] of [['document_number', DOCUMENT_MAX], ['family_group', FAMILY_GROUP_MAX]] as const) {
      const length = cell(column).length;
      if (length > max) problem(column, 'too-long', String(length), max);
    }

    const rawType = cell('document_type');
    const documentType = rawType ? (DOCUMENT_TYPES[normalize(rawType)] ?? null) : null;
    if (rawType && !documentType) problem('document_type', 'bad-document-type', rawType);

    const rawFlag = normalize(cell('unaccompanied_minor'));
    if (!YES.has(rawFlag) && !NO.has(rawFlag)) problem('unaccompanied_minor', 'bad-flag', cell('unaccompanied_minor'));

    rows.push({
      row,
      ...person,
      documentType,
      documentNumber: cell('document_number').replace(/\s/g, '') || null,
      unaccompaniedMinor: YES.has(rawFlag),
      familyGroup: cell('family_group') || null,
    });
  }
  if (onRows) await onRows(total, total);
  flagDuplicates(rows, problems);
  problems.sort((a, b) => a.row - b.row);
  return { encoding, dateOrder, rows, problems: withHeaders(uniqueProblems(problems), headers, splitting ? { first_surname: 'surnames', second_surname: 'surnames' } : {}) };
}

/** The same person twice in one file: same document, or same names and birth date. */
function flagDuplicates(rows: ManifestRow[], problems: ManifestProblem[]): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const keys = [
      r.documentNumber ? `doc:${normalize(r.documentNumber)}` : null,
      r.givenNames && r.firstSurname ? `name:${normalize(`${r.givenNames}|${r.firstSurname}|${r.secondSurname ?? ''}`)}|${r.birthDate ?? '?'}` : null,
    ].filter((k): k is string => k !== null);
    const first = keys.map((k) => seen.get(k)).find((v) => v !== undefined);
    if (first !== undefined) problems.push({ row: r.row, column: null, code: 'duplicate-in-file', severity: 'warning', duplicateOf: first });
    else keys.forEach((k) => seen.set(k, r.row));
  }
}
