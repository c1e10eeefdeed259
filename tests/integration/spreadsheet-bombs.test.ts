import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { count, expectOk, setupCentre, snapshot, staff, tempCore } from '../helpers';

/**
 * The files of the security review, sent through the API as a clerk or an alert officer would
 * upload them: none may exhaust memory, crash a pattern, or store more than the API allows.
 */
async function desks() {
  const { core } = tempCore();
  const { adminToken } = await setupCentre(core);
  const clerk = (await staff(core, adminToken, 'mesa', ['clerk'])).token;
  const officer = (await staff(core, adminToken, 'oficial', ['alert_officer'])).token;
  return { core, clerk, officer };
}

const base64 = (data: string | Buffer) => Buffer.from(data).toString('base64');
const FLIGHT = { kind: 'flight' as const, route: 'air' as const, date: '2026-11-25', originCountry: 'USA', reference: 'GXA 2301', carrier: 'ICE Air' };

async function xlsxWithCellAtXfd(dataRows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('manifiesto');
  sheet.addRow(['nombres', 'primer_apellido', 'fecha_nacimiento']);
  for (let i = 0; i < dataRows; i++) sheet.addRow([`Persona${i}`, 'Pop', '1990-01-01']);
  sheet.getCell('XFD1').value = 'x';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('spreadsheet bombs', () => {
  it('reads an XLSX with one cell in column XFD by the cells present, in bounded memory', async () => {
    const { core, clerk } = await desks();
    const file = await xlsxWithCellAtXfd(3000);
    expect(file.length).toBeLessThan(100_000);
    const before = process.memoryUsage().rss;
    const preview = await expectOk(core, 'manifests.preview', { fileName: 'manifiesto.xlsx', contentBase64: base64(file) }, { token: clerk });
    expect(preview.rows).toHaveLength(3000);
    expect(preview.errorCount).toBe(0);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses an XLSX whose parts would unzip past the limit, without inflating them', async () => {
    const { core, clerk } = await desks();
    const file = await xlsxWithCellAtXfd(2);
    // The zip's directory claims a 900 MB part, as a zip bomb's does.
    const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const directory = file.readUInt32LE(end + 16);
    file.writeUInt32LE(900 * 1024 * 1024, directory + 24);
    const preview = await expectOk(core, 'manifests.preview', { fileName: 'manifiesto.xlsx', contentBase64: base64(file) }, { token: clerk });
    expect(preview.problems.map((p) => p.code)).toEqual(['unzipped-too-large']);
  });

  it('cuts a 5 MB cell before any name pattern sees it, and reports it as that row\'s problem', async () => {
    const { core, clerk } = await desks();
    const csv = `nombres;primer_apellido\nAna;Pop\n${'José María '.repeat(500_000)};López\nLuis;Tzoc\n`;
    const before = snapshot(core);
    const preview = await expectOk(core, 'manifests.preview', { fileName: 'manifiesto.csv', contentBase64: base64(csv) }, { token: clerk });
    expect(preview.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.code])).toEqual([[3, 'given_names', 'cell-too-long']]);
    const message = preview.problems.find((p) => p.code === 'cell-too-long')!.message;
    expect(message).toBe('«nombres» tiene más de 1000 caracteres: no es el dato de una persona. Corríjalo en el archivo.');
    expect(message.length).toBeLessThan(200);
    const imported = await dispatch(core, 'manifests.import', { fileName: 'manifiesto.csv', contentBase64: base64(csv), arrival: FLIGHT }, { token: clerk });
    expect(!imported.ok && imported.error.code).toBe('manifest.invalid');
    expect(snapshot(core)).toEqual(before);
  });

  it('applies the API limits to imported names: an 81-character or a 1,000,000-character name is a row problem, never stored', async () => {
    const { core, clerk, officer } = await desks();
    const long = 'A'.repeat(81);
    const huge = 'B'.repeat(1_000_000);
    const csv = `nombres;primer_apellido;numero_documento\nAna;${long};\n${huge};Pop;\nLuis;Tzoc;${'9'.repeat(41)}\n`;
    const preview = await expectOk(core, 'manifests.preview', { fileName: 'm.csv', contentBase64: base64(csv) }, { token: clerk });
    expect(preview.problems.filter((p) => p.code.endsWith('too-long')).map((p) => [p.row, p.column])).toEqual([
      [2, 'first_surname'],
      [3, 'given_names'],
      [4, 'document_number'],
    ]);
    expect(preview.problems.find((p) => p.row === 2)!.message).toContain('el máximo es 80');
    const list = `referencia;nombres;primer_apellido\nR-1;${huge};Pop\nR-2;Ana;López\n`;
    const before = count(core, 'alert_records');
    const refused = await dispatch(core, 'alerts.import', { list: 'interpol', fileName: 'lista.csv', contentBase64: base64(list) }, { token: officer });
    expect(refused.ok).toBe(false);
    expect(count(core, 'alert_records')).toBe(before);
    const longest = core.db.prepare('SELECT max(length(given_names)) FROM persons').pluck().get() as number | null;
    expect(longest ?? 0).toBeLessThanOrEqual(80);
  });
});
