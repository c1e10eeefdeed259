import type { DomainMessages } from '../define';

/** The summary domain's texts, Spanish first. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: { methods: { 'summary.daily': 'Consultar el resumen del día' }, errors: {} },
  en: { methods: { 'summary.daily': 'View the daily summary' }, errors: {} },
};
