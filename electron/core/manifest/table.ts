import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeText } from './decode';

/**
 * Reads a spreadsheet a centre receives (manifest, alert list): CSV in UTF-8 or Windows-1252
 * with `;`, `,` or tab, or the first sheet of an XLSX. Rows with no text are dropped. Throws
 * when the file cannot be read at all.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<{ encoding: string | null; table: string[][] }> {
  const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  let table: string[][];
  let encoding: string | null = null;
  if (isXlsx) table = await readXlsx(bytes);
  else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    table = readCsv(decoded.text);
  }
  return { encoding, table: table.filter((cells) => cells.some((c) => c.trim() !== '')) };
}

function readCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', ',', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  return result.data;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  });
  return table;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10); // Excel dates → yyyy-mm-dd
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}
