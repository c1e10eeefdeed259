import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { expectOk, setupCentre, snapshot, staff, tempCore } from '../helpers';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const HEADER = 'nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;numero_documento';
const ROWS = ['Juan Carlos;Caal;Tiul;14/02/1985;M;GTM;1234567890101', 'Rosa;Tiul;Choc;1987;F;GTM;', 'Glenda;Reyes;Cruz;05/05/1990;F;SLV;A123'];
const FLIGHT = { kind: 'flight' as const, route: 'air' as const, originCountry: 'USA', reference: 'GXA 2245', carrier: 'GlobalX', date: '2026-11-25' };

async function centre() {
  const { core } = tempCore();
  const { adminToken } = await setupCentre(core);
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  const arrival = await expectOk(core, 'arrivals.create', FLIGHT, { token: clerk });
  return { core, clerk, arrivalId: arrival.id };
}

describe('importing a manifest into an arrival twice', () => {
  it('refuses the same file again, before and at import, changing nothing', async () => {
    const { core, clerk, arrivalId } = await centre();
    const file = { fileName: 'GXA2245.csv', contentBase64: b64([HEADER, ...ROWS].join('\n')) };
    expect(await expectOk(core, 'manifests.import', { ...file, arrivalId }, { token: clerk })).toMatchObject({ imported: 3 });

    const preview = await expectOk(core, 'manifests.preview', { ...file, arrivalId }, { token: clerk, locale: 'es' });
    expect(preview.errorCount).toBe(1);
    expect(preview.problems[0]).toMatchObject({ row: 1, code: 'already-imported' });
    expect(preview.problems[0]!.message).toMatch(/^Este archivo ya se importó en este arribo el 25\/11\/2026 \d\d:\d\d; no se importa dos veces\.$/);

    const before = snapshot(core);
    const again = await dispatch(core, 'manifests.import', { ...file, fileName: 'copia.csv', arrivalId }, { token: clerk });
    expect(!again.ok && again.error.code).toBe('manifest.invalid');
    expect(snapshot(core)).toEqual(before);
    expect(core.db.prepare('SELECT count(*) FROM person_arrivals WHERE arrival_id = ?').pluck().get(arrivalId)).toBe(3);
  });

  it('skips the people already on the arrival and refuses a file with nobody new', async () => {
    const { core, clerk, arrivalId } = await centre();
    await expectOk(core, 'manifests.import', { fileName: 'a.csv', contentBase64: b64([HEADER, ...ROWS.slice(0, 2)].join('\n')), arrivalId }, { token: clerk });
    // A corrected manifest: the same two (one spelled with its document only) and one new person.
    const corrected = [HEADER, 'JUAN CARLOS;Caal;Tiul;14/02/1985;M;GTM;1234567890101', 'Rosa;Tiul;Choc;1987;F;GTM;', ROWS[2]].join('\n');
    const preview = await expectOk(core, 'manifests.preview', { fileName: 'b.csv', contentBase64: b64(corrected), arrivalId }, { token: clerk });
    expect(preview.problems.map((p) => [p.row, p.code])).toEqual([[2, 'already-in-arrival'], [3, 'already-in-arrival']]);
    expect(await expectOk(core, 'manifests.import', { fileName: 'b.csv', contentBase64: b64(corrected), arrivalId }, { token: clerk })).toMatchObject({ imported: 1 });
    expect(core.db.prepare('SELECT count(*) FROM person_arrivals WHERE arrival_id = ?').pluck().get(arrivalId)).toBe(3);

    const before = snapshot(core);
    const nothing = await dispatch(core, 'manifests.import', { fileName: 'c.csv', contentBase64: b64([HEADER, ROWS[2]].join('\n')), arrivalId }, { token: clerk, locale: 'es' });
    expect(!nothing.ok && (nothing.error.details as { errors: { code: string }[] }).errors[0]!.code).toBe('nothing-new');
    expect(snapshot(core)).toEqual(before);
  });
});
