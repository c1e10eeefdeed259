import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { DEFAULT_RULES } from '../../electron/core/screening/rules';
import { ADMIN_PASSWORD, expectOk, ManualClock, newShift, setupCentre, snapshot, staff, STAFF_PASSWORD, tempCore } from '../helpers';

const walkIn = { route: 'land' as const, originCountry: 'MEX', date: '2026-11-25' };

async function centre() {
  const clock = new ManualClock();
  const { core } = tempCore(clock);
  const { adminToken } = await setupCentre(core);
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  const social = (await staff(core, adminToken, 'tsocial', ['protection_officer'])).token;
  const psych = (await staff(core, adminToken, 'psico', ['psychologist'])).token;
  const manager = (await staff(core, adminToken, 'coordina', ['manager'])).token;
  return { core, clock, adminToken, clerk, social, psych, manager };
}

type Centre = Awaited<ReturnType<typeof centre>>;

/** Moves the clock; the idle lock that follows is lifted as staff would, with their password. */
async function later(c: Centre, minutes: number) {
  c.clock.advance(minutes);
  newShift(c.core);
  for (const token of [c.clerk, c.social, c.psych, c.manager]) await expectOk(c.core, 'auth.unlock', { password: STAFF_PASSWORD }, { token });
  await expectOk(c.core, 'auth.unlock', { password: ADMIN_PASSWORD }, { token: c.adminToken });
}

async function register(c: Centre, person: Record<string, unknown>, groupType: 'alone' | 'family' | 'unaccompanied_minor' = 'alone') {
  const result = await expectOk(c.core, 'persons.register', { walkIn, groupType, person: { givenNames: 'Ana', firstSurname: 'Pop', ...person } }, { token: c.clerk });
  return result.person;
}

