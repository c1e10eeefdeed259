import PDFDocument from 'pdfkit';
import type { DailySummary } from './contract';
import { translate, type Locale } from '../../i18n/translate';
import { COUNTRIES, REGISTRY_OPTIONS } from '../../reference';
import { displayDate } from '../../time';

/**
 * The daily summary as a PDF a coordinator puts on a board: the centre, the period, every figure
 * and the breakdowns as vector bars, and when and by whom it was made. Made in the core with
 * pdfkit (no browser), the same for the app and the CLI; its text is real text (pdftotext and
 * pdf.js read it). Counts only: the summary carries no name.
 */
export type Paper = 'a4' | 'letter';

const INK = '#1f2933';
const MUTED = '#6b7280';
const BAR = '#12b886';
const TRACK = '#e9ecef';

export interface PdfOptions {
  locale: Locale;
  paper: Paper;
  generatedAt: string;
  generatedBy: string;
  /** Kit and service names by code, in the PDF's language (the centre's own types); codes otherwise. */
  aidTypeNames?: Record<string, string>;
}

export function summaryPdf(s: DailySummary, options: PdfOptions): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) => translate(options.locale, `summaryPdf.${key}`, params);
  const doc = new PDFDocument({ size: options.paper === 'a4' ? 'A4' : 'LETTER', margin: 48, info: { Title: t('title'), Creator: 'Acogida' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 96;

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(18).text(t('title'));
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(s.centre);
  doc.text(s.from === s.to ? t('day', { date: displayDate(s.from) }) : t('range', { from: displayDate(s.from), to: displayDate(s.to) }));
  doc.moveDown(0.8);

  // The headline figures, four to a row.
  const figures: [string, number][] = [
    [t('arrivals'), s.arrivals.total],
    [t('expected'), s.persons.expected],
    [t('received'), s.persons.received],
    [t('noShows'), s.persons.no_shows],
    [t('unaccompanied'), s.persons.unaccompanied_minors],
    [t('families'), s.persons.family_units],
    [t('repeat'), s.persons.repeat_returnees],
    [t('interpreter'), s.persons.interpreter_needed],
  ];
  const cell = width / 4;
  const firstRow = doc.y;
  figures.forEach(([label, value], i) => {
    const x = 48 + (i % 4) * cell;
    const top = firstRow + Math.floor(i / 4) * 40;
    doc.fillColor(MUTED).font('Helvetica').fontSize(8).text(label, x, top, { width: cell - 8 });
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(String(value), x, top + 11, { width: cell - 8 });
  });
  doc.font('Helvetica');
  doc.x = 48;
  doc.y = firstRow + 2 * 40 + 8;


  const section = (title: string, counts: Record<string, number>, label: (key: string) => string) => {
    const entries = Object.entries(counts);
    if (doc.y + 24 + entries.length * 14 > doc.page.height - 72) doc.addPage();
    doc.x = 48;
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(11).text(title, 48, doc.y);
    doc.font('Helvetica').fontSize(9);
    if (!entries.length) doc.fillColor(MUTED).text(t('none'));
    const max = Math.max(1, ...entries.map(([, n]) => n));
    for (const [key, n] of entries) {
      const y = doc.y + 2;
      doc.fillColor(INK).text(label(key), 48, y, { width: 150 });
      doc.rect(204, y + 1, width - 200, 8).fill(TRACK);
      doc.rect(204, y + 1, ((width - 200) * n) / max, 8).fill(BAR);
      doc.fillColor(INK).text(String(n), 48 + width - 40, y, { width: 40, align: 'right' });
      doc.y = y + 12;
    }
    doc.moveDown(0.8);
  };
  const keyed = (prefix: string) => (key: string) => {
    const path = `summaryPdf.${prefix}.${key}`;
    const text = translate(options.locale, path);
    return text === path ? key : text;
  };
  section(t('bySex'), s.persons.by_sex, keyed('sex'));
  section(t('byAge'), s.persons.by_age_group, keyed('age'));
  section(t('byRoute'), s.arrivals.by_route, keyed('route'));
  const en = options.locale === 'en';
  const country = (k: string) => {
    const c = COUNTRIES.find((x) => x.iso3 === k);
    return c ? (en ? c.en : c.es) : k;
  };
  const disability = (k: string) => {
    const d = REGISTRY_OPTIONS.disabilities.find((x) => x.code === k);
    return d ? (en ? d.en : d.es) : k;
  };
  const aidType = (k: string) => options.aidTypeNames?.[k] ?? k;
  section(t('byOrigin'), s.arrivals.by_origin, country);
  section(t('screening'), { red: s.screening.red, yellow: s.screening.yellow, green: s.screening.green, not_screened: s.screening.not_screened, overdue: s.screening.overdue }, keyed('levels'));
  section(t('alerts'), s.alerts, keyed('alertStates'));
  section(t('disabilities'), s.persons.disabilities, disability);
  section(t('delivered'), s.aid.delivered, aidType);
  section(t('care'), s.care, keyed('careKinds'));
  section(t('referrals'), s.referrals.by_institution, (k) => k);
  if (s.aid.low_stock.length) doc.fillColor(INK).fontSize(9).text(t('lowStock', { types: s.aid.low_stock.map(aidType).join(', ') }), 48, doc.y);
  doc.moveDown(1);
  doc.fillColor(MUTED).fontSize(8).text(t('footer', { at: options.generatedAt, by: options.generatedBy }), 48, doc.y, { width });
  doc.end();
  return done;
}
