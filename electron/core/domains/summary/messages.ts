import type { DomainMessages } from '../define';

/** The summary domain's texts, Spanish first. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: { methods: { 'summary.daily': 'Consultar el resumen del día', 'summary.export': 'Exportar datos anonimizados para estadística', 'summary.pdf': 'Generar el resumen del día en PDF', 'summary.spreadsheet': 'Descargar las cifras del resumen', 'summary.exportCsv': 'Exportar datos anonimizados para estadística' }, errors: { 'summary.centre-unknown': 'El servidor central no tiene ningún centro {{centre}}. Quite --centre para sumarlos todos.', 'summary.no-centres': 'El servidor central aún no tiene centros.' } },
  en: { methods: { 'summary.daily': 'View the daily summary', 'summary.export': 'Export anonymised data for statistics', 'summary.pdf': 'Produce the daily summary as PDF', 'summary.spreadsheet': 'Download the summary figures', 'summary.exportCsv': 'Export anonymised data for statistics' }, errors: { 'summary.centre-unknown': 'The upstream has no centre {{centre}}. Leave out --centre to add them all up.', 'summary.no-centres': 'The upstream has no centres yet.' } },
};
