import { COUNTRIES, INSTITUTION_SERVICES, REGISTRY_OPTIONS } from '@core/reference';
import i18n from './i18n';

/** Labels of reference data (resources/data) in the UI language. */
export function countryName(iso3: string | null | undefined, language: string = i18n.language): string {
  if (!iso3) return '';
  const c = COUNTRIES.find((x) => x.iso3 === iso3);
  return c ? (language === 'en' ? c.en : c.es) : iso3;
}

export function countryOptions() {
  return COUNTRIES.map((c) => ({ value: c.iso3, label: i18n.language === 'en' ? c.en : c.es })).sort((a, b) => a.label.localeCompare(b.label));
}

export function optionList(kind: 'peoples' | 'languages' | 'disabilities') {
  return REGISTRY_OPTIONS[kind].map((o) => ({ value: o.code, label: i18n.language === 'en' ? o.en : o.es }));
}

export function optionLabel(kind: 'peoples' | 'languages' | 'disabilities', code: string): string {
  return optionList(kind).find((o) => o.value === code)?.label ?? code;
}

/** What an erasure leaves in the name fields (electron/core/domains/erasure/spec.ts ERASED_TEXT). */
const ERASED = '—';

/** A person's name as the screens show it; a person whose data were erased is said so, not "— —". */
export function personName(p: { givenNames: string; firstSurname: string; secondSurname: string | null }): string {
  if (p.givenNames === ERASED && p.firstSurname === ERASED) return i18n.t('erasure.erasedName');
  return [p.givenNames, p.firstSurname, p.secondSurname].filter(Boolean).join(' ');
}

/** Services an institution offers, in the UI language. */
export function serviceOptions() {
  return INSTITUTION_SERVICES.map((s) => ({ value: s.code, label: i18n.language === 'en' ? s.en : s.es }));
}

export function serviceLabel(code: string): string {
  return serviceOptions().find((o) => o.value === code)?.label ?? code;
}

/** Where an institution works: a country, or "international". */
export function institutionCountry(country: string): string {
  return country === 'INT' ? i18n.t('institutions.international') : countryName(country);
}