describe('vulnerability screening', () => {
  it('pre-fills from registration, records red with its reasons and a 24 h deadline, and shows only the colour to a clerk', async () => {
    const c = await centre();
    const child = await register(c, { givenNames: 'Kevin', birthDate: '2011-05-02', sex: 'M', languages: ['es', 'quc'], interpreterNeeded: true, disabilities: ['auditory'], yearsAbroad: 3 }, 'unaccompanied_minor');
    const form = await expectOk(c.core, 'screening.form', { personId: child.id }, { token: c.social });
    expect(form.prefill).toEqual({ age: 15, travel_group: 'unaccompanied_minor', has_disability: true, disability_types: ['auditory'], years_abroad: 3, indigenous_language: true });
    expect(form.tags).toEqual(
      expect.arrayContaining([
        { kind: 'age', code: 'adolescent' },
        { kind: 'disability', code: 'auditory' },
        { kind: 'language', code: 'quc' },
        { kind: 'interpreter', code: 'needed' },
      ]),
    );

    const screening = await expectOk(c.core, 'screening.record', { personId: child.id, answers: { ...form.prefill, self_harm: true, interpreter_available: true } }, { token: c.social });
    expect(screening).toMatchObject({
      sequence: 1,
      level: 'red',
      computedLevel: 'red',
      reasons: ['unaccompanied_minor', 'suicidal_ideation'],
      indicators: ['unaccompanied_minor', 'disability', 'suicidal_ideation'],
      rulesVersion: 1,
      deadlineAt: '2026-11-26T14:00:00.000Z',
      screenedBy: 'tsocial',
      attention: null,
    });

    const board = await expectOk(c.core, 'flow.board', { date: '2026-11-25' }, { token: c.clerk });
    const row = board.rows.find((r) => r.personId === child.id)!;
    expect(row.screening).toMatchObject({ level: 'red', deadlineAt: '2026-11-26T14:00:00.000Z', attendedAt: null, overridden: false });
    expect(row.stages.screening).toBe(true);
    // A clerk learns the colour and the deadline, never what the person said.
    const seen = JSON.stringify([board, await expectOk(c.core, 'persons.get', { id: child.id }, { token: c.clerk })]);
    for (const secret of ['suicidal_ideation', 'self_harm', 'unaccompanied_minor"]']) expect(seen).not.toContain(secret);
    for (const method of ['screening.history', 'screening.form'] as const) {
      const refused = await dispatch(c.core, method, { personId: child.id }, { token: c.clerk });
      expect(refused.ok === false && refused.error.code).toBe('forbidden');
    }
    // Reading the answers is audited as sensitive.
    await expectOk(c.core, 'screening.history', { personId: child.id }, { token: c.psych });
    const audit = c.core.db.prepare("SELECT sensitive, record_ids FROM audit_log WHERE method = 'screening.history' ORDER BY seq DESC LIMIT 1").get() as { sensitive: number; record_ids: string };
    expect(audit.sensitive).toBe(1);
    expect(audit.record_ids).toContain(screening.id);
  });

  it('overrides up or down only with a reason, keeps the history, and a re-screening is a new version', async () => {
    const c = await centre();
    const person = await register(c, { birthDate: '1990', sex: 'F' });
    const first = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { pregnant: true, support_network: true } }, { token: c.social });
    expect(first).toMatchObject({ level: 'yellow', reasons: ['pregnant'], deadlineAt: '2026-11-28T14:00:00.000Z' });

    const before = snapshot(c.core);
    for (const input of [
      { screeningId: first.id, level: 'red', reason: '' },
      { screeningId: first.id, level: 'red', reason: 'ok' },
      { screeningId: first.id, level: 'orange', reason: 'Sangrado; traslado al hospital' },
    ]) {
      const refused = await dispatch(c.core, 'screening.override', input as never, { token: c.social });
      expect(refused.ok === false && refused.error.code).toBe('input.invalid');
    }
    const same = await dispatch(c.core, 'screening.override', { screeningId: first.id, level: 'yellow', reason: 'Sin cambio alguno' }, { token: c.social });
    expect(same.ok === false && same.error).toMatchObject({ code: 'screening.same-level', message: 'El tamizaje ya tiene ese nivel de prioridad.' });
    const clerk = await dispatch(c.core, 'screening.override', { screeningId: first.id, level: 'red', reason: 'Sangrado; traslado al hospital' }, { token: c.clerk });
    expect(clerk.ok === false && clerk.error.code).toBe('forbidden');
    expect(snapshot(c.core)).toEqual(before);

    await later(c, 30);
    const up = await expectOk(c.core, 'screening.override', { screeningId: first.id, level: 'red', reason: 'Sangrado: traslado inmediato al hospital' }, { token: c.social });
    // The red deadline, still counted from the screening, not from the override.
    expect(up).toMatchObject({ level: 'red', computedLevel: 'yellow', deadlineAt: '2026-11-26T14:00:00.000Z' });
    const down = await expectOk(c.core, 'screening.override', { screeningId: first.id, level: 'green', reason: 'Valorada por MSPAS: embarazo sin riesgo' }, { token: c.social });
    expect(down.overrides.map((o) => [o.from, o.to])).toEqual([['yellow', 'red'], ['red', 'green']]);
    expect(down).toMatchObject({ level: 'green', deadlineAt: '2026-12-02T14:00:00.000Z' });
    const audited = c.core.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'screening.override' AND outcome = 'ok'").pluck().get();
    expect(audited).toBe(2);

    await later(c, 60 * 24);
    const second = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { pregnant: false, support_network: false, safe_place: false, years_abroad: 12 } }, { token: c.social });
    expect(second).toMatchObject({ sequence: 2, level: 'yellow', reasons: ['no_support_network', 'long_stay_abroad'] });
    const history = await expectOk(c.core, 'screening.history', { personId: person.id }, { token: c.manager });
    expect(history.map((s) => [s.sequence, s.level])).toEqual([[2, 'yellow'], [1, 'green']]);
    const file = await expectOk(c.core, 'persons.get', { id: person.id }, { token: c.clerk });
    expect(file.screening).toMatchObject({ screeningId: second.id, level: 'yellow' });
    expect(file.timeline.filter((e) => e.kind.startsWith('screening')).map((e) => e.kind)).toEqual(['screening', 'screening-override', 'screening-override', 'screening']);
  });

  it('refuses invalid answers with translated messages and stores nothing', async () => {
    const c = await centre();
    const person = await register(c, {});
    const before = snapshot(c.core);
    const bad = await dispatch(c.core, 'screening.record', { personId: person.id, answers: { age: 300, travel_group: 'bus', mystery: true } }, { token: c.social });
    expect(bad.ok === false && bad.error.code).toBe('screening.invalid-answers');
    expect(bad.ok === false && bad.error.message).toContain('La respuesta a «age» debe estar entre 0 y 120.');
    expect(bad.ok === false && (bad.error.details?.problems as unknown[]).length).toBe(3);
    const unknownIndicator = await dispatch(c.core, 'screening.evaluate', { indicators: ['unicornio'] }, { token: c.social });
    expect(unknownIndicator.ok === false && unknownIndicator.error.message).toBe('Indicador desconocido: unicornio.');
    const noPerson = await dispatch(c.core, 'screening.record', { personId: '0190a000-0000-7000-8000-000000000000', answers: {} }, { token: c.social });
    expect(noPerson.ok === false && noPerson.error.code).toBe('persons.not-found');
    expect(snapshot(c.core)).toEqual(before);
  });

  it('queues who waits to be screened (probable red first) and the actions due, overdue ones first; attention closes them', async () => {
    const c = await centre();
    const adult = await register(c, { givenNames: 'Pedro', birthDate: '1985', sex: 'M' });
    const child = await register(c, { givenNames: 'Luis', birthDate: '2012', sex: 'M' }, 'unaccompanied_minor');
    let queue = await expectOk(c.core, 'screening.queue', {}, { token: c.social });
    expect(queue.pending.map((p) => [p.personId, p.probableLevel])).toEqual([[child.id, 'red'], [adult.id, 'green']]);
    expect(queue.pending[0]!.probableReasons).toEqual(['unaccompanied_minor']);

    const red = await expectOk(c.core, 'screening.record', { personId: child.id, answers: { travel_group: 'unaccompanied_minor' } }, { token: c.social });
    await later(c, 60);
    await expectOk(c.core, 'screening.record', { personId: adult.id, answers: { support_network: true } }, { token: c.social });
    await later(c, 60 * 25); // the red deadline has passed
    queue = await expectOk(c.core, 'screening.queue', {}, { token: c.social });
    expect(queue.pending).toEqual([]);
    expect(queue.actions.map((a) => [a.personId, a.screening.level])).toEqual([[child.id, 'red'], [adult.id, 'green']]);
    expect(queue.actions[0]!.screening.deadlineAt < c.clock.now().toISOString()).toBe(true);
    const overdue = await expectOk(c.core, 'flow.board', { date: '2026-11-25', status: 'overdue' }, { token: c.clerk });
    expect(overdue.rows.map((r) => r.personId)).toEqual([child.id]);

    const attended = await expectOk(c.core, 'screening.attend', { screeningId: red.id, action: 'Entregado a la PGN con acta de recepción' }, { token: c.social });
    expect(attended.attention).toMatchObject({ action: 'Entregado a la PGN con acta de recepción', by: 'tsocial' });
    const again = await dispatch(c.core, 'screening.attend', { screeningId: red.id, action: 'Otra vez lo mismo' }, { token: c.social });
    expect(again.ok === false && again.error.code).toBe('screening.attended');
    queue = await expectOk(c.core, 'screening.queue', {}, { token: c.social });
    expect(queue.actions.map((a) => a.personId)).toEqual([adult.id]);
    expect((await expectOk(c.core, 'flow.board', { date: '2026-11-25', status: 'overdue' }, { token: c.clerk })).rows).toEqual([]);
  });

  it('lets the admin preview and save new rules; each screening keeps the version it used', async () => {
    const c = await centre();
    const person = await register(c, {});
    const old = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { support_network: false, years_abroad: 15 } }, { token: c.social });
    expect(old).toMatchObject({ level: 'yellow', rulesVersion: 1 });

    // Stricter rules: lacking a support network alone is now yellow; the group needs all three.
    const rules = structuredClone(DEFAULT_RULES.rules);
    rules.yellow.any.push('no_support_network');
    rules.yellow.at_least = [{ count: 3, of: ['no_support_network', 'long_stay_abroad', 'prolonged_detention'] }];
    rules.red.deadline_hours = 12;
    const lenient = structuredClone(DEFAULT_RULES.rules);
    lenient.yellow.at_least = [];
    const preview = await expectOk(c.core, 'screening.previewRules', { rules: lenient }, { token: c.adminToken });
    expect(preview).toMatchObject({ considered: 1, current: { red: 0, yellow: 1, green: 0 }, proposed: { red: 0, yellow: 0, green: 1 } });
    expect(preview.changes).toEqual([{ screeningId: old.id, sequence: 1, screenedAt: old.screenedAt, from: 'yellow', to: 'green' }]);

    const bad = structuredClone(rules);
    bad.red.any.push('no_support_network');
    const before = snapshot(c.core);
    const refused = await dispatch(c.core, 'screening.saveRules', { rules: bad, note: 'Prueba de reglas' }, { token: c.adminToken });
    expect(refused.ok === false && refused.error.message).toContain('«no_support_network» está en rojo y en amarillo');
    const social = await dispatch(c.core, 'screening.saveRules', { rules, note: 'Prueba de reglas' }, { token: c.social });
    expect(social.ok === false && social.error.code).toBe('forbidden');
    expect(snapshot(c.core)).toEqual(before);

    const saved = await expectOk(c.core, 'screening.saveRules', { rules, note: 'Acuerdo de la mesa técnica del 24/11' }, { token: c.adminToken });
    expect(saved).toMatchObject({ version: 2, note: 'Acuerdo de la mesa técnica del 24/11', createdBy: 'Ana Admin' });
    const listed = await expectOk(c.core, 'screening.rules', {}, { token: c.social });
    expect(listed.active.version).toBe(2);
    expect(listed.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await expectOk(c.core, 'screening.evaluate', { indicators: ['no_support_network'] }, { token: c.social }))).toMatchObject({ level: 'yellow', rulesVersion: 2 });

    const next = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { support_network: true, years_abroad: 15 } }, { token: c.social });
    expect(next).toMatchObject({ level: 'green', rulesVersion: 2 });
    const oldNow = (await expectOk(c.core, 'screening.history', { personId: person.id }, { token: c.social })).find((s) => s.id === old.id)!;
    expect(oldNow).toMatchObject({ level: 'yellow', rulesVersion: 1, deadlineAt: old.deadlineAt });
    // An override of an old screening uses the deadlines of the version it was decided with.
    const up = await expectOk(c.core, 'screening.override', { screeningId: old.id, level: 'red', reason: 'Amenazas recibidas por teléfono' }, { token: c.social });
    expect(Date.parse(up.deadlineAt) - Date.parse(old.screenedAt)).toBe(24 * 3_600_000);
  });

  it('tags follow the person: LGBTIQ+ only when the person asked for it in the screening', async () => {
    const c = await centre();
    const person = await register(c, { birthDate: '1958-02-01', sex: 'F', genderIdentity: 'Mujer trans', people: 'maya', languages: ['mam'] });
    let file = await expectOk(c.core, 'persons.get', { id: person.id }, { token: c.clerk });
    expect(file.tags).toEqual([
      { kind: 'gender', code: 'Mujer trans' },
      { kind: 'age', code: 'elder' },
      { kind: 'indigenous', code: 'maya' },
      { kind: 'language', code: 'mam' },
    ]);
    await expectOk(c.core, 'screening.record', { personId: person.id, answers: { lgbtiq: true, lgbtiq_risk: true } }, { token: c.social });
    file = await expectOk(c.core, 'persons.get', { id: person.id }, { token: c.clerk });
    expect(file.tags).toContainEqual({ kind: 'lgbtiq', code: 'lgbtiq' });
    const board = await expectOk(c.core, 'flow.board', { date: '2026-11-25' }, { token: c.clerk });
    expect(board.rows[0]!.tags).toContainEqual({ kind: 'lgbtiq', code: 'lgbtiq' });
  });

  it('screenings follow a merge into the other record, and go back when it is undone', async () => {
    const c = await centre();
    const earlier = await register(c, { givenNames: 'Elmer', firstSurname: 'Batz', birthDate: '1980' });
    const later = await register(c, { givenNames: 'Elmer', firstSurname: 'Bats', birthDate: '1980' });
    await expectOk(c.core, 'screening.record', { personId: earlier.id, answers: { support_network: true } }, { token: c.social });
    const moved = await expectOk(c.core, 'screening.record', { personId: later.id, answers: { chronic_treatment: true } }, { token: c.social });
    const { mergeId } = await expectOk(c.core, 'persons.merge', { sourceId: later.id, targetId: earlier.id, reason: 'La misma persona' }, { token: c.clerk });
    const merged = await expectOk(c.core, 'screening.history', { personId: earlier.id }, { token: c.social });
    expect(merged.map((s) => s.id)).toContain(moved.id);
    expect((await expectOk(c.core, 'persons.get', { id: earlier.id }, { token: c.clerk })).screening).toMatchObject({ screeningId: moved.id, level: 'yellow' });
    await expectOk(c.core, 'persons.unmerge', { mergeId, reason: 'Eran dos personas' }, { token: c.clerk });
    expect((await expectOk(c.core, 'screening.history', { personId: later.id }, { token: c.social })).map((s) => s.id)).toEqual([moved.id]);
    expect((await expectOk(c.core, 'screening.history', { personId: earlier.id }, { token: c.social })).map((s) => s.id)).not.toContain(moved.id);
  });

  it("the board's overdue filter finds what the queue finds: an overdue red case from two days ago is on today's board", async () => {
    const c = await centre();
    const child = await register(c, { givenNames: 'Kevin', birthDate: '2011-05-02', sex: 'M' }, 'unaccompanied_minor');
    await expectOk(c.core, 'screening.record', { personId: child.id, answers: { travel_group: 'unaccompanied_minor', age: 15 } }, { token: c.social });
    await later(c, 2 * 24 * 60);
    const queue = await expectOk(c.core, 'screening.queue', {}, { token: c.social });
    expect(queue.actions.map((a) => a.personId)).toEqual([child.id]);
    const board = await expectOk(c.core, 'flow.board', { status: 'overdue' }, { token: c.clerk });
    expect(board.date).toBe('2026-11-27');
    expect(board.rows.map((r) => r.personId)).toEqual([child.id]);
    // The everyday board of today still shows today's arrivals only.
    expect((await expectOk(c.core, 'flow.board', {}, { token: c.clerk })).rows).toEqual([]);
  });

  it('reads a saved screening back as its own sensitive read, and tells psychology once when the answers call for it', async () => {
    const c = await centre();
    const person = await register(c, { birthDate: '1995', sex: 'F' });
    const calm = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { distress: 'calm', support_network: true } }, { token: c.social });
    expect(calm).toMatchObject({ notifyPsychology: false, psychologyNotice: null });
    const s = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { self_harm: true, distress: 'overwhelmed', support_network: true } }, { token: c.social });
    expect(s).toMatchObject({ notifyPsychology: true, psychologyNotice: null });

    // Read back: the answers, by the roles that act on them; audited as a sensitive read of that screening.
    const read = await expectOk(c.core, 'screening.get', { screeningId: s.id }, { token: c.psych });
    expect(read.answers).toMatchObject({ self_harm: true, distress: 'overwhelmed' });
    const audit = c.core.db.prepare("SELECT sensitive, record_ids FROM audit_log WHERE method = 'screening.get' ORDER BY seq DESC LIMIT 1").get() as { sensitive: number; record_ids: string };
    expect(audit).toEqual({ sensitive: 1, record_ids: JSON.stringify([s.id]) });
    for (const method of ['screening.get', 'screening.notifyPsychology'] as const) {
      const refused = await dispatch(c.core, method, { screeningId: s.id }, { token: c.clerk });
      expect(refused.ok === false && refused.error.code).toBe('forbidden');
    }

    const told = await expectOk(c.core, 'screening.notifyPsychology', { screeningId: s.id }, { token: c.social });
    expect(told.psychologyNotice).toEqual({ by: 'tsocial', at: '2026-11-25T14:00:00.000Z' });
    const again = await dispatch(c.core, 'screening.notifyPsychology', { screeningId: s.id }, { token: c.social, locale: 'es' });
    expect(!again.ok && again.error.message).toBe('Psicología ya fue avisada de este tamizaje (por tsocial).');
    const notices = await expectOk(c.core, 'screening.notices', {}, { token: c.psych });
    expect(notices.map((n) => [n.personId, n.screeningId, n.level])).toEqual([[person.id, s.id, 'red']]);
    const forbidden = await dispatch(c.core, 'screening.notices', {}, { token: c.social });
    expect(!forbidden.ok && forbidden.error.code).toBe('forbidden');
  });
});
