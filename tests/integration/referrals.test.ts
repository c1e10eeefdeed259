import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { expectOk, ManualClock, setupCentre, snapshot, staff, tempCore } from '../helpers';

const walkIn = { route: 'land' as const, originCountry: 'MEX', date: '2026-11-25' };

async function centre() {
  const clock = new ManualClock();
  const { core } = tempCore(clock);
  const { adminToken } = await setupCentre(core);
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  const social = (await staff(core, adminToken, 'tsocial', ['protection_officer'])).token;
  const manager = (await staff(core, adminToken, 'coordina', ['manager'])).token;
  return { core, clock, adminToken, clerk, social, manager };
}
type Centre = Awaited<ReturnType<typeof centre>>;

const failure = async (c: Centre, method: string, input: unknown, token: string) => {
  const result = await dispatch(c.core, method as never, input as never, { token });
  return result.ok ? null : result.error;
};

async function child(c: Centre, sharingWith: string[] = []) {
  const institutions = await expectOk(c.core, 'institutions.list', {}, { token: c.social });
  const ids = sharingWith.map((code) => institutions.find((i) => i.code === code)!.id);
  const { person } = await expectOk(
    c.core,
    'persons.register',
    {
      walkIn,
      groupType: 'unaccompanied_minor',
      person: { givenNames: 'Kevin', firstSurname: 'Choc', birthDate: '2011-05-02', sex: 'M', phone: '+502 5555 0101', originDepartment: 'Alta Verapaz', originMunicipality: 'Cobán' },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }, ...ids.map((institution) => ({ purpose: 'sharing', institution, granted: true }))] },
    } as never,
    { token: c.clerk },
  );
  return { person, institutions };
}

