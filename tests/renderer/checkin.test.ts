import { describe, expect, it } from 'vitest';
import type { PersonArrivalRow } from '../../electron/core/contract/persons-common';
import { answerCheckIn } from '../../renderer/src/features/arrivals/checkin';

const person = (givenNames: string, firstSurname: string, secondSurname: string | null, extra: Partial<PersonArrivalRow> = {}): PersonArrivalRow =>
  ({
    personArrivalId: `pa-${givenNames}-${firstSurname}`,
    personId: `p-${givenNames}`,
    arrivalId: 'a',
    status: 'expected',
    source: 'manifest',
    groupType: 'alone',
    familyGroup: null,
    ticketCode: `T${givenNames.length}${firstSurname.length}`.toUpperCase(),
    checkedInAt: null,
    registeredAt: null,
    departedAt: null,
    openSuggestions: 0,
    caseNumber: `2026-X-${givenNames}`,
    givenNames,
    firstSurname,
    secondSurname,
    birthDate: null,
    age: null,
    ageGroup: null,
    sex: null,
    nationality: 'GTM',
    documentNumber: null,
    ...extra,
  }) as PersonArrivalRow;

const flight = [
  person('Juan Carlos', 'Caal', 'Tiul'),
  person('Juan José', 'Caal', 'Pop'),
  person('Rosa', 'Tiul', 'Choc'),
  person('Glenda', 'Reyes', 'Cruz', { status: 'arrived', checkedInAt: '2026-11-26T01:10:00Z' }),
];

describe('check-in box', () => {
  it('checks in the one person a name means, with typos and without accents, words in any order', () => {
    expect(answerCheckIn('rosa tiul', flight)).toMatchObject({ kind: 'one', row: { givenNames: 'Rosa' } });
    expect(answerCheckIn('tiul rossa', flight)).toMatchObject({ kind: 'one', row: { givenNames: 'Rosa' } });
    expect(answerCheckIn('juan carlos cal', flight)).toMatchObject({ kind: 'one', row: { givenNames: 'Juan Carlos' } });
  });

  it('offers a short list when several people match', () => {
    const answer = answerCheckIn('juan caal', flight);
    expect(answer.kind).toBe('choose');
    expect(answer.kind === 'choose' && answer.rows.map((r) => r.givenNames).sort()).toEqual(['Juan Carlos', 'Juan José']);
  });

  it('says someone already arrived, and that nobody matches', () => {
    expect(answerCheckIn('glenda reyes', flight)).toMatchObject({ kind: 'already', rows: [{ givenNames: 'Glenda' }] });
    expect(answerCheckIn('marvin', flight)).toEqual({ kind: 'none' });
  });

  it('a scanned ticket wins, and an already used ticket is said', () => {
    expect(answerCheckIn(flight[2]!.ticketCode.toLowerCase(), flight)).toMatchObject({ kind: 'ticket', row: { givenNames: 'Rosa' } });
    expect(answerCheckIn(flight[3]!.ticketCode, flight)).toMatchObject({ kind: 'already' });
  });
});
