import type { DomainMessages } from '../define';

/** The summary domain's texts, Spanish first. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: { methods: { 'summary.daily': 'Consultar el resumen del día', 'summary.export': 'Exportar datos anonimizados para estadística' }, errors: {} },
  en: { methods: { 'summary.daily': 'View the daily summary', 'summary.export': 'Export anonymised data for statistics' }, errors: {} },
};
