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

describe('undoing a manifest import', () => {
  it('removes the people it brought while none of them has arrived, audited; the file can then be imported again', async () => {
    const { core, clerk, arrivalId } = await centre();
    const file = { fileName: 'otro-vuelo.csv', contentBase64: b64([HEADER, ...ROWS].join('\n')) };
    await expectOk(core, 'manifests.import', { ...file, arrivalId }, { token: clerk });
    const [imported] = await expectOk(core, 'manifests.imports', { arrivalId }, { token: clerk });
    expect(imported).toMatchObject({ fileName: 'otro-vuelo.csv', imported: 3, undoable: true, undoneAt: null });
    expect((await expectOk(core, 'persons.search', { text: 'Glenda Reyes' }, { token: clerk })).length).toBe(1);

    const before = snapshot(core);
    const short = await dispatch(core, 'manifests.undo', { importId: imported!.id, reason: 'no' }, { token: clerk, locale: 'es' });
    expect(!short.ok && short.error.code).toBe('input.invalid');
    expect(snapshot(core)).toEqual(before);

    expect(await expectOk(core, 'manifests.undo', { importId: imported!.id, reason: 'Era el manifiesto del vuelo de mañana' }, { token: clerk })).toEqual({ arrivalId, removed: 3 });
    expect((await expectOk(core, 'arrivals.get', { id: arrivalId }, { token: clerk })).persons).toEqual([]);
    expect(await expectOk(core, 'persons.search', { text: 'Glenda Reyes' }, { token: clerk })).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM persons WHERE deleted_at IS NULL').pluck().get()).toBe(0);
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'manifests.undo' AND outcome = 'ok'").pluck().get()).toBe(1);
    const [undone] = await expectOk(core, 'manifests.imports', { arrivalId }, { token: clerk });
    expect(undone).toMatchObject({ undoable: false, undoReason: 'Era el manifiesto del vuelo de mañana' });
    const again = await dispatch(core, 'manifests.undo', { importId: imported!.id, reason: 'Otra vez por si acaso' }, { token: clerk });
    expect(!again.ok && again.error.code).toBe('manifest.undone-already');
    // Undone, the same file is no longer "already imported".
    expect(await expectOk(core, 'manifests.import', { ...file, arrivalId }, { token: clerk })).toMatchObject({ imported: 3 });
  });

  it('refuses once somebody of the file has arrived, naming how many, and changes nothing', async () => {
    const { core, clerk, arrivalId } = await centre();
    await expectOk(core, 'manifests.import', { fileName: 'm.csv', contentBase64: b64([HEADER, ...ROWS].join('\n')), arrivalId }, { token: clerk });
    const { persons } = await expectOk(core, 'arrivals.get', { id: arrivalId }, { token: clerk });
    await expectOk(core, 'arrivals.checkIn', { personArrivalId: persons[0]!.personArrivalId }, { token: clerk });
    const [imported] = await expectOk(core, 'manifests.imports', { arrivalId }, { token: clerk });
    expect(imported!.undoable).toBe(false);
    const before = snapshot(core);
    const refused = await dispatch(core, 'manifests.undo', { importId: imported!.id, reason: 'Archivo equivocado' }, { token: clerk, locale: 'es' });
    expect(!refused.ok && refused.error.message).toBe('Ya no se puede deshacer: hay personas de este manifiesto que ya llegaron o tienen registros (registro, consentimiento, alertas, tamizaje o kits): 1.');
    expect(snapshot(core)).toEqual(before);
  });
});
