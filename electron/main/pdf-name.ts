/**
 * A file name for a saved PDF from text the renderer suggests ("Constancia EXP-2026-000123"):
 * path separators, control and reserved characters removed, length bounded, always ".pdf".
 * Kept apart from pdf.ts (which needs Electron) so it can be unit-tested.
 */
export function pdfFileName(suggested: unknown): string {
  const text = typeof suggested === 'string' ? suggested : '';
  // eslint-disable-next-line no-control-regex
  const cleaned = text.normalize('NFC').replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 100);
  return `${cleaned || 'acogida'}.pdf`;
}
