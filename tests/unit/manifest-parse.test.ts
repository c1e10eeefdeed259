import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MANIFEST_COLUMNS } from '../../electron/core/manifest/columns';
import { parseManifest } from '../../electron/core/manifest/parse';

const enc = (text: string) => new TextEncoder().encode(text);
const CANONICAL = 'given_names,first_surname,second_surname,birth_date,sex,nationality,document_type,document_number,unaccompanied_minor,family_group';
const SPANISH = 'nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;tipo_documento;numero_documento;nna_no_acompanado;grupo_familiar';

describe('manifest parsing', () => {
  it('reads the canonical header with commas', async () => {
    const r = await parseManifest(enc(`${CANONICAL}\nMaría José,López,Xicará,12/03/1994,F,GTM,DPI,2456 78901 0101,no,\n`), 'm.csv');
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ row: 2, givenNames: 'María José', firstSurname: 'López', secondSurname: 'Xicará', birthDate: '1994-03-12', sex: 'F', nationality: 'GTM', documentType: 'dpi', documentNumber: '2456789010101', unaccompaniedMinor: false });
  });

  it('reads the Spanish aliases with semicolons, in any column order', async () => {
    const header = SPANISH.split(';').reverse().join(';');
    const values = ['Ramírez', 'Ana Lucía', '2010', 'f', 'Honduras', 'Pasaporte', 'E1234567', 'sí', 'Familia A'];
    const line = ['Familia A', 'sí', 'E1234567', 'Pasaporte', 'Honduras', 'f', '2010', '', 'Ramírez', 'Ana Lucía'].join(';');
    void values;
    const r = await parseManifest(enc(`${header}\n${line}\n`), 'm.csv');
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ givenNames: 'Ana Lucía', firstSurname: 'Ramírez', secondSurname: null, birthDate: '2010', sex: 'F', nationality: 'HND', documentType: 'passport', unaccompaniedMinor: true, familyGroup: 'Familia A' });
  });

  it('accepts every alias of every column', async () => {
    for (const [column, aliases] of Object.entries(MANIFEST_COLUMNS)) {
      for (const alias of aliases) {
        const written = alias.toUpperCase().replace(/_/g, ' ');
        const header =
          column === 'given_names' ? `${written},first_surname` : column === 'first_surname' ? `given_names,${written}` : `given_names,first_surname,${written}`;
        const r = await parseManifest(enc(`${header}\nJuan,Pérez${header.split(',').length === 3 ? ',' : ''}\n`), 'm.csv');
        expect(r.problems.filter((p) => p.severity === 'error'), `${column} ← ${alias}`).toEqual([]);
      }
    }
  });

  it('decodes Windows-1252 and UTF-8 with BOM, and tab separators', async () => {
    const latin = Uint8Array.from([...enc('nombres;primer_apellido\n'), 0x4a, 0x6f, 0x73, 0xe9, 0x3b, 0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x0a]);
    const r1 = await parseManifest(latin, 'm.csv');
    expect(r1.encoding).toBe('windows-1252');
    expect(r1.rows[0]).toMatchObject({ givenNames: 'José', firstSurname: 'Núñez' });
    const r2 = await parseManifest(enc('\uFEFFnombres,primer_apellido\nJosé,Núñez\n'), 'm.csv');
    expect(r2.encoding).toBe('utf-8');
    expect(r2.rows[0]).toMatchObject({ givenNames: 'José', firstSurname: 'Núñez' });
    const r3 = await parseManifest(enc('nombres\tprimer_apellido\nJosé\tNúñez\n'), 'm.tsv');
    expect(r3.rows[0]).toMatchObject({ givenNames: 'José', firstSurname: 'Núñez' });
  });

  it('reads each date form', async () => {
    const r = await parseManifest(enc('nombres,primer_apellido,fecha_nacimiento\nA,B,05/11/1990\nA,C,1990-11-05\nA,D,1990\nA,E,5/1/1990\n'), 'm.csv');
    expect(r.rows.map((x) => x.birthDate)).toEqual(['1990-11-05', '1990-11-05', '1990', '1990-01-05']);
  });

  it('reports each error with row, column and code', async () => {
    const csv = [
      'nombres,primer_apellido,fecha_nacimiento,sexo,nacionalidad,tipo_documento,nna_no_acompanado',
      ',López,31/02/1990,F,GTM,DPI,no',
      'Ana,,1990,Q,Marte,carnet,quizás',
    ].join('\n');
    const r = await parseManifest(enc(csv), 'm.csv');
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'given_names', 'required'],
      [2, 'birth_date', 'bad-date'],
      [3, 'first_surname', 'required'],
      [3, 'sex', 'bad-sex'],
      [3, 'nationality', 'bad-country'],
      [3, 'document_type', 'bad-document-type'],
      [3, 'unaccompanied_minor', 'bad-flag'],
    ]);
  });

  it('refuses a file without the required columns, an empty file and garbage', async () => {
    expect((await parseManifest(enc('nombre_completo,edad\nJuan Pérez,30\n'), 'm.csv')).problems.map((p) => [p.code, p.column])).toEqual([
      ['missing-column', 'given_names'],
      ['missing-column', 'first_surname'],
    ]);
    expect((await parseManifest(enc('nombres,primer_apellido\n'), 'm.csv')).problems[0]!.code).toBe('empty');
    expect((await parseManifest(Uint8Array.from([0x50, 0x4b, 1, 2, 3]), 'm.xlsx')).problems[0]!.code).toBe('unreadable');
  });

  it('flags the same person twice in one file', async () => {
    const r = await parseManifest(enc('nombres,primer_apellido,fecha_nacimiento,numero_documento\nJuan,Pérez,1990,\nJUAN,PEREZ,1990,\nAna,Gómez,1980,X1\nAna María,Gómez,1981,X 1\n'), 'm.csv');
    expect(r.problems.map((p) => [p.row, p.code, p.duplicateOf])).toEqual([
      [3, 'duplicate-in-file', 2],
      [5, 'duplicate-in-file', 4],
    ]);
  });

  it('reads XLSX, with real Excel dates', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Manifiesto');
    sheet.addRow(['Nombres', 'Primer apellido', 'Fecha de nacimiento', 'Sexo']);
    sheet.addRow(['Karla Yesenia', 'García', new Date(Date.UTC(1992, 6, 14)), 'Femenino']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await parseManifest(bytes, 'vuelo.xlsx');
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ givenNames: 'Karla Yesenia', firstSurname: 'García', birthDate: '1992-07-14', sex: 'F' });
  });

  it('reads a United States manifest month first, as the file shows, ambiguous dates included', async () => {
    const r = await parseManifest(enc('nombres;primer_apellido;fecha_nacimiento\nAna;Pop;03/20/1968\nLuis;Caal;03/04/1970\nRosa;Tzoc;1990-11-05\n'), 'us.csv');
    expect(r.problems).toEqual([]);
    expect(r.dateOrder).toMatchObject({ order: 'mdy', source: 'file', conflicting: 0, ambiguous: 1 });
    expect(r.rows.map((x) => x.birthDate)).toEqual(['1968-03-20', '1970-03-04', '1990-11-05']);
  });

  it('reads an ambiguous file day first unless the user chooses month first, and says which', async () => {
    const file = enc('nombres;primer_apellido;fecha_nacimiento\nAna;Pop;03/04/1968\nLuis;Caal;1970\n');
    const byDefault = await parseManifest(file, 'm.csv');
    expect(byDefault.dateOrder).toMatchObject({ order: 'dmy', source: 'default', ambiguous: 1 });
    expect(byDefault.rows[0]!.birthDate).toBe('1968-04-03');
    const chosen = await parseManifest(file, 'm.csv', { dateOrder: 'mdy' });
    expect(chosen.dateOrder).toMatchObject({ order: 'mdy', source: 'chosen' });
    expect(chosen.rows[0]!.birthDate).toBe('1968-03-04');
    // The file's own evidence beats a choice.
    const decided = await parseManifest(enc('nombres;primer_apellido;fecha_nacimiento\nAna;Pop;25/03/1968\n'), 'm.csv', { dateOrder: 'mdy' });
    expect(decided.dateOrder).toMatchObject({ order: 'dmy', source: 'file' });
    expect(decided.rows[0]!.birthDate).toBe('1968-03-25');
  });

  it('never mixes the two orders silently: the rows that contradict the column are problems', async () => {
    const r = await parseManifest(enc('nombres;primer_apellido;fecha_nacimiento\nAna;Pop;25/03/1968\nLuis;Caal;14/02/1970\nRosa;Tzoc;03/25/1990\n'), 'm.csv');
    expect(r.dateOrder).toMatchObject({ order: 'dmy', source: 'file', conflicting: 1 });
    expect(r.problems.map((p) => [p.row, p.column, p.code, p.value])).toEqual([[4, 'birth_date', 'date-order-conflict-dmy', '03/25/1990']]);
    expect(r.rows[2]!.birthDate).toBeNull();
  });

  it('keeps the row numbers the file shows when lines are empty', async () => {
    const r = await parseManifest(enc('nombres;primer_apellido\nAna;Pop\n\n;;\nLuis;\n'), 'm.csv');
    expect(r.rows.map((x) => x.row)).toEqual([2, 5]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[5, 'first_surname']]);
  });
});
