/**
 * k-anonymity for the person-level statistics export (issue 19): every combination of the
 * quasi-identifiers (age group, sex, department, nationality) that a row carries is shared by at
 * least k rows. Classes smaller than k are generalised one quasi-identifier at a time, the most
 * identifying first (department, then nationality, then age group, then sex: the value becomes
 * "*"); rows still in a class smaller than k after all four are suppressed. Every cell replaced
 * by "*", and every cell of a suppressed row, counts as a suppressed cell. Pure: no database.
 */
export const QUASI_IDENTIFIERS = ['department', 'nationality', 'age_group', 'sex'] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];
export type AnonRow = Record<QuasiIdentifier, string> & Record<string, string>;

const classKey = (row: AnonRow) => QUASI_IDENTIFIERS.map((q) => row[q]).join('\u0000');

function classSizes(rows: readonly AnonRow[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(classKey(r), (sizes.get(classKey(r)) ?? 0) + 1);
  return sizes;
}

export function kAnonymise(input: readonly AnonRow[], k: number): { rows: AnonRow[]; suppressedCells: number } {
  const rows = input.map((r) => ({ ...r }));
  let suppressedCells = 0;
  for (const q of QUASI_IDENTIFIERS) {
    const sizes = classSizes(rows);
    for (const r of rows) {
      if ((sizes.get(classKey(r)) ?? 0) >= k || r[q] === '*') continue;
      r[q] = '*';
      suppressedCells++;
    }
  }
  const sizes = classSizes(rows);
  const kept = rows.filter((r) => (sizes.get(classKey(r)) ?? 0) >= k);
  const dropped = rows.length - kept.length;
  return { rows: kept, suppressedCells: suppressedCells + dropped * Object.keys(rows[0] ?? {}).length };
}
