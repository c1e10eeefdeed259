import { messages as coreMessages } from '@core/i18n/messages';
import { featureMessages } from '../../app/locales/shape';

/** The texts of the manager's daily summary, Spanish first. */
export const summaryMessages = featureMessages({
  es: {
    summary: {
      // The figures' names are the core's (the PDF's): one wording on screen and on paper.
      ...coreMessages.es.summaryPdf,
      range: 'del {{from}} al {{to}}',
      comparedWith: 'comparado con {{from}}–{{to}}',
      from: 'Día (o desde)',
      to: 'Hasta',
      print: 'Imprimir',
      pdf: 'Descargar PDF',
      paper: 'Tamaño del papel',
      letter: 'Carta',
      overdue_one: '{{count}} plazo vencido',
      overdue_other: '{{count}} plazos vencidos',
      indigenous_one: '{{count}} persona habla un idioma indígena',
      indigenous_other: '{{count}} personas hablan un idioma indígena',
      referralStates: '{{created}} creadas · {{overdue}} vencidas · {{states}}',
      before_one: 'Periodo anterior: {{count}}',
      before_other: 'Periodo anterior: {{count}}',
      footnote: 'Se cuentan las personas recibidas en arribos del periodo (hora del centro), salvo «esperadas» y «no se presentaron». Solo cifras: ningún nombre.',
    },
  },
  en: {
    summary: {
      ...coreMessages.en.summaryPdf,
      range: '{{from}} to {{to}}',
      comparedWith: 'compared with {{from}}–{{to}}',
      from: 'Day (or from)',
      to: 'To',
      print: 'Print',
      pdf: 'Download PDF',
      paper: 'Paper size',
      letter: 'Letter',
      overdue_one: '{{count}} deadline overdue',
      overdue_other: '{{count}} deadlines overdue',
      indigenous_one: '{{count}} person speaks an indigenous language',
      indigenous_other: '{{count}} people speak an indigenous language',
      referralStates: '{{created}} created · {{overdue}} overdue · {{states}}',
      before_one: 'Previous period: {{count}}',
      before_other: 'Previous period: {{count}}',
      footnote: 'People are counted when received on the period’s arrivals (centre time), except “expected” and “no-shows”. Counts only: no names.',
    },
  },
});
