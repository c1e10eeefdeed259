/**
 * National identity numbers, checked the way each registry builds them, so a digit typed wrong at
 * the desk is caught before it is sent to RENAP or used to find an earlier record.
 */

/** Municipalities per department of Guatemala, in RENAP's department order (01 Guatemala … 22 Jutiapa). */
const GTM_MUNICIPALITIES = [17, 8, 16, 16, 14, 14, 19, 8, 24, 21, 9, 30, 33, 21, 8, 17, 14, 5, 11, 11, 7, 17];
/** Municipalities per department of Honduras (01 Atlántida … 18 Yoro). */
const HND_MUNICIPALITIES = [8, 10, 21, 23, 12, 16, 19, 28, 6, 17, 4, 19, 28, 16, 23, 28, 9, 11];

export type DocumentProblem = { key: string; params?: Record<string, unknown> };

const digitsOf = (text: string) => text.replace(/[\s.-]/g, '');

/** Guatemala's DPI (CUI): 8 digits, a check digit (mod 11), department and municipality codes. */
export function checkCui(text: string): DocumentProblem | null {
  const cui = digitsOf(text);
  if (!/^\d{13}$/.test(cui)) return { key: 'validation.cuiLength' };
  const sum = [...cui.slice(0, 8)].reduce((s, d, i) => s + Number(d) * (i + 2), 0);
  if (sum % 11 !== Number(cui[8])) return { key: 'validation.cuiCheck' };
  const department = Number(cui.slice(9, 11));
  const municipality = Number(cui.slice(11, 13));
  if (department < 1 || department > 22 || municipality < 1 || municipality > GTM_MUNICIPALITIES[department - 1]!) return { key: 'validation.cuiPlace' };
  return null;
}

/** Honduras' DNI: department and municipality (4 digits), year of birth (4), then the registry's number. */
export function checkHondurasDni(text: string, birthYear: number | null): DocumentProblem | null {
  const dni = digitsOf(text);
  if (!/^\d{13}$/.test(dni)) return { key: 'validation.dniLength' };
  const department = Number(dni.slice(0, 2));
  const municipality = Number(dni.slice(2, 4));
  if (department < 1 || department > 18 || municipality < 1 || municipality > HND_MUNICIPALITIES[department - 1]!) return { key: 'validation.dniPlace' };
  const year = Number(dni.slice(4, 8));
  if (birthYear !== null && year !== birthYear) return { key: 'validation.dniYear', params: { year, birthYear } };
  return null;
}

/** El Salvador's DUI: 8 digits and a check digit (weights 9…2, mod 10). */
export function checkDui(text: string): DocumentProblem | null {
  const dui = digitsOf(text);
  if (!/^\d{9}$/.test(dui)) return { key: 'validation.duiFormat' };
  const sum = [...dui.slice(0, 8)].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
  if ((10 - (sum % 10)) % 10 !== Number(dui[8])) return { key: 'validation.duiCheck' };
  return null;
}

/** The national identity document of a country, checked; null when valid or not checkable. */
export function checkNationalId(country: string | null | undefined, number: string, birthYear: number | null): DocumentProblem | null {
  if (country === 'GTM') return checkCui(number);
  if (country === 'HND') return checkHondurasDni(number, birthYear);
  if (country === 'SLV') return checkDui(number);
  return null;
}
