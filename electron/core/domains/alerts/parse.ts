import { columnResolver, MANIFEST_COLUMNS } from '../../manifest/columns';
import { readPersonCells, sheetDateOrder, type ManifestProblem } from '../../manifest/parse';
import { cellReader, openSheet, uniqueProblems, withHeaders } from '../../manifest/table';
import { columnDateOrder, type ColumnDateOrder, type DateOrder, type PartialDate } from '../../partial-date';

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
/** A list's own reference (an Interpol notice number, a file number) is short. */
const REFERENCE_MAX = 80;
const REQUIRED: ListColumn[] = ['reference', 'given_names', 'first_surname'];
const listColumn = columnResolver(LIST_COLUMNS);

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
export async function parseAlertList(
  bytes: Uint8Array,
  fileName: string,
  chosen?: DateOrder,
): Promise<{ rows: AlertListRow[]; problems: ManifestProblem[]; dateOrder: ColumnDateOrder }> {
  const opened = await openSheet(bytes, fileName, listColumn, REQUIRED);
  if (!opened.sheet) return { rows: [], problems: opened.problems, dateOrder: columnDateOrder([], chosen) };
  const { rows: table, columns, headers } = opened.sheet;
  const dateOrder = sheetDateOrder(table, columns.get('birth_date'), chosen);

  const problems: ManifestProblem[] = [...opened.sheet.problems];
  const rows: AlertListRow[] = [];
  const seen = new Map<string, number>();
  table.forEach((cells, i) => {
    const row = opened.sheet.rowNumbers[i]!;
    const cell = cellReader(cells, columns);
    const problem = (column: ListColumn, code: string, value?: string, duplicateOf?: number) =>
      problems.push({ row, column, code, severity: 'error', ...(value !== undefined ? { value } : {}), ...(duplicateOf ? { duplicateOf } : {}) });
    const reference = cell('reference');
    if (!reference) problem('reference', 'required');
    else if (reference.length > REFERENCE_MAX) problems.push({ row, column: 'reference', code: 'too-long', severity: 'error', value: String(reference.length), limit: REFERENCE_MAX });
    else if (seen.has(reference)) problem('reference', 'duplicate-reference', reference, seen.get(reference));
    else seen.set(reference, row);
    const personProblem = (column: ListColumn, code: string, value?: string, limit?: number) =>
      problems.push({ row, column, code, severity: 'error', ...(value !== undefined ? { value } : {}), ...(limit ? { limit } : {}) });
    rows.push({ row, reference, ...readPersonCells(cell, personProblem, dateOrder.order), notes: cell('notes').slice(0, 1000) || null });
  });
  return { rows, problems: withHeaders(uniqueProblems(problems), headers), dateOrder };
}
