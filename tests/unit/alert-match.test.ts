import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAME_FILES, validateNameFile } from '../../electron/core/names';
import { alertKeys, alertScore, type AlertSubject } from '../../electron/core/domains/alerts/match';

const record: AlertSubject = { givenNames: 'María José', firstSurname: 'Hernández', secondSurname: 'de la Cruz', birthDate: '1994-03-07', sex: 'F', nationality: 'GTM' };
const THRESHOLD = 0.8;

describe('alert matcher: one variation at a time', () => {
  const cases: [string, Partial<AlertSubject>, string][] = [
    ['case, accents and punctuation', { givenNames: 'MARIA-JOSE', firstSurname: 'HERNANDEZ', secondSurname: 'DE LA CRUZ' }, 'name-exact'],
    ['particles dropped', { secondSurname: 'Cruz' }, 'name-exact'],
    ['surnames in the other order', { firstSurname: 'Cruz', secondSurname: 'Hernández' }, 'surnames-swapped'],
    ['second surname missing', { secondSurname: null }, 'surname-missing'],
    ['only the first of a compound given name', { givenNames: 'María' }, 'given-name-partial'],
    ['abbreviated given name (Ma.)', { givenNames: 'Ma. José' }, 'given-name-abbreviated'],
    ['initial (J.)', { givenNames: 'María J.' }, 'given-name-abbreviated'],
    ['silent h', { firstSurname: 'Ernández' }, 'sound-alike'],
    ['s/z/c', { firstSurname: 'Hernándes' }, 'sound-alike'],
    ['c/k', { secondSurname: 'de la Kruz' }, 'sound-alike'],
    ['a typing error (transposition)', { firstSurname: 'Hrenández' }, 'typing-error'],
    ['a typing error (letter missing)', { firstSurname: 'Hernndez' }, 'typing-error'],
    ['birth year only', { birthDate: '1994' }, 'birth-date-same-year'],
    ['day and month swapped', { birthDate: '1994-07-03' }, 'birth-date-day-month-swapped'],
    ['one year off', { birthDate: '1995-03-07' }, 'birth-date-one-year-off'],
    ['no birth date', { birthDate: null }, 'birth-date-unknown'],
  ];
  for (const [name, change, reason] of cases)
    it(`${name} → proposed, with the reason "${reason}"`, () => {
      const query = { ...record, ...change };
      const { score, reasons } = alertScore(query, record);
      expect(score).toBeGreaterThanOrEqual(THRESHOLD);
      expect(reasons).toContain(reason);
      // The candidate index finds it too (checks never scan a list).
      const indexed = new Set(alertKeys(record));
      expect(alertKeys(query, 'around').some((k) => indexed.has(k))).toBe(true);
    });

  it('hears b/v, ll/y and gu/g alike', () => {
    const silvia = { givenNames: 'Silvia Guadalupe', firstSurname: 'Vargas', secondSurname: 'Castillo', birthDate: '1980', sex: 'F' };
    const typed = { givenNames: 'Silbia Gadalupe', firstSurname: 'Bargas', secondSurname: 'Castiyo', birthDate: '1980', sex: 'F' };
    const { score, reasons } = alertScore(typed, silvia);
    expect(score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(reasons).toContain('sound-alike');
  });

  it('uses sex and nationality as evidence', () => {
    expect(alertScore({ ...record, sex: 'M' }, record).reasons).toContain('sex-different');
    expect(alertScore({ ...record, sex: 'M' }, record).score).toBeLessThan(alertScore(record, record).score);
    expect(alertScore({ ...record, nationality: 'HND' }, record).reasons).toContain('nationality-different');
  });

  it('does not propose look-alikes: a sister, a namesake born years apart, the mother', () => {
    expect(alertScore({ ...record, givenNames: 'Brenda Azucena', birthDate: '1997-10-02' }, record).score).toBeLessThan(THRESHOLD);
    expect(alertScore({ ...record, birthDate: '1971-03-07' }, record).score).toBeLessThan(THRESHOLD);
    expect(alertScore({ ...record, givenNames: 'Rosa', secondSurname: 'Batz', birthDate: '1968-01-20' }, record).score).toBeLessThan(THRESHOLD);
  });
});

describe('alert matcher: evidence that weighs against, and evidence that is missing', () => {
  const josé: AlertSubject = { givenNames: 'José', firstSurname: 'López', secondSurname: 'Pérez', birthDate: '1990-03-02', sex: 'M', nationality: 'GTM' };

  it('keeps a cousin with another second surname out of the queue, saying which evidence weighed against', () => {
    const cousin = alertScore({ ...josé, secondSurname: 'García', birthDate: '1990' }, josé);
    expect(cousin.score).toBeLessThan(THRESHOLD);
    expect(cousin.reasons).toContain('second-surname-different');
  });

  it('does not ask the officer about every José López when the file gives no date and one surname', () => {
    const thin = alertScore({ givenNames: 'José', firstSurname: 'López' }, { ...josé, birthDate: null });
    expect(thin.score).toBeLessThan(THRESHOLD);
    expect(thin.reasons).toContain('little-evidence');
    // With the date, the same names are worth a look.
    expect(alertScore({ givenNames: 'José', firstSurname: 'López', birthDate: '1990-03-02' }, josé).score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('treats a missing birth date as neutral when the whole name agrees', () => {
    expect(alertScore({ ...josé, birthDate: null }, { ...josé, birthDate: null }).score).toBeGreaterThanOrEqual(0.99);
  });
});

describe('alert matcher: nicknames and spellings from resources/data/given-names.json', () => {
  const listed: AlertSubject = { givenNames: 'José', firstSurname: 'Ixcoy', secondSurname: 'Tum', birthDate: '1988-06-01', sex: 'M', nationality: 'GTM' };
  it.each([
    ['Chepe', 'José'],
    ['Pepe', 'José'],
    ['Chago', 'Santiago'],
    ['Pancho', 'Francisco'],
    ['Toño', 'Antonio'],
    ['Brayan', 'Bryan'],
    ['Yeferson', 'Jefferson'],
    ['Kebin', 'Kevin'],
  ])('finds %s for %s, and says it is a nickname or a spelling', (written, formal) => {
    const r = alertScore({ ...listed, givenNames: written }, { ...listed, givenNames: formal }, true);
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(r.reasons).toContain('given-name-variant');
  });

  it('finds the record by its blocking keys too', () => {
    const keys = new Set(alertKeys({ ...listed, givenNames: 'Chepe' }));
    expect(alertKeys(listed).some((k) => keys.has(k))).toBe(true);
  });
});

describe('alert matcher: Mayan orthographies, married surnames and nicknames of several names (resources/data)', () => {
  const listed: AlertSubject = { givenNames: 'Selvin', firstSurname: 'Xol', secondSurname: 'Caal', birthDate: '1988-06-01', sex: 'M', nationality: 'GTM' };
  it.each([
    ['Shol', 'Kaal'],
    ['Xol', 'Kaal'],
    ['Shol', 'Caal'],
  ])('finds %s %s for Xol Caal (x/sh and c/k are one sound)', (first, second) => {
    const r = alertScore({ ...listed, firstSurname: first, secondSurname: second }, listed);
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(r.reasons).toContain('sound-alike');
    const keys = new Set(alertKeys({ ...listed, firstSurname: first, secondSurname: second }));
    expect(alertKeys(listed).some((k) => keys.has(k))).toBe(true);
  });
  it.each([
    ['Tzoc', 'Tzok'],
    ['Quej', 'Kej'],
    ['Ixcoy', 'Ishcoy'],
    ['Cux', 'Kush'],
    ["Q'eq", 'Quec'],
  ])('reads %s and %s as one surname', (a, b) => {
    const r = alertScore({ ...listed, firstSurname: a }, { ...listed, firstSurname: b });
    expect(r.score).toBeGreaterThanOrEqual(0.99);
  });

  const married: AlertSubject = { givenNames: 'Rosa Amelia', firstSurname: 'López', secondSurname: 'García', birthDate: '1979-11-02', sex: 'F', nationality: 'HND' };
  it('a married "de Pérez" is neither a second surname that differs nor a missing one', () => {
    for (const written of [{ secondSurname: 'de Pérez' }, { firstSurname: 'López García de Pérez', secondSurname: null }, { secondSurname: 'García de Pérez' }]) {
      const r = alertScore({ ...married, ...written }, married);
      expect(r.score, JSON.stringify(written)).toBeGreaterThanOrEqual(0.95);
      expect(r.reasons).not.toContain('second-surname-different');
      expect(r.reasons).toContain('married-surname');
    }
  });
  it('"de León" is a surname of its own: García de León is not García married to León', () => {
    const r = alertScore({ ...married, secondSurname: 'de León' }, married);
    expect(r.reasons).toContain('second-surname-different');
    expect(r.reasons).not.toContain('married-surname');
    expect(r.score).toBeLessThan(alertScore({ ...married, secondSurname: 'de Pérez' }, married).score - 0.1);
    // A cousin: born the same year, not the same day.
    expect(alertScore({ ...married, secondSurname: 'de León', birthDate: '1979' }, married).score).toBeLessThan(THRESHOLD);
  });
  it('a married surname on both sides agrees', () => {
    const a = { ...married, secondSurname: 'García de Pérez' };
    expect(alertScore(a, { ...a, secondSurname: 'García de Peres' }).score).toBeGreaterThanOrEqual(0.99);
  });

  it.each(['Roberto', 'Alberto', 'Humberto'])('finds Beto for %s, through its blocking keys too', (formal) => {
    const person = { ...listed, givenNames: formal };
    const r = alertScore({ ...listed, givenNames: 'Beto' }, person);
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(r.reasons).toContain('given-name-variant');
    const keys = new Set(alertKeys({ ...listed, givenNames: 'Beto', birthDate: null }));
    expect(alertKeys({ ...person, birthDate: null }).some((k) => keys.has(k))).toBe(true);
  });
  it('Beto is not Ernesto', () => {
    expect(alertScore({ ...listed, givenNames: 'Beto', birthDate: null }, { ...listed, givenNames: 'Ernesto', birthDate: null }).score).toBeLessThan(THRESHOLD);
  });
});

describe('the name-data files are validated on load', () => {
  it('refuses a broken file, naming the file, the entry and the problem', () => {
    const given = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'data', 'given-names.json'), 'utf8')) as Record<string, unknown>;
    expect(() => validateNameFile(NAME_FILES['given-names.json'], { ...given, ambiguous: { beto: ['roberto'] } }, 'given-names.json')).toThrow(/given-names\.json: ambiguous\.beto/);
    expect(() => validateNameFile(NAME_FILES['given-names.json'], { ...given, nicknames: { 'Ch3pe': 'jose' } }, 'given-names.json')).toThrow(/nicknames/);
    const surnames = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'data', 'surnames.json'), 'utf8')) as Record<string, unknown>;
    expect(() => validateNameFile(NAME_FILES['surnames.json'], { ...surnames, orthography: [{ written: 'sh', as: 'X!' }] }, 'surnames.json')).toThrow(/surnames\.json: orthography\.0/);
    expect(validateNameFile(NAME_FILES['surnames.json'], surnames, 'surnames.json')).toBeTruthy();
  });
});
