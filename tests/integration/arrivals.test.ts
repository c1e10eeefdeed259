import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { consentAllows } from '../../electron/core/domains/consent/service';
import { expectOk, ManualClock, setupCentre, snapshot, staff, STAFF_PASSWORD, tempCore } from '../helpers';
import { callAs } from '../../electron/core/testing/fixtures';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const MANIFEST = [
  'nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;tipo_documento;numero_documento;nna_no_acompanado;grupo_familiar',
  'Juan Carlos;Caal;Tiul;14/02/1985;M;GTM;DPI;1234 56789 0101;no;F1',
  'Rosa;Tiul;Choc;1987;F;GTM;;;no;F1',
  'Kevin;Caal;Tiul;03/09/2015;M;GTM;;;no;F1',
  'Brayan Alexis;Mejía;;12/12/2009;M;HND;;;sí;',
  'Brayan Alexis;Mejía;;12/12/2009;M;HND;;;sí;',
].join('\n');
const FLIGHT = { kind: 'flight' as const, route: 'air' as const, originCountry: 'USA', reference: 'AA1234', carrier: 'American', date: '2026-11-25' };

async function clerkCore() {
  const clock = new ManualClock();
  const { core } = tempCore(clock);
  const { adminToken } = await setupCentre(core);
  const clerk = await staff(core, adminToken, 'mlopez', ['clerk']);
  return { core, clock, token: clerk.token, adminToken };
}

async function importFlight(core: Core, token: string, csv = MANIFEST) {
  return expectOk(core, 'manifests.import', { fileName: 'AA1234.csv', contentBase64: b64(csv), arrival: FLIGHT }, { token });
}

describe('manifest import', () => {
  it('previews every row with its problems and changes nothing', async () => {
    const { core, token } = await clerkCore();
    const before = snapshot(core);
    const bad = MANIFEST.replace('14/02/1985', '30/02/1985').replaceAll(';HND;', ';Atlántida;');
    const preview = await expectOk(core, 'manifests.preview', { fileName: 'm.csv', contentBase64: b64(bad) }, { token });
    expect(preview.rows).toHaveLength(5);
    expect(preview.errorCount).toBe(3);
    expect(preview.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column])).toEqual([
      [2, 'birth_date'],
      [5, 'nationality'],
      [6, 'nationality'],
    ]);
    expect(preview.problems[0]!.message).toContain('Fecha no válida «30/02/1985»');
    expect(snapshot(core)).toEqual(before);
  });

  it('imports nothing at all when one row is invalid', async () => {
    const { core, token } = await clerkCore();
    const before = snapshot(core);
    const result = await dispatch(core, 'manifests.import', { fileName: 'm.csv', contentBase64: b64(MANIFEST.replace('1987', '19877')), arrival: FLIGHT }, { token });
    expect(!result.ok && result.error.code).toBe('manifest.invalid');
    expect(!result.ok && (result.error.details?.errors as { row: number; column: string }[])).toEqual([
      expect.objectContaining({ row: 3, column: 'birth_date', code: 'bad-date' }),
    ]);
    expect(snapshot(core)).toEqual(before);
  });

  it('turns rows into expected persons, links families and skips duplicates in the file', async () => {
    const { core, token } = await clerkCore();
    const result = await importFlight(core, token);
    expect(result).toMatchObject({ imported: 4, duplicatesInFile: 1, possibleRepeatReturnees: 0, errors: [] });
    const { arrival, persons } = await expectOk(core, 'arrivals.get', { id: result.arrivalId }, { token });
    expect(arrival.counts).toEqual({ expected: 4, arrived: 0, noShow: 0, total: 4 });
    const family = persons.filter((p) => p.groupType === 'family');
    expect(family).toHaveLength(3);
    expect(new Set(family.map((p) => p.familyGroup)).size).toBe(1);
    const child = persons.find((p) => p.givenNames === 'Brayan Alexis')!;
    expect(child).toMatchObject({ groupType: 'unaccompanied_minor', age: 16, ageGroup: 'adolescent', status: 'expected' });
  });

  it('proposes an earlier record when the same person returns on a later flight', async () => {
    const { core, token } = await clerkCore();
    await importFlight(core, token);
    const second = 'nombres,primer_apellido,segundo_apellido,fecha_nacimiento,numero_documento\nJuan Carlos,Cal,Tiul,1985-02-14,\nJOSE,CAAL,,2001,\n';
    const preview = await expectOk(core, 'manifests.preview', { fileName: 'b.csv', contentBase64: b64(second) }, { token });
    expect(preview.possibleRepeatReturnees).toBe(1);
    const result = await expectOk(core, 'manifests.import', { fileName: 'b.csv', contentBase64: b64(second), arrival: { ...FLIGHT, reference: 'AA9' } }, { token });
    expect(result.possibleRepeatReturnees).toBe(1);
  });
});

