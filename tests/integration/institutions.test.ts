import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { INSTITUTION_SEED } from '../../electron/core/reference';
import { consentAllows } from '../../electron/core/domains/consent/service';
import { expectOk, setupCentre, snapshot, staff, tempCore } from '../helpers';

async function centre() {
  const { core } = tempCore();
  const { adminToken } = await setupCentre(core);
  const manager = await staff(core, adminToken, 'coordina', ['manager']);
  const clerk = await staff(core, adminToken, 'mlopez', ['clerk']);
  return { core, adminToken, manager: manager.token, clerk: clerk.token };
}

describe('directory of institutions', () => {
  it('starts with the institutions docs/spec.md names, national first and international last', async () => {
    const { core, clerk } = await centre();
    const list = await expectOk(core, 'institutions.list', {}, { token: clerk });
    expect(list).toHaveLength(INSTITUTION_SEED.length);
    expect(list.map((i) => i.code)).toEqual(expect.arrayContaining(['IGM', 'RENAP', 'SVET', 'PGN', 'SBS', 'OFAMIR', 'SENAF', 'DGME', 'PGR', 'OIM', 'ACNUR', 'UNICEF']));
    expect(list.at(-1)!.country).toBe('INT');
    expect(list.find((i) => i.code === 'MSPAS')).toMatchObject({ level: 'national', country: 'GTM', services: ['health', 'mental_health'], active: true });
  });

  it('lets the manager add, edit and retire an institution; the code stays unique', async () => {
    const { core, manager } = await centre();
    const created = await expectOk(core, 'institutions.create', {
      code: 'ASOMIGRA', name: 'Asociación de Migrantes Retornados', country: 'gtm', level: 'local', services: ['reintegration', 'employment'],
      contact: '+502 5555 0199', hours: 'Lunes a viernes, 8:00–16:00', address: 'Zona 1, Guatemala',
    }, { token: manager });
    expect(created).toMatchObject({ country: 'GTM', active: true, contact: '+502 5555 0199' });
    const clash = await dispatch(core, 'institutions.create', { code: 'renap', name: 'Otra', country: 'GTM', level: 'national' }, { token: manager });
    expect(clash.ok === false && clash.error).toMatchObject({ code: 'institutions.code-taken', message: 'Ya hay una institución con la sigla renap.' });
    const retired = await expectOk(core, 'institutions.update', { id: created.id, active: false, hours: '' }, { token: manager });
    expect(retired).toMatchObject({ active: false, hours: null, name: 'Asociación de Migrantes Retornados' });
    expect((await expectOk(core, 'institutions.list', {}, { token: manager })).some((i) => i.id === created.id)).toBe(false);
    expect((await expectOk(core, 'institutions.list', { includeInactive: true }, { token: manager })).some((i) => i.id === created.id)).toBe(true);
  });

  it('refuses bad input and other roles with a translated message, changing nothing', async () => {
    const { core, manager, clerk, adminToken } = await centre();
    const before = snapshot(core);
    const bad = await dispatch(core, 'institutions.create', { code: 'X1', name: 'Algo', country: 'GTM', level: 'national', services: ['telepathy'] }, { token: manager });
    expect(bad.ok === false && bad.error.message).toContain('Servicio desconocido.');
    for (const token of [clerk, adminToken]) {
      const refused = await dispatch(core, 'institutions.create', { code: 'X2', name: 'Algo', country: 'GTM', level: 'national' }, { token });
      expect(refused.ok === false && refused.error.code).toBe('forbidden');
    }
    expect(snapshot(core)).toEqual(before);
  });
});

describe('consent to share, per institution', () => {
  it('grants sharing with named institutions only; an unknown or retired one is refused and nothing is recorded', async () => {
    const { core, manager, clerk } = await centre();
    const { person } = await expectOk(core, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
      person: { givenNames: 'Glenda', firstSurname: 'Reyes' },
    }, { token: clerk });
    const list = await expectOk(core, 'institutions.list', {}, { token: clerk });
    const id = (code: string) => list.find((i) => i.code === code)!.id;
    const state = await expectOk(core, 'consent.record', {
      personId: person.id, language: 'es',
      decisions: [{ purpose: 'sharing', institution: id('SVET'), granted: true }, { purpose: 'sharing', institution: id('MSPAS'), granted: false }],
    }, { token: clerk });
    expect(state.map((c) => [c.institutionCode, c.granted])).toEqual(expect.arrayContaining([['SVET', true], ['MSPAS', false]]));
    expect(consentAllows(core.db, person.id, 'sharing', id('SVET'))).toBe(true);
    expect(consentAllows(core.db, person.id, 'sharing', id('MSPAS'))).toBe(false);

    await expectOk(core, 'institutions.update', { id: id('SOSEP'), active: false }, { token: manager });
    const before = snapshot(core);
    for (const institution of ['', 'RENAP', id('SOSEP')]) {
      const refused = await dispatch(core, 'consent.record', {
        personId: person.id, language: 'es',
        decisions: [{ purpose: 'registration', granted: true }, { purpose: 'sharing', institution, granted: true }],
      }, { token: clerk });
      expect(refused.ok === false && refused.error).toMatchObject({ code: 'institutions.unknown', message: 'La institución no está en el directorio o ya no está activa.' });
    }
    expect(snapshot(core)).toEqual(before);
    // A "no" without an institution (a generic sharing consent from before the directory) is accepted.
    await expectOk(core, 'consent.record', { personId: person.id, language: 'es', decisions: [{ purpose: 'sharing', institution: '', granted: false }] }, { token: clerk });
    // Withdrawing still works after the institution is retired.
    await expectOk(core, 'institutions.update', { id: id('SVET'), active: false }, { token: manager });
    await expectOk(core, 'consent.withdraw', { personId: person.id, purpose: 'sharing', institution: id('SVET'), notes: 'Prefiere no compartir.' }, { token: clerk });
    expect(consentAllows(core.db, person.id, 'sharing', id('SVET'))).toBe(false);
  });
});
