import type { DomainMessages } from '../define';

/** The summary domain's texts, Spanish first. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: { methods: { 'summary.daily': 'Consultar el resumen del día', 'summary.export': 'Exportar datos anonimizados para estadística', 'summary.pdf': 'Generar el resumen del día en PDF' }, errors: {} },
  en: { methods: { 'summary.daily': 'View the daily summary', 'summary.export': 'Export anonymised data for statistics', 'summary.pdf': 'Produce the daily summary as PDF' }, errors: {} },
};