describe('repeat returnees where everyone is a José López', () => {
  it('finds the one earlier record among many namesakes, by the birth year, and proposes no namesake born years apart', async () => {
    const { core, token } = await clerkCore();
    const lines = ['nombres;primer_apellido;segundo_apellido;fecha_nacimiento'];
    // 1,200 namesakes over 60 years: the pair of names alone would point at all of them.
    for (let i = 0; i < 1200; i++) lines.push(`José;López;García;${1950 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
    lines.push('José;López;García;1991-07-23');
    await expectOk(core, 'manifests.import', { fileName: 'comunes.csv', contentBase64: b64(lines.join('\n')), arrival: FLIGHT }, { token });
    const again = await expectOk(core, 'manifests.preview', { fileName: 'b.csv', contentBase64: b64('nombres;primer_apellido;segundo_apellido;fecha_nacimiento\nJosé;Lopes;García;23/07/1991\nJosé;López;García;1900\n') }, { token });
    const repeats = again.problems.filter((p) => p.code === 'possible-repeat');
    expect(repeats.map((p) => p.row)).toEqual([2]);
    const expected = core.db.prepare("SELECT case_number FROM persons WHERE birth_date = '1991-07-23'").pluck().get() as string;
    expect(repeats[0]!.message).toContain(expected);
  });
});

describe('progress of a large manifest', () => {
  it('reports rows read and checked while the call works, only to the user who started it, unaudited', async () => {
    const { core, token, adminToken } = await clerkCore();
    const other = await staff(core, adminToken, 'otraclerk', ['clerk']);
    const { demoManifest } = await import('../../electron/cli/demo-arrivals');
    const csv = b64(demoManifest(12_000, 5));
    const progressId = '01935c8e-7f00-7000-8000-000000000001';
    const audited = () => (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

    for (const method of ['manifests.preview', 'manifests.import'] as const) {
      const input = method === 'manifests.preview'
        ? { fileName: 'big.csv', contentBase64: csv, progressId }
        : { fileName: 'big.csv', contentBase64: csv, progressId, arrival: FLIGHT };
      const pending = dispatch(core, method, input, { token });
      let finished = false;
      void pending.then(() => (finished = true));
      const seen: { stage: string | null; done: number; total: number }[] = [];
      const auditBefore = audited();
      while (!finished) {
        // As the screen does: ask again a moment later (a macrotask, like an IPC or HTTP request).
        await new Promise((resolve) => setTimeout(resolve, 2));
        const progress = await expectOk(core, 'manifests.progress', { progressId }, { token });
        seen.push(progress);
        // Somebody else asking with the same id learns nothing.
        expect(await expectOk(core, 'manifests.progress', { progressId }, { token: other.token })).toEqual({ stage: null, done: 0, total: 0 });
      }
      expect((await pending).ok).toBe(true);
      const midway = seen.filter((p) => p.stage && p.done > 0 && p.done < p.total);
      expect(midway.length).toBeGreaterThan(0);
      expect(midway.every((p) => p.total === 12_000)).toBe(true);
      if (method === 'manifests.preview') expect(seen.some((p) => p.stage === 'checking')).toBe(true);
      // The import ends with one synchronous write: the last thing a screen can see is every row read.
      else expect(seen.some((p) => (p.stage === 'reading' && p.done === 12_000) || p.stage === 'saving')).toBe(true);
      // Only the call itself is audited, not the questions about its progress.
      expect(audited() - auditBefore).toBe(1);
      expect(await expectOk(core, 'manifests.progress', { progressId }, { token })).toEqual({ stage: null, done: 0, total: 0 });
    }
  });
});

describe('check-in, registration, consent and the case file', () => {
  it('checks in by ticket code, refuses a second check-in, and lists no-shows when closing', async () => {
    const { core, token } = await clerkCore();
    const { arrivalId } = await importFlight(core, token);
    const { persons } = await expectOk(core, 'arrivals.get', { id: arrivalId }, { token });
    const [a, b] = persons;
    const byCode = await expectOk(core, 'arrivals.checkIn', { arrivalId, ticketCode: a!.ticketCode.toLowerCase() }, { token });
    expect(byCode.status).toBe('arrived');
    const again = await dispatch(core, 'arrivals.checkIn', { personArrivalId: a!.personArrivalId }, { token });
    expect(!again.ok && again.error.code).toBe('checkin.already');
    await expectOk(core, 'arrivals.checkIn', { personArrivalId: b!.personArrivalId }, { token });
    const wrong = await dispatch(core, 'arrivals.checkIn', { arrivalId, ticketCode: 'NOPE1234' }, { token });
    expect(!wrong.ok && wrong.error.code).toBe('checkin.not-found');
    const closed = await expectOk(core, 'arrivals.close', { id: arrivalId }, { token });
    expect(closed.noShows).toHaveLength(2);
    expect(closed.arrival.counts).toMatchObject({ arrived: 2, noShow: 2 });
    const late = await dispatch(core, 'arrivals.checkIn', { personArrivalId: closed.noShows[0]!.personArrivalId }, { token });
    expect(!late.ok && late.error.code).toBe('arrivals.closed');
  });

  it('stores the listed spelling of the place of origin and refuses one that is not on the list', async () => {
    const { core, token } = await clerkCore();
    const walkIn = { route: 'land' as const, originCountry: 'MEX', date: '2026-11-25' };
    const { person } = await expectOk(core, 'persons.register', {
      walkIn,
      person: { givenNames: 'Selvin', firstSurname: 'Caal', originCountry: 'GTM', originDepartment: 'alta verapaz', originMunicipality: 'SAN PEDRO CARCHA' },
    }, { token });
    expect(person).toMatchObject({ originDepartment: 'Alta Verapaz', originMunicipality: 'San Pedro Carchá' });
    const before = snapshot(core);
    const result = await dispatch(core, 'persons.register', {
      walkIn,
      person: { givenNames: 'Selvin', firstSurname: 'Caal', originCountry: 'HND', originDepartment: 'Yoro', originMunicipality: 'Cobán' },
    }, { token });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('input.invalid');
      expect(result.error.message).toContain('Ese municipio no pertenece al departamento indicado.');
    }
    expect(snapshot(core)).toEqual(before);
  });

  it('refuses a language or a disability that is not on the registration list, in Spanish, changing nothing', async () => {
    const { core, token } = await clerkCore();
    const walkIn = { route: 'land' as const, originCountry: 'MEX', date: '2026-11-25' };
    const before = snapshot(core);
    for (const [person, message] of [
      [{ languages: ['es', 'klingon'] }, 'Ese idioma no está en la lista del registro'],
      [{ disabilities: ['x'.repeat(20)] }, 'Ese tipo de discapacidad no está en la lista del registro'],
    ] as const) {
      const result = await dispatch(core, 'persons.register', { walkIn, person: { givenNames: 'Selvin', firstSurname: 'Caal', ...person } }, { token });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('input.invalid');
        expect(result.error.message).toContain(message);
      }
    }
    expect(snapshot(core)).toEqual(before);
  });

  it('registers a walk-in with consent; consentAllows answers per purpose and follows withdrawal', async () => {
    const { core, token } = await clerkCore();
    const { person, row } = await expectOk(
      core,
      'persons.register',
      {
        walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25', pointOfEntry: 'Tecún Umán' },
        person: {
          givenNames: 'Edgar Rolando', firstSurname: 'Ajú', secondSurname: 'Chumil', birthDate: '1979', sex: 'M', nationality: 'GTM',
          originCountry: 'GTM', originDepartment: 'Sololá', people: 'maya', languages: ['es', 'cak'], interpreterNeeded: false,
          disabilities: ['physical'], yearsAbroad: 12, detentionDays: 40, phone: '+502 5555 0101',
        },
      },
      { token },
    );
    expect(person).toMatchObject({ age: 47, ageGroup: 'adult', languages: ['es', 'cak'], disabilities: ['physical'] });
    expect(row).toMatchObject({ source: 'walk_in', status: 'arrived' });
    expect(consentAllows(core.db, person.id, 'registration')).toBe(false);
    const directory = await expectOk(core, 'institutions.list', {}, { token });
    const id = (code: string) => directory.find((i) => i.code === code)!.id;
    await expectOk(core, 'consent.record', {
      personId: person.id,
      language: 'cak',
      decisions: [
        { purpose: 'registration', granted: true },
        { purpose: 'follow_up', granted: true },
        { purpose: 'replication', granted: false },
        { purpose: 'sharing', institution: id('RENAP'), granted: true },
      ],
    }, { token });
    expect(consentAllows(core.db, person.id, 'registration')).toBe(true);
    expect(consentAllows(core.db, person.id, 'replication')).toBe(false);
    expect(consentAllows(core.db, person.id, 'sharing', id('RENAP'))).toBe(true);
    expect(consentAllows(core.db, person.id, 'sharing', id('MSPAS'))).toBe(false);
    await expectOk(core, 'consent.withdraw', { personId: person.id, purpose: 'follow_up', notes: 'Ya no desea que lo llamen.' }, { token });
    expect(consentAllows(core.db, person.id, 'follow_up')).toBe(false);
    const file = await expectOk(core, 'persons.get', { id: person.id }, { token });
    expect(file.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['checked-in', 'registered', 'consent-granted', 'consent-refused']));
  });

  it('refuses a birth date in the future and a clerk-less role, changing nothing', async () => {
    const { core, token, adminToken } = await clerkCore();
    const before = snapshot(core);
    const future = await dispatch(core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' }, person: { givenNames: 'A', firstSurname: 'B', birthDate: '2030-01-01' } }, { token });
    expect(!future.ok && future.error.code).toBe('birth-date.future');
    const psych = await staff(core, adminToken, 'dmejia', ['psychologist']);
    const refused = await dispatch(core, 'manifests.import', { fileName: 'm.csv', contentBase64: b64(MANIFEST), arrival: FLIGHT }, { token: psych.token });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const admin = await dispatch(core, 'persons.search', { text: 'caal' }, { token: adminToken });
    expect(!admin.ok && admin.error.code).toBe('forbidden');
    expect(snapshot(core).persons).toEqual(before.persons);
  });

  it('links a repeat returnee to the earlier record, and the merge can be undone exactly', async () => {
    const { core, token } = await clerkCore();
    const { arrivalId } = await importFlight(core, token);
    const first = (await expectOk(core, 'arrivals.get', { id: arrivalId }, { token })).persons.find((p) => p.givenNames === 'Juan Carlos')!;
    const walkIn = await expectOk(core, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
      person: { givenNames: 'Juan Carlos', firstSurname: 'Caal', birthDate: '1985-02-14', sex: 'M', phone: '+502 4444 1212' },
    }, { token });
    expect(walkIn.suggestions).toHaveLength(1);
    expect(walkIn.suggestions[0]!.candidate.caseNumber).toBe(first.caseNumber);
    const linked = await expectOk(core, 'persons.link', { suggestionId: walkIn.suggestions[0]!.id }, { token });
    expect(linked.personId).toBe(first.personId);
    const file = await expectOk(core, 'persons.get', { id: first.personId }, { token });
    expect(file.arrivals).toHaveLength(2);
    expect(file.person.phone).toBe('+502 4444 1212');
    const hits = await expectOk(core, 'persons.search', { text: 'Juan Carlos Caal' }, { token });
    expect(hits.map((h) => h.personId)).toEqual([first.personId]); // the merged record no longer shows
    await expectOk(core, 'persons.unmerge', { mergeId: linked.mergeId, reason: 'Eran dos personas distintas' }, { token });
    const back = await expectOk(core, 'persons.get', { id: first.personId }, { token });
    expect(back.arrivals).toHaveLength(1);
    expect(back.person.phone).toBeNull();
    const again = await dispatch(core, 'persons.unmerge', { mergeId: linked.mergeId, reason: 'otra vez' }, { token });
    expect(!again.ok && again.error.code).toBe('merges.undone');
  });

  it('finds persons by name without accents, with typos, by document and by case number', async () => {
    const { core, token } = await clerkCore();
    await importFlight(core, token);
    const name = async (text: string) => (await expectOk(core, 'persons.search', { text }, { token })).map((h) => h.fullName);
    expect(await name('brayan mejia')).toEqual(['Brayan Alexis Mejía']);
    expect(await name('Meija Brayan')).toContain('Brayan Alexis Mejía');
    expect(await name('juan carlos kaal')).toContain('Juan Carlos Caal Tiul');
    expect(await name('1234567890101')).toEqual(['Juan Carlos Caal Tiul']);
    const [hit] = await expectOk(core, 'persons.search', { text: 'rosa tiul' }, { token });
    expect(await name(hit!.caseNumber)).toEqual(['Rosa Tiul Choc']);
  });

  it('shows the flow board with stages and waiting time, longest waiting first', async () => {
    const { core, token, clock, adminToken } = await clerkCore();
    await expectOk(core, 'settings.update', { idleLockMinutes: 120 }, { token: adminToken });
    const { arrivalId } = await importFlight(core, token);
    const { persons } = await expectOk(core, 'arrivals.get', { id: arrivalId }, { token });
    await expectOk(core, 'arrivals.checkIn', { personArrivalId: persons[0]!.personArrivalId }, { token });
    clock.advance(30);
    await expectOk(core, 'arrivals.checkIn', { personArrivalId: persons[1]!.personArrivalId }, { token });
    clock.advance(10);
    const board = await expectOk(core, 'flow.board', { status: 'waiting' }, { token });
    expect(board.date).toBe('2026-11-25');
    expect(board.rows.map((r) => r.waitingMinutes)).toEqual([40, 10]);
    expect(board.rows[0]!.stages).toMatchObject({ registered: false, consent: false, alerts: true, departed: false });
    expect(board.rows[0]).toMatchObject({ alertStatus: 'cleared', protectionCase: false });
    await expectOk(core, 'flow.depart', { personArrivalId: persons[0]!.personArrivalId }, { token });
    const after = await expectOk(core, 'flow.board', { status: 'waiting' }, { token });
    expect(after.rows).toHaveLength(1);
    // Days later (the summary links to that day's board): a wait is a live measure, not shown
    // for a past day — not "20,000 min" for someone who went home long ago.
    clock.advance(14 * 24 * 60);
    const past = await callAs(core, ['clerk'], 'flow.board', { date: '2026-11-25' });
    expect(past.rows.length).toBeGreaterThan(1);
    expect(past.rows.map((r) => r.waitingMinutes).filter((m) => m !== null)).toEqual([]);
  });
});

describe('returnee certificate', () => {
  it('is issued once with a number; asking again gives a copy of the same one', async () => {
    const { core, clock, token } = await clerkCore();
    const { row } = await expectOk(core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Rosa', firstSurname: 'Pop', sex: 'F' } }, { token });
    const first = await expectOk(core, 'persons.certificate', { personArrivalId: row.personArrivalId }, { token });
    expect(first).toMatchObject({ copy: false, issuedAt: '2026-11-25T14:00:00.000Z', language: 'es' });
    expect(first.number).toMatch(/^C-2026-[0-9A-F]{4}-00001$/);
    clock.advance(3);
    const again = await expectOk(core, 'persons.certificate', { personArrivalId: row.personArrivalId }, { token });
    expect(again).toMatchObject({ copy: true, number: first.number, issuedAt: first.issuedAt, printedAt: '2026-11-25T14:03:00.000Z' });
    const second = await expectOk(core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Ana', firstSurname: 'Xol' } }, { token });
    expect((await expectOk(core, 'persons.certificate', { personArrivalId: second.row.personArrivalId }, { token })).number).toMatch(/-00002$/);
  });
});

describe('the arrivals list as a centre prepares and works', () => {
  it('groups the walk-ins of a day by point of entry, and shows scheduled arrivals of the coming weeks', async () => {
    const { core, clock, token: first } = await clerkCore();
    let token = first;
    const walkIn = (givenNames: string, pointOfEntry: string) =>
      expectOk(core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX', pointOfEntry }, person: { givenNames, firstSurname: 'Pop' } }, { token });
    const a = await walkIn('Ana', 'El Carmen');
    const b = await walkIn('Berta', 'El Carmen');
    const c = await walkIn('Carla', 'Tecún Umán');
    expect(b.row.arrivalId).toBe(a.row.arrivalId);
    expect(c.row.arrivalId).not.toBe(a.row.arrivalId);
    const scheduled = await expectOk(core, 'arrivals.create', { ...FLIGHT, reference: 'GXA 2399', date: '2026-12-03' }, { token });
    const list = await expectOk(core, 'arrivals.list', {}, { token });
    expect(list.map((x) => [x.date, x.pointOfEntry ?? x.reference, x.counts.total])).toEqual([
      ['2026-12-03', 'GXA 2399', 0],
      ['2026-11-25', 'Tecún Umán', 1],
      ['2026-11-25', 'El Carmen', 2],
    ]);
    expect(list[0]!.id).toBe(scheduled.id);
    // The next day, the same point of entry is a new arrival.
    clock.advance(24 * 60);
    const username = (core.db.prepare("SELECT username FROM users WHERE roles LIKE '%clerk%'").pluck().get() as string);
    token = (await expectOk(core, 'auth.login', { username, password: STAFF_PASSWORD })).token; // a new shift, a new session
    expect((await walkIn('Dora', 'El Carmen')).row.arrivalId).not.toBe(a.row.arrivalId);
  });
});
