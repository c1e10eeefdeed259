import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kAnonymise, QUASI_IDENTIFIERS, type AnonRow } from '../../electron/core/domains/summary/anonymise';

const classes = (rows: readonly AnonRow[]) => {
  const sizes = new Map<string, number>();
  for (const r of rows) {
    const key = QUASI_IDENTIFIERS.map((q) => r[q]).join('|');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
};

const row = (department: string, nationality = 'GTM', age_group = '18-59', sex = 'M'): AnonRow => ({ department, nationality, age_group, sex, screening_level: 'green', services: 'snack', referrals: '' });

describe('k-anonymity of the statistics export', () => {
  it('generalises the department of a class smaller than k, and counts the cells', () => {
    const rows = [...Array.from({ length: 5 }, () => row('Huehuetenango')), ...Array.from({ length: 5 }, () => row('Petén')), row('Izabal'), row('Izabal', 'HND')];
    const out = kAnonymise(rows, 5);
    expect([...classes(out.rows).values()].every((n) => n >= 5)).toBe(true);
    // The two rare rows lose their department, then nationality, …, and (still 2) are suppressed.
    expect(out.rows).toHaveLength(10);
    expect(out.suppressedCells).toBeGreaterThan(0);
    expect(out.rows.filter((r) => r.department === 'Izabal')).toEqual([]);
  });

  it('keeps every row of a population where each class already has k', () => {
    const rows = [...Array.from({ length: 6 }, () => row('Quiché', 'GTM', '13-17', 'F')), ...Array.from({ length: 5 }, () => row('Quiché'))];
    expect(kAnonymise(rows, 5)).toEqual({ rows, suppressedCells: 0 });
  });

  it('for any population, every class of the output has at least k rows and no row is invented (property)', () => {
    const value = (options: string[]) => fc.constantFrom(...options);
    const anyRow = fc.record({
      department: value(['Alta Verapaz', 'Petén', 'Quiché', 'Izabal', 'Cortés']),
      nationality: value(['GTM', 'HND', 'SLV']),
      age_group: value(['0-12', '13-17', '18-59', '60+', 'unknown']),
      sex: value(['M', 'F', 'unknown']),
      screening_level: value(['red', 'green']),
      services: value(['', 'snack']),
      referrals: value(['', 'RENAP']),
    });
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 200 }), fc.integer({ min: 2, max: 10 }), (rows, k) => {
        const out = kAnonymise(rows as AnonRow[], k);
        for (const n of classes(out.rows).values()) expect(n).toBeGreaterThanOrEqual(k);
        expect(out.rows.length).toBeLessThanOrEqual(rows.length);
        // Only quasi-identifiers are generalised; the other columns are carried as they were.
        for (const r of out.rows) for (const q of QUASI_IDENTIFIERS) expect(r[q] === '*' || rows.some((x) => x[q] === r[q])).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
