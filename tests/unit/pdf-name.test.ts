import { describe, expect, it } from 'vitest';
import { pdfFileName } from '../../electron/main/pdf-name';

describe('pdfFileName (Electron printToPDF save dialog)', () => {
  it('keeps a readable Spanish name and adds .pdf', () => {
    expect(pdfFileName('Constancia EXP-2026-000123')).toBe('Constancia EXP-2026-000123.pdf');
    expect(pdfFileName('Constancia Ñandú José')).toBe('Constancia Ñandú José.pdf');
  });

  it('never lets the renderer pick a directory or a reserved name', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('etc passwd.pdf');
    expect(pdfFileName('C:\\Windows\\system32\\x')).toBe('C Windows system32 x.pdf');
    expect(pdfFileName('a\u0000b<>|?*"c')).toBe('a b c.pdf');
    expect(pdfFileName('...')).toBe('acogida.pdf');
    expect(pdfFileName(42)).toBe('acogida.pdf');
    expect(pdfFileName('x'.repeat(500))).toHaveLength(104);
  });
});
