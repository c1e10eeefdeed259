import type { PersonArrivalRow } from '@core/contract/persons-common';
import { compactKey, nameTokens, wordsMatch } from '@core/names';

/** What Enter in the check-in box means, decided from what was typed or scanned. */
export type CheckInAnswer =
  | { kind: 'ticket'; row: PersonArrivalRow }
  | { kind: 'one'; row: PersonArrivalRow }
  | { kind: 'choose'; rows: PersonArrivalRow[] }
  | { kind: 'already'; rows: PersonArrivalRow[] }
  | { kind: 'none' };

// Kept free of the UI's i18n so the matching is unit-tested in Node.
const nameOf = (p: PersonArrivalRow) => [p.givenNames, p.firstSurname, p.secondSurname].filter(Boolean).join(' ');

/**
 * The people of an arrival that typed text may mean, best first: the ticket, case or document
 * number exactly, or the name with the same tolerance as the Ctrl+K search (typos, accents,
 * sound-alikes, words in any order).
 */
export function matchArrivalPeople(query: string, persons: readonly PersonArrivalRow[]): PersonArrivalRow[] {
  const code = compactKey(query);
  if (!code) return [...persons];
  const exact = persons.filter((p) => compactKey(p.ticketCode) === code || compactKey(p.caseNumber) === code || (code.length >= 4 && compactKey(p.documentNumber) === code));
  if (exact.length) return exact;
  const words = nameTokens(query);
  return persons
    .map((p) => ({ p, score: wordsMatch(words, nameTokens(nameOf(p))) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.p);
}

/** Enter in the box: one expected person is checked in; several are offered; the rest is said. */
export function answerCheckIn(query: string, persons: readonly PersonArrivalRow[]): CheckInAnswer {
  const code = query.trim().toUpperCase();
  const ticket = persons.find((p) => p.ticketCode === code);
  if (ticket) return ticket.status === 'expected' ? { kind: 'ticket', row: ticket } : { kind: 'already', rows: [ticket] };
  const found = matchArrivalPeople(query, persons);
  const expected = found.filter((p) => p.status === 'expected');
  if (expected.length === 1) return { kind: 'one', row: expected[0]! };
  if (expected.length > 1) return { kind: 'choose', rows: expected.slice(0, 8) };
  const arrived = found.filter((p) => p.status === 'arrived');
  return arrived.length ? { kind: 'already', rows: arrived.slice(0, 3) } : { kind: 'none' };
}
