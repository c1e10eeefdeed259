import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { expectOk, setupCentre, snapshot, staff, tempCore } from '../helpers';

/**
 * A confirmed alert acts on the person (issue 12, item 1). The field test found a confirmed
 * warrant walking out with one click on "Registrar salida": these tests make that attempt, as the
 * clerk and as the manager, and check that only a recorded hand-over or release ends the hold.
 */
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const LIST_HEADER = 'referencia;nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;observaciones';

async function centre() {
  const { core } = tempCore();
  const { adminToken } = await setupCentre(core);
  const officer = (await staff(core, adminToken, 'oficial', ['alert_officer'])).token;
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  const social = (await staff(core, adminToken, 'tsocial', ['protection_officer'])).token;
  const manager = (await staff(core, adminToken, 'coordina', ['manager'])).token;
  return { core, adminToken, officer, clerk, social, manager };
}

async function listed(core: Core, officer: string, list: 'warrant' | 'interpol' | 'alba-keneth', row: string) {
  await expectOk(core, 'alerts.import', { list, fileName: `${list}.csv`, contentBase64: b64([LIST_HEADER, row].join('\n')) }, { token: officer });
}

async function registerAndConfirm(c: Awaited<ReturnType<typeof centre>>, list: 'warrant' | 'interpol' | 'alba-keneth', person: Record<string, string>) {
  const registered = await expectOk(c.core, 'persons.register', { walkIn: { route: 'air', originCountry: 'USA' }, person: person as never }, { token: c.clerk });
  const [match] = await expectOk(c.core, 'alerts.queue', {}, { token: c.officer });
  expect(match!.record.list).toBe(list);
  await expectOk(c.core, 'alerts.decide', { matchId: match!.id, decision: 'confirmed', reason: 'Coinciden nombre, fecha y foto del expediente' }, { token: c.officer });
  return registered;
}

const refusal = async (p: ReturnType<typeof dispatch>) => {
  const r = await p;
  return r.ok ? 'ok' : r.error.code;
};

describe('a confirmed warrant holds the person', () => {
  it('refuses the departure to the clerk and the manager, shows "on hold" without details, and ends only with a hand-over', async () => {
    const c = await centre();
    await listed(c.core, c.officer, 'warrant', 'OA-2026-5521;Marvin Alexander;Cruz;Mejía;03/07/1992;M;HND;Juzgado de Paz de Choloma, homicidio');
    const { person, row } = await registerAndConfirm(c, 'warrant', { givenNames: 'Marvin Alexander', firstSurname: 'Cruz', secondSurname: 'Mejía', birthDate: '1992-07-03', sex: 'M', nationality: 'HND' });

    // The attack of the field test: "Registrar salida", by the clerk, then by the manager.
    const before = snapshot(c.core);
    expect(await refusal(dispatch(c.core, 'flow.depart', { personArrivalId: row.personArrivalId }, { token: c.clerk }))).toBe('alerts.on-hold');
    expect(await refusal(dispatch(c.core, 'flow.depart', { personArrivalId: row.personArrivalId }, { token: c.manager }))).toBe('alerts.on-hold');
    // Neither the clerk nor the social worker can end the hold themselves.
    for (const token of [c.clerk, c.social])
      expect(await refusal(dispatch(c.core, 'alerts.resolveHold', { personId: person.id, outcome: 'release', reason: 'Se fue, no había nadie' }, { token }))).toBe('forbidden');
    expect(snapshot(c.core)).toEqual(before);

    // Every role sees "on hold"; nothing they can read says why.
    for (const token of [c.clerk, c.social, c.manager]) {
      expect(await expectOk(c.core, 'alerts.status', { personId: person.id }, { token })).toMatchObject({ onHold: true, protectionCase: false });
      const board = await expectOk(c.core, 'flow.board', { status: 'on-hold' }, { token });
      expect(board.rows.map((r) => r.personId)).toEqual([person.id]);
      expect(board.rows[0]!.stages.alerts).toBe(false); // never "checked and clear" while held
      const file = await expectOk(c.core, 'persons.get', { id: person.id }, { token });
      expect(file.timeline.map((e) => e.kind)).toContain('on-hold');
      const seen = JSON.stringify([board, file]);
      for (const secret of ['OA-2026-5521', 'warrant', 'Choloma', 'homicidio']) expect(seen).not.toContain(secret);
    }

    // A hand-over needs who received the person; bad input changes nothing.
    for (const bad of [
      { personId: person.id, outcome: 'handover', institution: 'PNC' },
      { personId: person.id, outcome: 'handover', receivedBy: 'Agente Juan Pérez, placa 4411' },
      { personId: person.id, outcome: 'handover', institution: 'PNC', receivedBy: 'Agente Juan Pérez, placa 4411', at: '2099-01-01T00:00:00Z' },
      { personId: person.id, outcome: 'release' },
      { personId: person.id, outcome: 'escape', reason: 'Se fue sin avisar' },
    ]) {
      const r = await dispatch(c.core, 'alerts.resolveHold', bad, { token: c.officer });
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      expect(snapshot(c.core)).toEqual(before);
    }
    const missing = await dispatch(c.core, 'alerts.resolveHold', { personId: person.id, outcome: 'handover', institution: 'PNC' }, { token: c.officer, locale: 'es' });
    expect(!missing.ok && missing.error.message).toContain('Escriba el nombre y la placa de quien recibe a la persona');

    const info = await expectOk(c.core, 'alerts.resolveHold', { personId: person.id, outcome: 'handover', institution: 'PNC División de Fronteras', receivedBy: 'Agente Juan Pérez, placa 4411' }, { token: c.officer });
    expect(info).toMatchObject({ onHold: false, resolutions: [{ outcome: 'handover', institution: 'PNC División de Fronteras', receivedBy: 'Agente Juan Pérez, placa 4411', recordedBy: 'oficial' }] });
    const file = await expectOk(c.core, 'persons.get', { id: person.id }, { token: c.clerk });
    expect(file.arrivals[0]!.departedAt).toBe(c.core.clock.now().toISOString());
    expect(file.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['on-hold', 'hold-ended', 'departed']));
    expect(await expectOk(c.core, 'alerts.status', { personId: person.id }, { token: c.clerk })).toMatchObject({ onHold: false });
    // A second resolution has nothing to end.
    expect(await refusal(dispatch(c.core, 'alerts.resolveHold', { personId: person.id, outcome: 'release', reason: 'Otra vez por error' }, { token: c.manager }))).toBe('alerts.not-on-hold');
    // The resolutions are facts: never edited.
    expect(() => c.core.db.prepare("UPDATE alert_hold_resolutions SET received_by = 'nadie'").run()).toThrow(/append-only/);
  });

  it('an Interpol notice holds too; the manager may release with a reason, and then the person leaves as anyone else', async () => {
    const c = await centre();
    await listed(c.core, c.officer, 'interpol', 'A-1234/5-2025;Wilmer;Ramos;Quiñónez;1988;M;GTM;Notificación roja');
    const { person, row } = await registerAndConfirm(c, 'interpol', { givenNames: 'Wilmer', firstSurname: 'Ramos', secondSurname: 'Quiñonez', birthDate: '1988-04-10', sex: 'M', nationality: 'GTM' });
    expect(await refusal(dispatch(c.core, 'flow.depart', { personArrivalId: row.personArrivalId }, { token: c.clerk }))).toBe('alerts.on-hold');
    const info = await expectOk(c.core, 'alerts.resolveHold', { personId: person.id, outcome: 'release', reason: 'La PNC confirmó que la notificación fue cancelada' }, { token: c.manager });
    expect(info).toMatchObject({ onHold: false, resolutions: [{ outcome: 'release', reason: 'La PNC confirmó que la notificación fue cancelada', recordedBy: 'coordina' }] });
    // The manager reads how the hold ended, never the list itself.
    expect(JSON.stringify(await expectOk(c.core, 'alerts.hold', { personId: person.id }, { token: c.manager }))).not.toContain('A-1234');
    expect(await refusal(dispatch(c.core, 'alerts.hold', { personId: person.id }, { token: c.clerk }))).toBe('forbidden');
    await expectOk(c.core, 'flow.depart', { personArrivalId: row.personArrivalId }, { token: c.clerk });
  });
});

