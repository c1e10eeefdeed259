import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { closeCore, openCore } from '../../electron/core/core';
import { dispatch } from '../../electron/core/dispatch';
import { phoneticKey, soundKey } from '../../electron/core/names';
import { CENTRE_NAMES_SETTING, syncNameIndex } from '../../electron/core/domains/names/service';
import { PERSON_KEYS_VERSION } from '../../electron/core/domains/persons/store';
import { expectOk, newShift, setupCentre, snapshot, staff, tempCore } from '../helpers';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const LIST_HEADER = 'referencia;nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;observaciones';
const walkIn = { route: 'land' as const, originCountry: 'MEX', date: '2026-11-25' };

async function centre() {
  const { core, file } = tempCore();
  const { adminToken } = await setupCentre(core);
  const officer = (await staff(core, adminToken, 'oficial', ['alert_officer'])).token;
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  return { core, file, adminToken, officer, clerk };
}

async function importList(core: Core, token: string, rows: string[]) {
  return expectOk(core, 'alerts.import', { list: 'warrant', fileName: 'ordenes.csv', contentBase64: b64([LIST_HEADER, ...rows].join('\n')) }, { token });
}

async function alertStatus(core: Core, clerk: string, person: { givenNames: string; firstSurname: string; secondSurname?: string; birthDate?: string }) {
  const { person: registered } = await expectOk(core, 'persons.register', { walkIn, person }, { token: clerk });
  return (await expectOk(core, 'alerts.status', { personId: registered.id }, { token: clerk })).status;
}

