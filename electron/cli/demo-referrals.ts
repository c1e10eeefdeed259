import type { Core } from '../core/context';
import { asOf, signIn } from './demo-session';
import { call } from './runtime';

const HOUR = 3_600_000;

/**
 * Station 8 for the demo, by the social worker Karla García: needs expressed, referrals in every
 * state (one unsent past its hour: overdue), the unaccompanied adolescent to PGN and SBS, a birth
 * abroad with RENAP, follow-ups (one due today, one person unreachable), a case closed and one
 * reopened by new needs.
 */
export async function loadDemoReferrals(core: Core, today: string): Promise<void> {
  if ((core.db.prepare('SELECT count(*) FROM referrals').pluck().get() as number) > 0) return;
  const social = await signIn(core, 'kgarcia');
  const clerk = await signIn(core, 'mlopez');
  const board = await call(core, 'flow.board', { date: today });
  const present = board.rows.filter((r) => r.status === 'arrived' && !r.departedAt);
  if (present.length < 8) return;
  const institutions = await social('institutions.list', {});
  const id = (code: string) => institutions.find((i) => i.code === code)!.id;

  // Needs people expressed at registration.
  const needs: [number, ('work' | 'training' | 'identity_document' | 'birth_registration' | 'shelter' | 'school' | 'health')[]][] = [
    [0, ['work', 'identity_document']],
    [1, ['training']],
    [2, ['birth_registration', 'school']],
    [3, ['shelter']],
    [4, ['work']],
    [5, ['health']],
  ];
  for (const [i, list] of needs) await clerk('referrals.recordNeeds', { personId: present[i]!.personId, needs: list });

  // The unaccompanied adolescent: PGN and SBS, high priority, sent within the hour.
  const minor = present.find((r) => r.groupType === 'unaccompanied_minor');
  if (minor) {
    for (const proposal of await social('referrals.proposals', { personId: minor.personId })) {
      if (!proposal.institutionId || proposal.priority !== 'high') continue;
      const r = await social('referrals.create', { personId: minor.personId, institutionId: proposal.institutionId, service: proposal.service, priority: 'high', rule: proposal.rule });
      await social('referrals.advance', { referralId: r.id, to: 'sent', transport: 'Vehículo de la PGN', note: 'Entregado al delegado de turno (demostración)' });
    }
  }

  // Early this morning: RENAP for a man without DPI, followed to its close; MINTRAB overdue.
  const morning = new Date(core.clock.now().getTime() - 5 * HOUR);
  await asOf(core, morning, async () => {
    const as = await signIn(core, 'kgarcia');
    const renap = await as('referrals.create', { personId: present[0]!.personId, institutionId: id('RENAP'), service: 'identity', rule: 'gtm-identity-renap' });
    await as('referrals.advance', { referralId: renap.id, to: 'sent', note: 'Cita en la delegación (demostración)' });
    const birth = await as('referrals.create', { personId: present[2]!.personId, institutionId: id('RENAP'), service: 'identity', rule: 'gtm-birth-abroad-renap', note: 'Hija nacida en Houston, sin inscripción en Guatemala (demostración)' });
    await as('referrals.advance', { referralId: birth.id, to: 'sent' });
    await as('referrals.advance', { referralId: birth.id, to: 'received', apostille: 'dispensed', note: 'RENAP acepta el acta sin apostilla (demostración)' });
  });
  // Yesterday: MINTRAB for a man who needs work, never sent: overdue on the board and the worklist.
  await asOf(core, new Date(core.clock.now().getTime() - 26 * HOUR), async () => {
    const as = await signIn(core, 'kgarcia');
    await as('referrals.create', { personId: present[4]!.personId, institutionId: id('MINTRAB'), service: 'employment', rule: 'gtm-job-mintrab', note: 'Pendiente de enviar (demostración)' });
  });
  const withRenap = (await social('referrals.ofPerson', { personId: present[0]!.personId }))[0]!;
  await social('referrals.advance', { referralId: withRenap.id, to: 'received', note: 'RENAP confirma la cita (contrarreferencia)' });
  await social('referrals.advance', { referralId: withRenap.id, to: 'attended' });
  await social('referrals.advance', { referralId: withRenap.id, to: 'closed', note: 'DPI en trámite (demostración)' });
  const intecap = await social('referrals.create', { personId: present[1]!.personId, institutionId: id('INTECAP'), service: 'training', rule: 'gtm-training-intecap' });
  await social('referrals.advance', { referralId: intecap.id, to: 'sent' });
  await social('referrals.advance', { referralId: intecap.id, to: 'rejected', note: 'Cupo lleno este mes (demostración)' });
  const shelter = await social('referrals.create', { personId: present[3]!.personId, institutionId: id('CASA-MIGRANTE'), service: 'shelter', rule: 'int-shelter-casa-migrante' });
  await social('referrals.advance', { referralId: shelter.id, to: 'cancelled', note: 'Un familiar lo recoge (demostración)' });
  await social('referrals.dismiss', { personId: present[5]!.personId, institutionCode: 'MSPAS', service: 'health', rule: 'gtm-health-mspas', reason: 'Ya atendido por la enfermera del centro' });

  // Follow-ups after departure: one due today, one person unreachable, a closed case, one reopened.
  const week = new Date(core.clock.now().getTime() - 6 * 24 * HOUR);
  await asOf(core, week, async () => {
    const as = await signIn(core, 'kgarcia');
    await as('referrals.followUp', { personId: present[0]!.personId, channel: 'phone', outcome: 'reached', note: 'Tiene cita en RENAP (demostración)', nextAt: `${today}T16:00:00.000Z` });
    for (let i = 0; i < 3; i++) await as('referrals.followUp', { personId: present[6]!.personId, channel: i === 2 ? 'visit' : 'phone', outcome: 'not_reached', note: 'No contesta (demostración)' });
    await as('referrals.followUp', { personId: present[7]!.personId, channel: 'phone', outcome: 'reached', note: 'Trabajando en la finca de su tío (demostración)' });
    await as('referrals.setCase', { personId: present[7]!.personId, action: 'closed', reason: 'Necesidades atendidas: trabajo y documentos' });
  });
  await clerk('referrals.recordNeeds', { personId: present[7]!.personId, needs: ['school'] }); // reopens the case
}