describe('a confirmed missing-person alert is a protection case, never green', () => {
  it('raises a green screening to red with a 24 h deadline, refuses green again, and a new screening is red', async () => {
    const c = await centre();
    await listed(c.core, c.officer, 'alba-keneth', 'AK-2026-0901;Heidy Marisol;Choc;Caal;2010;F;GTM;Desaparecida en Cobán');
    const { person } = await expectOk(c.core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Heidy Marisol', firstSurname: 'Choc', secondSurname: 'Caal', birthDate: '2010-02-11', sex: 'F', nationality: 'GTM' } }, { token: c.clerk });
    // Before the decision the queue shows what the answers say.
    const green = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { travel_group: 'family', support_network: true, safe_place: true } }, { token: c.social });
    expect(green.level).toBe('green');

    const [match] = await expectOk(c.core, 'alerts.queue', {}, { token: c.officer });
    await expectOk(c.core, 'alerts.decide', { matchId: match!.id, decision: 'confirmed', reason: 'La madre la identificó por teléfono' }, { token: c.officer });

    const [latest] = await expectOk(c.core, 'screening.history', { personId: person.id }, { token: c.social });
    expect(latest).toMatchObject({ level: 'red', computedLevel: 'green', deadlineAt: '2026-11-26T14:00:00.000Z' });
    expect(latest!.overrides.at(-1)!.reason).toContain('Alba-Keneth');
    expect((await expectOk(c.core, 'flow.board', {}, { token: c.clerk })).rows[0]!.screening!.level).toBe('red');

    const before = snapshot(c.core);
    expect(await refusal(dispatch(c.core, 'screening.override', { screeningId: green.id, level: 'green', reason: 'Ya está con su familia' }, { token: c.social }))).toBe('screening.protection-not-green');
    expect(snapshot(c.core)).toEqual(before);

    const again = await expectOk(c.core, 'screening.record', { personId: person.id, answers: { travel_group: 'family', support_network: true, safe_place: true } }, { token: c.social });
    expect(again).toMatchObject({ level: 'red', reasons: ['missing_person_alert'] });
  });

  it('shows an unscreened protection case as probably red, first in the queue', async () => {
    const c = await centre();
    await listed(c.core, c.officer, 'alba-keneth', 'AK-2026-0902;Yeimi;Xol;Tiul;2012;F;GTM;');
    const adult = await expectOk(c.core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Pedro', firstSurname: 'Pop', birthDate: '1980', sex: 'M' } }, { token: c.clerk });
    const child = await registerAndConfirm(c, 'alba-keneth', { givenNames: 'Yeimi', firstSurname: 'Xol', secondSurname: 'Tiul', birthDate: '2012-05-05', sex: 'F', nationality: 'GTM' });
    const queue = await expectOk(c.core, 'screening.queue', {}, { token: c.social });
    expect(queue.pending.map((p) => [p.personId, p.probableLevel])).toEqual([[child.person.id, 'red'], [adult.person.id, 'green']]);
    expect(queue.pending[0]!.probableReasons[0]).toBe('missing_person_alert');
  });
});
