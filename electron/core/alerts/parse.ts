import { normalize } from '../names';
import { parseManifestDate, type PartialDate } from '../partial-date';
import { countryCode } from '../reference';
import { MANIFEST_COLUMNS } from '../manifest/columns';
import { SEX, MAX_MANIFEST_ROWS, type ManifestProblem } from '../manifest/parse';
import { readTable } from '../manifest/table';

/** Columns of an alert list (any order; Spanish headers accepted, as for manifests). */
const LIST_COLUMNS = {
  reference: ['reference', 'referencia', 'ref', 'numero', 'no', 'id', 'codigo', 'expediente', 'numero_de_alerta', 'alerta'],
  given_names: MANIFEST_COLUMNS.given_names,
  first_surname: MANIFEST_COLUMNS.first_surname,
  second_surname: MANIFEST_COLUMNS.second_surname,
  birth_date: MANIFEST_COLUMNS.birth_date,
  sex: MANIFEST_COLUMNS.sex,
  nationality: MANIFEST_COLUMNS.nationality,
  notes: ['notes', 'notas', 'observaciones', 'detalle', 'comentarios'],
} as const;
type ListColumn = keyof typeof LIST_COLUMNS;
const REQUIRED: ListColumn[] = ['reference', 'given_names', 'first_surname'];

const aliasIndex = new Map<string, ListColumn>();
for (const [column, aliases] of Object.entries(LIST_COLUMNS) as [ListColumn, readonly string[]][])
  for (const alias of aliases) aliasIndex.set(alias, column);

export interface AlertListRow {
  row: number; // line in the file, the header being row 1
  reference: string;
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  birthDate: PartialDate | null;
  sex: 'F' | 'M' | 'X' | null;
  nationality: string | null;
  notes: string | null;
}

/**
 * Reads an alert list (CSV or XLSX) into records and every problem by row and column; the
 * problem codes and messages are those of manifests (`manifest.<code>`), plus a reference
 * repeated in the file.
 */
export async function parseAlertList(bytes: Uint8Array, fileName: string): Promise<{ rows: AlertListRow[]; problems: ManifestProblem[] }> {
  let table: string[][];
  try {
    ({ table } = await readTable(bytes, fileName));
  } catch {
    return { rows: [], problems: [{ row: 1, column: null, code: 'unreadable', severity: 'error' }] };
  }
  if (table.length < 2) return { rows: [], problems: [{ row: 1, column: null, code: 'empty', severity: 'error' }] };
  if (table.length - 1 > MAX_MANIFEST_ROWS) return { rows: [], problems: [{ row: 1, column: null, code: 'too-many-rows', severity: 'error' }] };

  const problems: ManifestProblem[] = [];
  const columnIndex = new Map<ListColumn, number>();
  table[0]!.forEach((header, i) => {
    const column = aliasIndex.get(normalize(header).replace(/ /g, '_'));
    if (!column) return;
    if (columnIndex.has(column)) problems.push({ row: 1, column, code: 'duplicate-column', severity: 'error', value: header });
    else columnIndex.set(column, i);
  });
  for (const column of REQUIRED) if (!columnIndex.has(column)) problems.push({ row: 1, column, code: 'missing-column', severity: 'error' });
  if (problems.length) return { rows: [], problems };

  const rows: AlertListRow[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (column: ListColumn) => {
      const index = columnIndex.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim().replace(/\s+/g, ' ');
    };
    const problem = (column: ListColumn, code: string, value?: string, duplicateOf?: number) =>
      problems.push({ row, column, code, severity: 'error', ...(value !== undefined ? { value } : {}), ...(duplicateOf ? { duplicateOf } : {}) });
    const reference = cell('reference');
    if (!reference) problem('reference', 'required');
    else if (seen.has(reference)) problem('reference', 'duplicate-reference', reference, seen.get(reference));
    else seen.set(reference, row);
    const givenNames = cell('given_names');
    const firstSurname = cell('first_surname');
    if (!givenNames) problem('given_names', 'required');
    if (!firstSurname) problem('first_surname', 'required');
    const rawDate = cell('birth_date');
    const birthDate = rawDate ? parseManifestDate(rawDate) : null;
    if (rawDate && !birthDate) problem('birth_date', 'bad-date', rawDate);
    const rawSex = cell('sex');
    const sex = rawSex ? (SEX[normalize(rawSex)] ?? null) : null;
    if (rawSex && !sex) problem('sex', 'bad-sex', rawSex);
    const rawNationality = cell('nationality');
    const nationality = rawNationality ? countryCode(rawNationality) : null;
    if (rawNationality && !nationality) problem('nationality', 'bad-country', rawNationality);
    rows.push({
      row, reference, givenNames, firstSurname, secondSurname: cell('second_surname') || null, birthDate, sex, nationality, notes: cell('notes').slice(0, 1000) || null,
    });
  });
  return { rows, problems };
}