describe('referrals (station 8)', () => {
  it('proposes from the routes (a Guatemalan unaccompanied child: PGN and SBS within the hour), and needs add proposals', async () => {
    const c = await centre();
    const { person } = await child(c);
    const proposals = await expectOk(c.core, 'referrals.proposals', { personId: person.id }, { token: c.social });
    expect(proposals.map((p) => [p.institutionCode, p.priority, p.deadlineHours, p.rule])).toEqual([
      ['PGN', 'high', 1, 'gtm-unaccompanied-pgn'],
      ['SBS', 'high', 1, 'gtm-unaccompanied-sbs'],
    ]);
    expect(proposals.every((p) => p.institutionId !== null)).toBe(true);
    await expectOk(c.core, 'referrals.recordNeeds', { personId: person.id, needs: ['school', 'birth_registration', 'school'] }, { token: c.clerk });
    expect((await expectOk(c.core, 'referrals.needs', { personId: person.id }, { token: c.clerk })).needs).toEqual(['school', 'birth_registration']);
    const birth = (await expectOk(c.core, 'referrals.proposals', { personId: person.id }, { token: c.social })).find((p) => p.rule === 'gtm-birth-abroad-renap')!;
    expect(birth).toMatchObject({ institutionCode: 'RENAP', service: 'identity' });
    // A birth abroad is followed until the document is issued, noting whether an apostille was asked for.
    const r = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: birth.institutionId!, service: birth.service, rule: birth.rule }, { token: c.social });
    await expectOk(c.core, 'referrals.advance', { referralId: r.id, to: 'sent' }, { token: c.social });
    expect(await expectOk(c.core, 'referrals.advance', { referralId: r.id, to: 'received', apostille: 'dispensed', note: 'Inscripción sin apostilla (convenio consular)' }, { token: c.social })).toMatchObject({ apostille: 'dispensed', status: 'received' });
    const worklist = await expectOk(c.core, 'referrals.worklist', {}, { token: c.social });
    expect(worklist.proposals.map((r) => r.personId)).toEqual([person.id]);
    // A clerk neither sees proposals nor makes referrals.
    expect((await failure(c, 'referrals.worklist', {}, c.clerk))?.code).toBe('forbidden');
  });

  it('accepting creates the referral and its proposal goes; a dismissal needs a reason and stops the proposal on this stay', async () => {
    const c = await centre();
    const { person } = await child(c);
    const [pgn, sbs] = await expectOk(c.core, 'referrals.proposals', { personId: person.id }, { token: c.social });
    const referral = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: pgn!.institutionId!, service: pgn!.service, priority: pgn!.priority, rule: pgn!.rule }, { token: c.social });
    expect(referral).toMatchObject({ status: 'created', institutionCode: 'PGN', priority: 'high', deadlineAt: new Date(c.clock.now().getTime() + 3_600_000).toISOString(), overdue: false });
    expect((await failure(c, 'referrals.create', { personId: person.id, institutionId: pgn!.institutionId!, service: pgn!.service }, c.social))?.code).toBe('referrals.duplicate');
    const before = snapshot(c.core);
    expect((await failure(c, 'referrals.dismiss', { personId: person.id, institutionCode: 'SBS', service: sbs!.service, rule: sbs!.rule, reason: 'no' }, c.social))?.code).toBe('input.invalid');
    expect(snapshot(c.core)).toEqual(before);
    await expectOk(c.core, 'referrals.dismiss', { personId: person.id, institutionCode: 'SBS', service: sbs!.service, rule: sbs!.rule, reason: 'La familia lo recoge hoy en el centro' }, { token: c.social });
    expect(await expectOk(c.core, 'referrals.proposals', { personId: person.id }, { token: c.social })).toEqual([]);
    // Overdue once the hour passes unsent: on the worklist, first.
    c.clock.advance(61);
    c.core.db.prepare('UPDATE sessions SET last_active_at = ? WHERE ended_at IS NULL').run(c.clock.now().toISOString());
    const open = (await expectOk(c.core, 'referrals.worklist', {}, { token: c.social })).open;
    expect(open[0]!.referral).toMatchObject({ id: referral.id, overdue: true });
    // …and on the flow board for every role.
    const row = (await expectOk(c.core, 'flow.board', { date: '2026-11-25', status: 'referral-overdue' }, { token: c.clerk })).rows;
    expect(row.map((r) => [r.personId, r.referralOverdue, r.stages.referral])).toEqual([[person.id, true, true]]);
    await expectOk(c.core, 'referrals.advance', { referralId: referral.id, to: 'sent' }, { token: c.social });
    expect((await expectOk(c.core, 'flow.board', { date: '2026-11-25', status: 'referral-overdue' }, { token: c.clerk })).rows).toEqual([]);
  });

  it("proposes the office that covers the person's destination, and an office's referral counts for its institution", async () => {
    const c = await centre();
    const office = await expectOk(c.core, 'institutions.create', { code: 'RENAP-AV', name: 'RENAP Alta Verapaz', country: 'GTM', level: 'local', services: ['identity'], officeOf: 'RENAP', coverage: ['Alta Verapaz'] }, { token: c.manager });
    expect(office).toMatchObject({ officeOf: 'RENAP', coverage: ['Alta Verapaz'] });
    const { person } = await child(c); // from Cobán, Alta Verapaz
    await expectOk(c.core, 'referrals.recordNeeds', { personId: person.id, needs: ['identity_document'] }, { token: c.clerk });
    const proposal = (await expectOk(c.core, 'referrals.proposals', { personId: person.id }, { token: c.social })).find((p) => p.rule === 'gtm-identity-renap')!;
    expect(proposal).toMatchObject({ institutionCode: 'RENAP-AV', institutionId: office.id });
    const other = await expectOk(c.core, 'persons.register', { walkIn, person: { givenNames: 'Rosa', firstSurname: 'Tut', originDepartment: 'Petén' }, consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] } } as never, { token: c.clerk });
    await expectOk(c.core, 'referrals.recordNeeds', { personId: other.person.id, needs: ['identity_document'] }, { token: c.clerk });
    expect((await expectOk(c.core, 'referrals.proposals', { personId: other.person.id }, { token: c.social })).find((p) => p.rule === 'gtm-identity-renap')).toMatchObject({ institutionCode: 'RENAP' });
    await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: office.id, service: 'identity', rule: proposal.rule }, { token: c.social });
    expect((await expectOk(c.core, 'referrals.proposals', { personId: person.id }, { token: c.social })).map((p) => p.rule)).not.toContain('gtm-identity-renap');
  });

  it('a referral lives step by step; no jump from created to attended unless recorded as direct; every step is kept', async () => {
    const c = await centre();
    const { person, institutions } = await child(c);
    const renap = institutions.find((i) => i.code === 'RENAP')!;
    const r = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: renap.id, service: 'identity', note: 'Sin DPI' }, { token: c.social });
    expect(r).toMatchObject({ rule: null, priority: 'normal' });
    for (const to of ['attended', 'received', 'closed'] as const) expect((await failure(c, 'referrals.advance', { referralId: r.id, to }, c.social))?.code).toBe('referrals.bad-step');
    await expectOk(c.core, 'referrals.advance', { referralId: r.id, to: 'sent', transport: 'Microbús de OIM', note: 'Enviado por correo' }, { token: c.social });
    await expectOk(c.core, 'referrals.advance', { referralId: r.id, to: 'received', note: 'RENAP confirma cita el lunes' }, { token: c.social });
    await expectOk(c.core, 'referrals.advance', { referralId: r.id, to: 'attended' }, { token: c.social });
    const closed = await expectOk(c.core, 'referrals.advance', { referralId: r.id, to: 'closed', note: 'DPI emitido' }, { token: c.social });
    expect(closed).toMatchObject({ status: 'closed', transport: 'Microbús de OIM' });
    expect(closed.events.map((e) => e.status)).toEqual(['created', 'sent', 'received', 'attended', 'closed']);
    expect((await failure(c, 'referrals.advance', { referralId: r.id, to: 'cancelled' }, c.social))?.code).toBe('referrals.bad-step');
    // Taken there in person: recorded as direct.
    const sbs = institutions.find((i) => i.code === 'SBS')!;
    const d = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: sbs.id, service: 'shelter', priority: 'high' }, { token: c.social });
    const direct = await expectOk(c.core, 'referrals.advance', { referralId: d.id, to: 'received', direct: true, note: 'Acompañado por la trabajadora social' }, { token: c.social });
    expect(direct.events.at(-1)).toMatchObject({ status: 'received', direct: true });
    // A new need found while following: a linked referral.
    const linked = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: renap.id, service: 'identity', parentId: d.id }, { token: c.social });
    expect(linked.parentId).toBe(d.id);
    // The case file's timeline shows the steps to every caseworker.
    const file = await expectOk(c.core, 'persons.get', { id: person.id }, { token: c.clerk });
    expect(file.timeline.filter((e) => e.kind === 'referral').length).toBe(8);
  });

  it('the slip carries only what consent allows: refused without consent for that institution, stopped by a withdrawal, never an alert or a note', async () => {
    const c = await centre();
    const { person, institutions } = await child(c, ['PGN']);
    const pgn = institutions.find((i) => i.code === 'PGN')!;
    const sbs = institutions.find((i) => i.code === 'SBS')!;
    const toPgn = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: pgn.id, service: 'child_protection', priority: 'high' }, { token: c.social });
    const toSbs = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: sbs.id, service: 'shelter', priority: 'high' }, { token: c.social });
    const slip = await expectOk(c.core, 'referrals.slip', { referralId: toPgn.id }, { token: c.social });
    expect(slip).toMatchObject({ institution: { code: 'PGN' }, person: { name: 'Kevin Choc', phone: '+502 5555 0101', destination: 'Cobán, Alta Verapaz' } });
    expect(Object.keys(slip.person).sort()).toEqual(['birthDate', 'caseNumber', 'destination', 'documentNumber', 'name', 'phone', 'sex']);
    const refused = await failure(c, 'referrals.slip', { referralId: toSbs.id }, c.social);
    expect(refused?.code).toBe('referrals.no-consent');
    expect(refused?.message).toContain('Actualizar consentimiento');
    await expectOk(c.core, 'consent.withdraw', { personId: person.id, purpose: 'sharing', institution: pgn.id, notes: 'Ya no quiere' }, { token: c.clerk });
    expect((await failure(c, 'referrals.slip', { referralId: toPgn.id }, c.social))?.code).toBe('referrals.no-consent');
    // Reading a slip is audited as sensitive.
    const audit = c.core.db.prepare("SELECT sensitive FROM audit_log WHERE method = 'referrals.slip' AND outcome = 'ok' ORDER BY seq DESC LIMIT 1").get() as { sensitive: number };
    expect(audit.sensitive).toBe(1);
  });

  it('follow-up after departure: due today, unreachable after three failed tries, closed when needs are met, reopened by new needs', async () => {
    const c = await centre();
    const { person, institutions } = await child(c);
    const renap = institutions.find((i) => i.code === 'RENAP')!;
    const r = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: renap.id, service: 'identity' }, { token: c.social });
    const tomorrow = new Date(c.clock.now().getTime() + 24 * 3_600_000).toISOString();
    await expectOk(c.core, 'referrals.followUp', { personId: person.id, referralId: r.id, channel: 'phone', outcome: 'reached', note: 'Tiene cita en RENAP', nextAt: tomorrow }, { token: c.social });
    expect(await expectOk(c.core, 'referrals.followUpsDue', {}, { token: c.social })).toEqual([]);
    c.clock.advance(24 * 60);
    c.core.db.prepare('UPDATE sessions SET created_at = ?, last_active_at = ? WHERE ended_at IS NULL').run(c.clock.now().toISOString(), c.clock.now().toISOString());
    const due = await expectOk(c.core, 'referrals.followUpsDue', {}, { token: c.social });
    expect(due.map((d) => [d.personId, d.state])).toEqual([[person.id, 'open']]);
    for (let i = 0; i < 3; i++) await expectOk(c.core, 'referrals.followUp', { personId: person.id, channel: 'phone', outcome: 'not_reached' }, { token: c.social });
    expect((await expectOk(c.core, 'referrals.followUps', { personId: person.id }, { token: c.clerk })).state).toBe('unreachable');
    await expectOk(c.core, 'referrals.followUp', { personId: person.id, channel: 'visit', outcome: 'reached', note: 'Lo encontramos en casa de su tía' }, { token: c.social });
    const closed = await expectOk(c.core, 'referrals.setCase', { personId: person.id, action: 'closed', reason: 'DPI obtenido y trabajando' }, { token: c.social });
    expect(closed.state).toBe('closed');
    expect((await failure(c, 'referrals.setCase', { personId: person.id, action: 'closed', reason: 'Otra vez cerrado' }, c.social))?.code).toBe('referrals.case-state');
    await expectOk(c.core, 'referrals.recordNeeds', { personId: person.id, needs: ['training'] }, { token: c.clerk });
    expect((await expectOk(c.core, 'referrals.followUps', { personId: person.id }, { token: c.social })).state).toBe('open');
  });

  it("the manager's view: by institution and status, median hours to receive and attend, overdue ones", async () => {
    const c = await centre();
    const { person, institutions } = await child(c);
    const id = (code: string) => institutions.find((i) => i.code === code)!.id;
    const a = await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: id('RENAP'), service: 'identity' }, { token: c.social });
    await expectOk(c.core, 'referrals.create', { personId: person.id, institutionId: id('PGN'), service: 'child_protection', priority: 'high' }, { token: c.social });
    await expectOk(c.core, 'referrals.advance', { referralId: a.id, to: 'sent' }, { token: c.social });
    c.clock.advance(120);
    c.core.db.prepare('UPDATE sessions SET last_active_at = ? WHERE ended_at IS NULL').run(c.clock.now().toISOString());
    await expectOk(c.core, 'referrals.advance', { referralId: a.id, to: 'received' }, { token: c.social });
    c.clock.advance(60);
    c.core.db.prepare('UPDATE sessions SET last_active_at = ? WHERE ended_at IS NULL').run(c.clock.now().toISOString());
    await expectOk(c.core, 'referrals.advance', { referralId: a.id, to: 'attended' }, { token: c.social });
    const stats = await expectOk(c.core, 'referrals.stats', {}, { token: c.manager });
    expect(stats.find((s) => s.institutionCode === 'RENAP')).toMatchObject({ total: 1, byStatus: { attended: 1 }, medianHoursToReceived: 2, medianHoursToAttended: 3, overdue: 0 });
    expect(stats.find((s) => s.institutionCode === 'PGN')).toMatchObject({ total: 1, byStatus: { created: 1 }, overdue: 1, medianHoursToReceived: null });
    expect((await failure(c, 'referrals.stats', {}, c.clerk))?.code).toBe('forbidden');
  });

  it('routes are versioned: an admin previews a change on the last 30 days, saves it, and proposals follow it', async () => {
    const c = await centre();
    const { person } = await child(c);
    const { active } = await expectOk(c.core, 'referrals.routes', {}, { token: c.social });
    expect(active.version).toBe(1);
    const edited = structuredClone(active.routes);
    edited.routes = edited.routes.filter((r) => r.id !== 'gtm-unaccompanied-sbs');
    edited.routes.push({ id: 'gtm-unaccompanied-unicef', country: 'GTM', when: { travelling: ['unaccompanied_minor'] }, institution: 'UNICEF', service: 'child_protection', priority: 'normal' });
    const preview = await expectOk(c.core, 'referrals.previewRoutes', { routes: edited }, { token: c.adminToken });
    expect(preview).toMatchObject({ considered: 1, current: 2, proposed: 2 });
    expect(preview.changes).toEqual([{ personId: person.id, caseNumber: expect.any(String), added: ['UNICEF · child_protection'], removed: ['SBS · shelter'] }]);
    expect(await expectOk(c.core, 'referrals.proposals', { personId: person.id }, { token: c.social })).toHaveLength(2); // nothing saved yet
    expect((await failure(c, 'referrals.saveRoutes', { routes: edited, note: 'UNICEF en lugar de SBS' }, c.social))?.code).toBe('forbidden');
    const bad = structuredClone(edited);
    bad.routes.push(bad.routes[0]!);
    const before = snapshot(c.core);
    expect((await failure(c, 'referrals.saveRoutes', { routes: bad, note: 'Ruta repetida' }, c.adminToken))?.code).toBe('input.invalid');
    expect(snapshot(c.core)).toEqual(before);
    const saved = await expectOk(c.core, 'referrals.saveRoutes', { routes: edited, note: 'UNICEF en lugar de SBS' }, { token: c.adminToken });
    expect(saved).toMatchObject({ version: 2, note: 'UNICEF en lugar de SBS' });
    expect((await expectOk(c.core, 'referrals.proposals', { personId: person.id }, { token: c.social })).map((p) => p.institutionCode)).toEqual(['PGN', 'UNICEF']);
    expect((await expectOk(c.core, 'referrals.routes', {}, { token: c.manager })).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('bad input is refused with a translated message and changes nothing', async () => {
    const c = await centre();
    const { person, institutions } = await child(c);
    const before = snapshot(c.core);
    const pgn = institutions.find((i) => i.code === 'PGN')!;
    for (const [method, input] of [
      ['referrals.recordNeeds', { personId: person.id, needs: ['yacht'] }],
      ['referrals.create', { personId: person.id, institutionId: 'nowhere', service: 'legal' }],
      ['referrals.create', { personId: person.id, institutionId: pgn.id, service: 'legal', priority: 'urgentísimo' }],
      ['referrals.advance', { referralId: 'nothing', to: 'sent' }],
      ['referrals.advance', { referralId: 'nothing', to: 'created' }],
      ['referrals.followUp', { personId: person.id, channel: 'pigeon', outcome: 'reached' }],
      ['referrals.followUp', { personId: person.id, channel: 'phone', outcome: 'reached', nextAt: 'mañana' }],
      ['referrals.setCase', { personId: person.id, action: 'closed', reason: 'ok' }],
    ] as const) {
      const error = await failure(c, method, input, c.social);
      expect(error?.code, `${method} ${JSON.stringify(input)}`).toMatch(/input.invalid|referrals\.|persons\./);
      expect(error?.message.length).toBeGreaterThan(5);
    }
    expect(snapshot(c.core)).toEqual(before);
  });
});
