import { friendlyIssue } from '@core/i18n/issues';
import { messages as coreMessages } from '@core/i18n/messages';
import dayjs from 'dayjs';
import 'dayjs/locale/es';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { setTransportLocale } from '../api/client';
import { en } from './locales/en';
import { es } from './locales/es';

const STORED = 'acogida.locale';
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// zod's own messages follow the UI language; its eval fast path is off (our CSP forbids eval).
const zodLocales = { es: z.locales.es, en: z.locales.en };

export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED);
  return stored === 'en' ? 'en' : 'es';
}

void i18n.use(initReactI18next).init({
  // Error and validation messages and the methods' names come from the core's catalogue (each
  // domain's messages.ts): one wording everywhere.
  resources: {
    es: { translation: { ...es, errors: { ...coreMessages.es.errors, network: es.common.networkError }, validation: coreMessages.es.validation, auditReasons: coreMessages.es.auditReasons, methods: coreMessages.es.methods } },
    en: { translation: { ...en, errors: { ...coreMessages.en.errors, network: en.common.networkError }, validation: coreMessages.en.validation, auditReasons: coreMessages.en.auditReasons, methods: coreMessages.en.methods } },
  },
  lng: initialLanguage(),
  fallbackLng: 'es',
  interpolation: { escapeValue: false }, // React escapes
  keySeparator: '.',
  nsSeparator: false,
  showSupportNotice: false,
});

function apply(language: Language): void {
  dayjs.locale(language);
  // The same wording as the core's: "El nombre puede tener hasta 80 caracteres".
  z.config({ ...zodLocales[language](), customError: (issue) => friendlyIssue(issue, language), jitless: true });
  setTransportLocale(language);
  document.documentElement.lang = language;
}

apply(i18n.language as Language);
i18n.on('languageChanged', (lng) => apply(lng === 'en' ? 'en' : 'es'));

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORED, language);
  await i18n.changeLanguage(language);
}

export default i18n;
