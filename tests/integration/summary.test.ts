import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { strFromU8, unzipSync } from 'fflate';
import { neutralise, summaryCsv, summaryXlsx } from '../../electron/core/domains/summary/tables';
import { expectOk, ManualClock, setupCentre, snapshot, staff, tempCore, tempDir } from '../helpers';

const DAY = '2026-11-25';
const walkIn = { route: 'land' as const, originCountry: 'MEX', date: DAY };
const consent = { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] };

async function centre() {
  const clock = new ManualClock(); // 2026-11-25 08:00 in Guatemala
  const { core, file } = tempCore(clock);
  const { adminToken } = await setupCentre(core);
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  const social = (await staff(core, adminToken, 'tsocial', ['protection_officer'])).token;
  const manager = (await staff(core, adminToken, 'coordina', ['manager'])).token;
  return { core, file, clock, adminToken, clerk, social, manager };
}

describe('daily summary', () => {
  it('counts a hand-built day: sex, age groups, unaccompanied, families, disabilities, languages, screening, alerts, kits, referrals', async () => {
    const c = await centre();
    const register = async (person: Record<string, unknown>, groupType = 'alone') =>
      (await expectOk(c.core, 'persons.register', { walkIn, groupType, person: { givenNames: 'P', firstSurname: 'Q', ...person }, consent } as never, { token: c.clerk })).person;
    const adult = await register({ givenNames: 'Juan', sex: 'M', birthDate: '1990-01-01' });
    const child = await register({ givenNames: 'Ana', sex: 'F', birthDate: '2012-03-01' }, 'unaccompanied_minor');
    await register({ givenNames: 'Rosa', sex: 'F', birthDate: '1985' }, 'family');
    await register({ givenNames: 'Elder', sex: 'M', birthDate: '1950', disabilities: ['visual'], languages: ['quc'], interpreterNeeded: true });
    await register({ givenNames: 'Sin', firstSurname: 'Fecha' });
    await expectOk(c.core, 'screening.record', { personId: child.id, answers: { age: 14, travel_group: 'unaccompanied_minor' } }, { token: c.social });
    await expectOk(c.core, 'screening.record', { personId: adult.id, answers: { age: 36, travel_group: 'alone', support_network: true } }, { token: c.social });
    const types = await expectOk(c.core, 'aid.types', {}, { token: c.clerk });
    const board = await expectOk(c.core, 'flow.board', { date: DAY }, { token: c.clerk });
    const stay = board.rows.find((r) => r.personId === adult.id)!.personArrivalId;
    await expectOk(c.core, 'aid.deliver', { typeId: types.find((t) => t.code === 'meal')!.id, target: { personArrivalId: stay } }, { token: c.clerk }); // a service without stock
    const pgn = (await expectOk(c.core, 'institutions.list', {}, { token: c.social })).find((i) => i.code === 'PGN')!;
    await expectOk(c.core, 'referrals.create', { personId: child.id, institutionId: pgn.id, service: 'child_protection', priority: 'high' }, { token: c.social });

    const s = await expectOk(c.core, 'summary.daily', { from: DAY }, { token: c.manager });
    expect(s.arrivals).toMatchObject({ by_route: { land: expect.any(Number) }, by_origin: { MEX: expect.any(Number) } });
    expect(s.persons).toMatchObject({
      received: 5,
      no_shows: 0,
      by_sex: { M: 2, F: 2, unknown: 1 },
      by_age_group: { '0-12': 0, '13-17': 1, '18-59': 2, '60+': 1, unknown: 1 },
      unaccompanied_minors: 1,
      family_units: 1,
      repeat_returnees: 0,
      disabilities: { visual: 1 },
      indigenous_language: 1,
      interpreter_needed: 1,
    });
    expect(s.screening).toMatchObject({ red: 1, green: 1, yellow: 0, not_screened: 3 });
    expect(s.alerts.checked).toBe(5);
    expect(s.aid.delivered).toEqual({ meal: 1 });
    expect(s.referrals).toMatchObject({ created: 1, by_status: { created: 1 }, by_institution: { PGN: 1 } });
    // Counts only: no name, no document anywhere in it.
    for (const name of ['Juan', 'Ana', 'Rosa', 'Elder']) expect(JSON.stringify(s)).not.toContain(name);
    // Roles: the manager and (read-only) the admin; nobody else.
    expect((await expectOk(c.core, 'summary.daily', { from: DAY }, { token: c.adminToken })).persons.received).toBe(5);
    const refused = await dispatch(c.core, 'summary.daily', { from: DAY }, { token: c.clerk });
    expect(refused.ok === false && refused.error.code).toBe('forbidden');
  });

  it("a day is the centre's day: what happens at 23:30 in Guatemala (05:30 UTC the next day) counts on that day", async () => {
    const c = await centre();
    c.clock.ms = Date.parse('2026-11-26T05:30:00Z'); // 25 Nov, 23:30 in Guatemala
    c.core.db.prepare('UPDATE sessions SET created_at = ?, last_active_at = ? WHERE ended_at IS NULL').run(c.clock.now().toISOString(), c.clock.now().toISOString());
    const { person } = await expectOk(c.core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Noche', firstSurname: 'Tarde' }, consent } as never, { token: c.clerk });
    const renap = (await expectOk(c.core, 'institutions.list', {}, { token: c.social })).find((i) => i.code === 'RENAP')!;
    await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: renap.id, service: 'identity' }, { token: c.social });
    const on25 = await expectOk(c.core, 'summary.daily', { from: '2026-11-25' }, { token: c.manager });
    const on26 = await expectOk(c.core, 'summary.daily', { from: '2026-11-26' }, { token: c.manager });
    expect([on25.persons.received, on25.referrals.created]).toEqual([1, 1]);
    expect([on26.persons.received, on26.referrals.created]).toEqual([0, 0]);
    const range = await expectOk(c.core, 'summary.daily', { from: '2026-11-24', to: '2026-11-26' }, { token: c.manager });
    expect(range.persons.received).toBe(1);
  });

  it('acogida report daily prints the JSON other tools read and writes a CSV with formulas neutralised; bad input changes nothing', async () => {
    const c = await centre();
    await expectOk(c.core, 'persons.register', { walkIn, person: { givenNames: 'Uno', firstSurname: 'Dos', sex: 'F' }, consent } as never, { token: c.clerk });
    const dir = tempDir();
    const csv = path.join(dir, 'resumen.csv');
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es' } });
    const before = snapshot(c.core);
    const ok = cli(['report', 'daily', '--db', c.file, '--date', DAY, '--csv', csv, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['from', 'to', 'centre', 'arrivals', 'persons', 'screening', 'alerts', 'aid', 'care', 'referrals']);
    expect(Object.keys(json.persons as object)).toEqual(['expected', 'received', 'no_shows', 'by_sex', 'by_age_group', 'unaccompanied_minors', 'family_units', 'repeat_returnees', 'disabilities', 'indigenous_language', 'interpreter_needed']);
    expect(Object.keys(json.screening as object)).toEqual(['red', 'yellow', 'green', 'not_screened', 'overdue']);
    expect(json).toMatchObject({ from: DAY, to: DAY, persons: { received: 1, by_sex: { F: 1 } } });
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe('from,to,centre,section,figure,key,value');
    expect(text).toContain('2026-11-25,2026-11-25,');
    expect(text).toContain('persons,by_sex,F,1');
    // The PDF: made in the core, real text a person (and pdf.js) reads, Letter by default, A4 on request.
    const pdfFile = path.join(dir, 'resumen.pdf');
    const withPdf = cli(['report', 'daily', '--db', c.file, '--date', DAY, '--pdf', pdfFile, '--paper', 'a4', '--json']);
    expect(withPdf.status, withPdf.stderr).toBe(0);
    const pdf = fs.readFileSync(pdfFile);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
    const page = await doc.getPage(1);
    const [, , w, h] = page.view as [number, number, number, number];
    expect([Math.round(w), Math.round(h)]).toEqual([595, 842]); // A4 in points
    const onPaper = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    await doc.destroy();
    // Names, not codes, where a person reads them: the country of origin, the kits low in stock.
    for (const expected of ['Resumen del día', 'Día 25/11/2026', 'Personas recibidas', 'Mujeres', 'México', 'Existencias bajas: Ropa de emergencia']) expect(onPaper).toContain(expected);
    expect(onPaper).not.toMatch(/\bMEX\b|\bclothing\b/);
    expect(onPaper).not.toContain('Uno');
    const english = cli(['report', 'daily', '--db', c.file, '--date', DAY, '--pdf', pdfFile, '--lang', 'en', '--json']);
    expect(english.status, english.stderr).toBe(0);
    for (const bad of [['--date', '25/11/2026'], ['--date', DAY, '--to', '2026-11-20'], ['--date', DAY, '--lang', 'fr'], ['--date', DAY, '--paper', 'a3']]) {
      const r = cli(['report', 'daily', '--db', c.file, ...bad, '--json']);
      expect(r.status).not.toBe(0);
      expect(r.stderr + r.stdout).toMatch(/Fecha no válida|fecha final|Idioma no válido|Papel no válido/);
    }
    expect(snapshot(c.core)).toEqual(before);
    // A centre name crafted as a formula stays text in the CSV.
    expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    const crafted = summaryCsv({ ...(json as object), centre: '=cmd|/c calc' } as never);
    expect(crafted).toContain(",'=cmd|/c calc,");
    // The same figures as XLSX: every row of the CSV, numbers as numbers, the crafted name as text.
    const xlsxFile = path.join(dir, 'resumen.xlsx');
    const withXlsx = cli(['report', 'daily', '--db', c.file, '--date', DAY, '--xlsx', xlsxFile, '--json']);
    expect(withXlsx.status, withXlsx.stderr).toBe(0);
    const sheetXml = (buffer: Buffer) => {
      const files = unzipSync(new Uint8Array(buffer));
      const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
      return strFromU8(files['xl/worksheets/sheet1.xml']!) + strings;
    };
    const sheet = sheetXml(fs.readFileSync(xlsxFile));
    expect(sheet).toContain('by_sex');
    expect(sheet).not.toMatch(/<f>/);
    const craftedXlsx = sheetXml(await summaryXlsx({ ...(json as object), centre: '=cmd|/c calc' } as never));
    expect(craftedXlsx).toContain("'=cmd|/c calc");
    expect(craftedXlsx).not.toMatch(/<f>/);
  });

  it('acogida report export: one row per person received, no name, k-anonymous (k = 5) on age group, sex, department and nationality', async () => {
    const c = await centre();
    const people = [
      ...Array.from({ length: 6 }, (_, i) => ({ givenNames: `Alta${i}`, sex: 'M', birthDate: '1990', originDepartment: 'Alta Verapaz', nationality: 'GTM' })),
      ...Array.from({ length: 5 }, (_, i) => ({ givenNames: `Quiche${i}`, sex: 'F', birthDate: '1995', originDepartment: 'Quiché', nationality: 'GTM' })),
      { givenNames: 'Unica', sex: 'F', birthDate: '1940', originDepartment: 'Izabal', nationality: 'HND', documentNumber: '0801199912345' },
    ];
    for (const person of people) await expectOk(c.core, 'persons.register', { walkIn, person: { firstSurname: 'Prueba', ...person }, consent } as never, { token: c.clerk });
    const dir = tempDir();
    const file = path.join(dir, 'anonimo.csv');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'report', 'export', '--db', c.file, '--from', DAY, '--to', DAY, '--anonymised', file, '--json'], { encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es' } });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number; k: number; suppressed_cells: number };
    expect(Object.keys(out)).toEqual(['rows', 'k', 'suppressed_cells']);
    expect(out).toMatchObject({ rows: 11, k: 5 });
    expect(out.suppressed_cells).toBeGreaterThan(0); // the one older woman from Izabal cannot be told apart: suppressed
    const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\r\n');
    expect(header).toBe('age_group,sex,department,nationality,screening_level,services,referrals');
    const groups = new Map<string, number>();
    for (const line of lines) {
      const [age, sex, department, nationality] = line.split(',');
      groups.set(`${age}|${sex}|${department}|${nationality}`, (groups.get(`${age}|${sex}|${department}|${nationality}`) ?? 0) + 1);
    }
    expect([...groups.values()].every((n) => n >= 5)).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    for (const secret of ['Alta0', 'Unica', 'Prueba', '0801199912345', '1990', '1940']) expect(text).not.toContain(secret);
    // Person-level data, even anonymised, is the manager's: the admin is refused.
    const refused = await dispatch(c.core, 'summary.export', { from: DAY, to: DAY }, { token: c.adminToken });
    expect(refused.ok === false && refused.error.code).toBe('forbidden');
  });
});