describe('name knowledge edited by the admin (resources/data + the centre’s entries)', () => {
  it('a nickname the admin adds finds list records and persons already stored; removing it stops that', async () => {
    const { core, adminToken, officer, clerk } = await centre();
    await importList(core, officer, ['OA-1;Anastasio;Tum;Batz;;M;GTM;']);
    // Without the entry, "Tacho" is just another name, and no date: nobody is proposed.
    expect(await alertStatus(core, clerk, { givenNames: 'Tacho', firstSurname: 'Tum', secondSurname: 'Batz' })).toBe('cleared');

    const saved = await expectOk(core, 'names.save', { kind: 'nickname', written: 'Tácho', means: ['ANASTASIO'] }, { token: adminToken });
    expect(saved.entries).toContainEqual({ kind: 'nickname', written: 'tacho', means: ['anastasio'], source: 'centre', active: true });
    // The person registered before the entry and the list record were re-keyed in the same call.
    expect(saved.reindexed.persons).toBe(1);
    expect(await alertStatus(core, clerk, { givenNames: 'Tacho', firstSurname: 'Tum', secondSurname: 'Batz' })).toBe('pending');
    const [found] = await expectOk(core, 'persons.search', { text: 'Anastasio Tum' }, { token: clerk });
    expect(found?.fullName).toBe('Tacho Tum Batz');

    await expectOk(core, 'names.remove', { written: 'tacho' }, { token: adminToken });
    expect(await alertStatus(core, clerk, { givenNames: 'Tacho', firstSurname: 'Tum', secondSurname: 'Batz' })).toBe('cleared');
    expect((await expectOk(core, 'persons.search', { text: 'Anastasio Tum' }, { token: clerk })).map((h) => h.fullName)).not.toContain('Tacho Tum Batz');
  });

  it('a shipped entry can be switched off for the centre and on again', async () => {
    const { core, adminToken, officer, clerk } = await centre();
    await importList(core, officer, ['OA-2;José;Ixcoy;Tum;1988;M;GTM;']);
    expect(await alertStatus(core, clerk, { givenNames: 'Chepe', firstSurname: 'Ixcoy', secondSurname: 'Tum', birthDate: '1988' })).toBe('pending');
    const off = await expectOk(core, 'names.setActive', { written: 'chepe', active: false }, { token: adminToken });
    expect(off.entries.find((e) => e.written === 'chepe')).toMatchObject({ source: 'shipped', active: false });
    expect(await alertStatus(core, clerk, { givenNames: 'Chepe', firstSurname: 'Ixcoy', secondSurname: 'Tum', birthDate: '1988' })).toBe('cleared');
    await expectOk(core, 'names.setActive', { written: 'chepe', active: true }, { token: adminToken });
    expect(await alertStatus(core, clerk, { givenNames: 'Chepe', firstSurname: 'Ixcoy', secondSurname: 'Tum', birthDate: '1988' })).toBe('pending');
  });

  it('a surname spelling the admin adds makes two written forms one surname', async () => {
    const { core, adminToken, officer, clerk } = await centre();
    await importList(core, officer, ['OA-3;Marvin;Ajcac;;1990-02-03;M;GTM;']);
    expect(await alertStatus(core, clerk, { givenNames: 'Marvin', firstSurname: 'Cotzojay', birthDate: '1990-02-03' })).toBe('cleared');
    await expectOk(core, 'names.save', { kind: 'surname', written: 'cotzojay', means: ['ajcac'] }, { token: adminToken });
    expect(await alertStatus(core, clerk, { givenNames: 'Marvin', firstSurname: 'Cotzojay', birthDate: '1990-02-03' })).toBe('pending');
  });

  it('refuses bad entries and other roles with a translated message, changing nothing', async () => {
    const { core, adminToken, officer, clerk } = await centre();
    await expectOk(core, 'names.save', { kind: 'nickname', written: 'tacho', means: ['anastasio'] }, { token: adminToken });
    const before = snapshot(core);
    const bad: [string, unknown, string][] = [
      ['names.save', { kind: 'nickname', written: 'Ch3pe', means: ['jose'] }, 'input.invalid'],
      ['names.save', { kind: 'nickname', written: 'dos palabras', means: ['jose'] }, 'input.invalid'],
      ['names.save', { kind: 'nickname', written: 'x'.repeat(500), means: ['jose'] }, 'input.invalid'],
      ['names.save', { kind: 'spelling', written: 'jhose', means: ['jose', 'josue'] }, 'input.invalid'],
      ['names.save', { kind: 'nickname', written: 'jose', means: ['jose'] }, 'input.invalid'],
      ['names.save', { kind: 'nickname', written: 'pepe', means: [] }, 'input.invalid'],
      ['names.save', { kind: 'abbreviation', written: 'fco', means: ['francisco'] }, 'input.invalid'],
      ['names.remove', { written: 'chepe' }, 'names.not-found'],
      ['names.setActive', { written: 'tacho', active: false }, 'names.not-shipped'],
    ];
    for (const [method, input, code] of bad) {
      const result = await dispatch(core, method as 'names.save', input as never, { token: adminToken });
      expect(result.ok === false && result.error.code, `${method} ${JSON.stringify(input).slice(0, 60)}`).toBe(code);
      if (!result.ok) expect(result.error.message).toMatch(/[a-záéíóúñ]/);
    }
    const word = await dispatch(core, 'names.save', { kind: 'nickname', written: 'Ch3pe', means: ['jose'] }, { token: adminToken });
    expect(!word.ok && word.error.message).toContain('una sola palabra');
    for (const token of [clerk, officer]) {
      const refused = await dispatch(core, 'names.save', { kind: 'nickname', written: 'tacho', means: ['anastasio'] }, { token });
      expect(refused.ok === false && refused.error.code).toBe('forbidden');
    }
    expect((await dispatch(core, 'names.list', {}, { token: clerk })).ok).toBe(false);
    expect((await expectOk(core, 'names.list', {}, { token: officer })).entries.length).toBeGreaterThan(100);
    expect(snapshot(core)).toEqual(before);
  });

  it('keys follow entries another desk wrote: the next start re-keys the records they touch', async () => {
    const { core, file, officer, clerk } = await centre();
    await importList(core, officer, ['OA-4;Anastasio;Tum;Batz;1970;M;GTM;']);
    await expectOk(core, 'persons.register', { walkIn, person: { givenNames: 'Tacho', firstSurname: 'Tum', secondSurname: 'Batz', birthDate: '1970' } }, { token: clerk });
    // As replication would bring it: the setting row alone, written by another workstation.
    core.db
      .prepare("UPDATE settings SET value = ? WHERE key = ?")
      .run(JSON.stringify({ added: [{ kind: 'nickname', written: 'tacho', means: ['anastasio'] }], disabled: [] }), CENTRE_NAMES_SETTING);
    if (!core.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(CENTRE_NAMES_SETTING)) {
      core.db
        .prepare("INSERT INTO settings (id, centre_id, created_at, updated_at, hlc, origin, key, value) VALUES ('n1', ?, '', '', '', '', ?, ?)")
        .run(core.identity!.centreId, CENTRE_NAMES_SETTING, JSON.stringify({ added: [{ kind: 'nickname', written: 'tacho', means: ['anastasio'] }], disabled: [] }));
    }
    closeCore(core);
    const again = openCore(file, core.clock);
    try {
      const keys = again.db.prepare("SELECT key FROM person_keys WHERE key LIKE 'g:%'").pluck().all();
      expect(keys).toContain(`g:${phoneticKey('anastasio')}`);
      newShift(again);
      const [hit] = await expectOk(again, 'persons.search', { text: 'Anastasio Tum Batz' }, { token: clerk });
      expect(hit?.fullName).toBe('Tacho Tum Batz');
    } finally {
      closeCore(again);
    }
  });
});

