import { describe, expect, it } from 'vitest';
import { splitSurnames } from '../../electron/core/names';
import { parseManifest } from '../../electron/core/manifest/parse';

const enc = (text: string) => new TextEncoder().encode(text);

describe('manifests as centres receive them', () => {
  it('splits one "apellidos" column into first and second surname, particles kept with theirs', async () => {
    expect(splitSurnames('de la Cruz Pérez')).toEqual({ first: 'de la Cruz', second: 'Pérez' });
    expect(splitSurnames('García de León')).toEqual({ first: 'García', second: 'de León' });
    expect(splitSurnames('del Cid Ramírez')).toEqual({ first: 'del Cid', second: 'Ramírez' });
    expect(splitSurnames('Ajú')).toEqual({ first: 'Ajú', second: null });
    expect(splitSurnames('Pérez Cruz Mejía')).toEqual({ first: 'Pérez', second: 'Cruz Mejía' });
    expect(splitSurnames('de León')).toEqual({ first: 'de León', second: null });

    const r = await parseManifest(enc('nombres;apellidos;fecha_nacimiento\nRosa Amalia;de la Cruz Tzul;1990\nMarvin;García de León;\nAna;;\n'), 'm.csv');
    expect(r.rows.map((x) => [x.givenNames, x.firstSurname, x.secondSurname])).toEqual([
      ['Rosa Amalia', 'de la Cruz', 'Tzul'],
      ['Marvin', 'García', 'de León'],
      ['Ana', '', null],
    ]);
    // A missing surname is named by the file's own header.
    expect(r.problems).toEqual([{ row: 4, column: 'first_surname', header: 'apellidos', code: 'required', severity: 'error' }]);
  });

  it("names a problem's column as the file writes it", async () => {
    const r = await parseManifest(enc('Nombres;Primer Apellido;Fecha de Nacimiento;SEXO\nJuan;Pérez;31/02/1990;Z\n'), 'm.csv');
    expect(r.problems.map((p) => [p.column, p.header, p.code])).toEqual([
      ['birth_date', 'Fecha de Nacimiento', 'bad-date'],
      ['sex', 'SEXO', 'bad-sex'],
    ]);
    const missing = await parseManifest(enc('nombres;fecha\nJuan;1990\n'), 'm.csv');
    expect(missing.problems).toEqual([{ row: 1, column: 'first_surname', code: 'missing-column', severity: 'error' }]);
  });

  it('refuses an image, a PDF or another binary renamed .csv as what it is', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect((await parseManifest(png, 'manifiesto.csv')).problems).toEqual([{ row: 1, column: null, code: 'not-a-spreadsheet', severity: 'error', value: 'PNG' }]);
    expect((await parseManifest(enc('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'manifiesto.csv')).problems[0]).toMatchObject({ code: 'not-a-spreadsheet', value: 'PDF' });
    expect((await parseManifest(Uint8Array.from([0x01, 0x02, 0x00, 0x41, 0x42]), 'manifiesto.csv')).problems[0]).toMatchObject({ code: 'binary-file' });
    expect((await parseManifest(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'foto.xlsx')).problems[0]).toMatchObject({ code: 'unreadable' });
  });
});
