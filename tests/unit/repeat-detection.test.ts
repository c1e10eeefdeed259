import { describe, expect, it } from 'vitest';
import { matchScore, REPEAT_THRESHOLD } from '../../electron/core/domains/persons/duplicates';

type P = { given_names: string; first_surname: string; second_surname: string | null; birth_date: string | null; sex: 'F' | 'M' | null; document_number: string | null };
const p = (given: string, first: string, second: string | null, birth: string | null, sex: 'F' | 'M' | null = null, doc: string | null = null): P => ({
  given_names: given, first_surname: first, second_surname: second, birth_date: birth, sex, document_number: doc,
});

const BASE = p('María José', 'López', 'Xicará', '1994-03-12', 'F');
/** Labelled variants: how the same person is written again at a later arrival. */
const SAME: [string, P][] = [
  ['identical', BASE],
  ['no accents, upper case', p('MARIA JOSE', 'LOPEZ', 'XICARA', '1994-03-12', 'F')],
  ['surnames swapped', p('María José', 'Xicará', 'López', '1994-03-12', 'F')],
  ['second surname missing', p('María José', 'López', null, '1994-03-12', 'F')],
  ['only first given name', p('María', 'López', 'Xicará', '1994-03-12', 'F')],
  ['abbreviated Ma.', p('Ma. José', 'López', 'Xicará', '1994-03-12', 'F')],
  ['typo in surname', p('María José', 'Lopes', 'Xicara', '1994-03-12', 'F')],
  ['transposed letters', p('Maria Jsoe', 'Lòpez', 'Xicará', '1994-03-12', 'F')],
  ['day and month swapped', p('María José', 'López', 'Xicará', '1994-12-03', 'F')],
  ['year only', p('María José', 'López', 'Xicará', '1994', 'F')],
  ['birth year off by one', p('María José', 'López', 'Xicará', '1995-03-12', 'F')],
  ['particle added', p('María José', 'de López', 'Xicará', '1994-03-12', 'F')],
];
const OTHERS: [string, P][] = [
  ['sister', p('Ana Lucía', 'López', 'Xicará', '1997-08-02', 'F')],
  ['namesake born much later', p('María José', 'López', 'Xicará', '2008-05-20', 'F')],
  ['other surnames', p('María José', 'Pérez', 'Ajú', '1994-03-12', 'F')],
  ['brother same year', p('José Luis', 'López', 'Xicará', '1994-03-12', 'M')],
  ['common name other person', p('María', 'Hernández', 'García', '1994-03-12', 'F')],
];

describe('repeat-returnee detection', () => {
  it.each(SAME)('recognises the same person: %s', (_label, variant) => {
    expect(matchScore(BASE, variant).score).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
  });

  it.each(OTHERS)('does not confuse a different person: %s', (_label, other) => {
    expect(matchScore(BASE, other).score).toBeLessThan(REPEAT_THRESHOLD);
  });

  it('a shared document number outweighs a badly written name and says why', () => {
    const r = matchScore(p('Jose', 'Perez', null, null, null, '2456 78901 0101'), p('José Luis', 'Péres', 'Ajú', '1988', 'M', '2456789010101'));
    expect(r.score).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
    expect(r.reasons).toContain('document-match');
  });
});

describe('evidence that weighs against, and evidence that is missing', () => {
  it('a cousin with the same given name, first surname and birth year but another second surname is not proposed, and the reasons say why', () => {
    const r = matchScore(p('José', 'López', 'García', '1990-03-02', 'M'), p('José', 'López', 'Pérez', '1990-07-09', 'M'));
    expect(r.score).toBeLessThan(REPEAT_THRESHOLD);
    expect(r.reasons).toContain('second-surname-different');
  });

  it('a given name and one surname with nothing else is too little evidence; a date or a document is enough', () => {
    const thin = matchScore(p('José', 'López', null, null), p('José', 'López', 'Pérez', null));
    expect(thin.score).toBeLessThan(REPEAT_THRESHOLD);
    expect(thin.reasons).toContain('little-evidence');
    expect(matchScore(p('José', 'López', null, '1990-03-02'), p('José', 'López', 'Pérez', '1990-03-02')).score).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
    expect(matchScore(p('José', 'López', null, null, null, 'A1234'), p('José', 'López', 'Pérez', null, null, 'A1234')).score).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
  });

  it('a missing birth date is neutral when the whole name agrees', () => {
    expect(matchScore(p('María José', 'López', 'Xicará', null), p('María José', 'López', 'Xicará', null)).score).toBe(1);
  });
});

describe('nicknames and spellings', () => {
  it('recognises Chepe as José and Brayan as Bryan in repeat detection', () => {
    expect(matchScore(p('Chepe', 'López', 'García', '1990-03-02'), p('José', 'López', 'García', '1990-03-02')).score).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
    expect(matchScore(p('Brayan Alexis', 'Mejía', 'Cruz', '2009'), p('Bryan Alexis', 'Mejía', 'Cruz', '2009')).score).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
  });
});

describe('repeat-returnee detection knows nicknames, Mayan spellings and married surnames', () => {
  it.each([
    ['a nickname', p('Chepe', 'Ixcoy', 'Tum', '1988-06-01', 'M'), p('José', 'Ixcoy', 'Tum', '1988-06-01', 'M')],
    ['a nickname of several names', p('Beto', 'Ixcoy', 'Tum', '1988-06-01', 'M'), p('Roberto', 'Ixcoy', 'Tum', '1988-06-01', 'M')],
    ['a spelling', p('Yeferson', 'Ixcoy', 'Tum', '1988-06-01', 'M'), p('Jefferson', 'Ixcoy', 'Tum', '1988-06-01', 'M')],
    ['x/sh and c/k', p('Selvin', 'Shol', 'Kaal', '1988-06-01', 'M'), p('Selvin', 'Xol', 'Caal', '1988-06-01', 'M')],
    ['a married surname', p('Rosa', 'López', 'de Pérez', '1979-11-02', 'F'), p('Rosa', 'López', 'García', '1979-11-02', 'F')],
  ])('%s', (_, a, b) => {
    expect(matchScore(a, b).score).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
  });
});