describe('person search with the name knowledge', () => {
  it('finds a nickname, a name written twice, and a second given name among many namesakes', async () => {
    const { core, clerk } = await centre();
    const register = (givenNames: string, firstSurname: string, secondSurname: string) =>
      expectOk(core, 'persons.register', { walkIn, person: { givenNames, firstSurname, secondSurname } }, { token: clerk });
    // Thirty Juan López with other second names and surnames, and one Juan Edwin López.
    for (let i = 0; i < 30; i++) await register(['Juan', 'Juan Carlos', 'Juan José'][i % 3]!, 'López', ['García', 'Pérez', 'Cruz', 'Reyes', 'Díaz'][i % 5]!);
    await register('Juan Edwin', 'López', 'Ramírez');
    await register('Marta', 'López', 'López');
    for (const second of ['Álvarez', 'Paz', 'Torres', 'Orellana']) await register('Marta', 'López', second);
    await register('José', 'Ixcoy', 'Tum');

    const first = async (text: string) => (await expectOk(core, 'persons.search', { text }, { token: clerk }))[0]?.fullName;
    expect(await first('Juan Edwin López')).toBe('Juan Edwin López Ramírez');
    expect(await first('Marta López López')).toBe('Marta López López');
    expect(await first('Chepe Ixcoy')).toBe('José Ixcoy Tum');
    expect(await first('Shepe Ishcoy')).toBe(undefined); // a nickname misspelt is not one: nothing forced
  });

  it('re-keys every person once when the kind of keys changes (an upgrade), then not again', async () => {
    const { core, file, clerk } = await centre();
    await expectOk(core, 'persons.register', { walkIn, person: { givenNames: 'Juan Edwin', firstSurname: 'López', secondSurname: 'Ramírez' } }, { token: clerk });
    // As a database keyed by the previous version looks: no second-given-name pairs, no marker.
    core.db.prepare("DELETE FROM person_keys WHERE key LIKE 'q:%' AND key LIKE '%' || ? || '%'").run(soundKey('edwin'));
    core.db.prepare("DELETE FROM local_meta WHERE key = 'name_index'").run();
    closeCore(core);
    const again = openCore(file, core.clock);
    try {
      expect(again.db.prepare("SELECT count(*) FROM person_keys WHERE key LIKE 'q:%' AND key LIKE '%' || ? || '%'").pluck().get(soundKey('edwin'))).toBeGreaterThan(0);
      const marker = again.db.prepare("SELECT value FROM local_meta WHERE key = 'name_index'").pluck().get() as string;
      expect(JSON.parse(marker)).toMatchObject({ personKeys: PERSON_KEYS_VERSION });
    } finally {
      closeCore(again);
    }
    const third = openCore(file, core.clock);
    try {
      expect(syncNameIndex(third.db)).toEqual({ persons: 0, records: 0 });
    } finally {
      closeCore(third);
    }
  });
});
