import type { Core } from '../core/context';
import { callOk } from '../core/testing/fixtures';
import { addDays } from '../core/time';
import { DEMO_PASSWORD } from './demo-data';
import { asOf, signIn } from './demo-session';
import { call, locale } from './runtime';

const HOUR = 3_600_000;

/** A clinician as a centre has one: they sign in and choose their own password (here: the demo's), which gives them a key pair. */
async function ownPassword(core: Core, username: string): Promise<void> {
  const { token } = await callOk(core, 'auth.login', { username, password: DEMO_PASSWORD, locale });
  await callOk(core, 'auth.changePassword', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }, { token });
}

/**
 * Station 7 for the demo. The psychologist Dunia Mejía: an early session with a follow-up due
 * this evening, first aid for today's flight as a group, two sessions with notes, and a positive ASQ
 * attended (the risk case closed with a safety plan). The nurse Sandra Sosa: triage of three
 * people and a consultation with paracetamol from the stock. The notes keys are created here; the
 * recovery codes are not kept (a real centre writes them on paper).
 */
export async function loadDemoCare(core: Core, today: string): Promise<void> {
  if ((core.db.prepare('SELECT count(*) FROM care_records').pluck().get() as number) > 0) return;
  await ownPassword(core, 'dmejia');
  await ownPassword(core, 'ssosa');
  const psych = await signIn(core, 'dmejia');
  const nurse = await signIn(core, 'ssosa');
  await psych('care.setup', { service: 'psychology' });
  await nurse('care.setup', { service: 'medical' });

  const board = await call(core, 'flow.board', { date: today });
  const flight = board.rows.filter((r) => r.status === 'arrived' && r.arrivalLabel.includes('GXA 2245') && !r.departedAt);
  // This morning: first aid for the whole flight, as a group, in one action.
  if (flight.length) {
    await psych('care.recordGroup', {
      personIds: flight.map((r) => r.personId),
      kind: 'pfa',
      modality: 'group',
      durationMinutes: 35,
      reactions: ['anxiety', 'crying', 'sadness', 'confusion'],
      notes: 'Sesión grupal en el área de espera: información sobre el proceso y contención (demostración).',
      heldAt: new Date(core.clock.now().getTime() - 2 * HOUR).toISOString(),
    });
  }
  const [first, second, third, fourth, ...rest] = flight;
  // Early this morning, before the group: a session whose follow-up is due this evening. (The
  // man who came on his own two days ago is left alone: his overdue screening is the queue's example.)
  if (fourth) {
    await asOf(core, new Date(core.clock.now().getTime() - 3 * HOUR), async () => {
      const as = await signIn(core, 'dmejia');
      await as('care.record', {
        personId: fourth.personId,
        kind: 'individual',
        durationMinutes: 50,
        concerns: ['anxiety', 'detention_trauma', 'sleep'],
        asq: { wishedDead: 'no', betterOffDead: 'no', thoughtsOfKilling: 'no', everTried: 'no' },
        interventions: ['active_listening', 'stabilisation', 'breathing_grounding'],
        plan: 'Técnicas de respiración antes de dormir; volver esta tarde (demostración).',
        nextAppointmentAt: `${today}T23:00:00.000Z`,
        notes: 'Refiere pesadillas desde la detención; duerme 3 horas. Sin ideación suicida (demostración).',
      });
    });
  }
  if (first) {
    // A positive ASQ: the person is flagged on every desk until the action is recorded.
    await psych('care.record', {
      personId: first.personId,
      kind: 'crisis',
      durationMinutes: 40,
      concerns: ['suicidal_ideation', 'family_separation', 'grief'],
      asq: { wishedDead: 'yes', betterOffDead: 'yes', thoughtsOfKilling: 'no', everTried: 'no', thoughtsNow: 'no' },
      interventions: ['crisis_intervention', 'safety_plan', 'family_contact'],
      plan: 'Plan de seguridad con la hermana; referencia a salud mental (demostración).',
      proposedReferral: 'MSPAS — salud mental',
      notes: 'Separado de sus hijos en la detención; dice que "no vale la pena seguir" (demostración).',
    });
    const facts = await psych('care.facts', { personId: first.personId });
    if (facts.risk && !facts.risk.closedAt) await psych('care.closeRisk', { flagId: facts.risk.flagId, action: 'family_accompaniment', details: 'Entregado a su hermana con plan de seguridad escrito (demostración).' });
  }
  if (second) {
    await psych('care.record', {
      personId: second.personId,
      kind: 'individual',
      durationMinutes: 30,
      concerns: ['anxiety', 'uncertain_future'],
      asq: { wishedDead: 'no', betterOffDead: 'no', thoughtsOfKilling: 'no', everTried: 'no' },
      interventions: ['active_listening', 'problem_solving'],
      plan: 'Orientación para buscar empleo; sin seguimiento (demostración).',
      notes: 'Preocupada por la deuda del viaje (demostración).',
    });
  }

  // Medicines are stock: the coordinator receives them; the nurse dispenses them.
  const manager = await signIn(core, 'elopez');
  const types = [
    { code: 'paracetamol_500', nameEs: 'Paracetamol 500 mg', nameEn: 'Paracetamol 500 mg', unitEs: 'tableta', unitEn: 'tablet', lot: 'PCM-2611', quantity: 500, expiry: addDays(today, 400) },
    { code: 'sales_rehidratacion', nameEs: 'Sales de rehidratación oral', nameEn: 'Oral rehydration salts', unitEs: 'sobre', unitEn: 'sachet', lot: 'SRO-0925', quantity: 120, expiry: addDays(today, 200) },
  ];
  const lots: Record<string, string> = {};
  for (const m of types) {
    const type = await manager('aid.createType', { code: m.code, category: 'medicine', nameEs: m.nameEs, nameEn: m.nameEn, unitEs: m.unitEs, unitEn: m.unitEn, usesStock: true, repeat: { kind: 'per_arrival' }, lowStock: 20 });
    const lot = await manager('stock.receive', { typeId: type.id, lotCode: m.lot, donor: 'MSPAS', quantity: m.quantity, expiry: m.expiry });
    lots[m.code] = lot.id;
  }
  const triaged = [second, third, rest[0]].filter((r) => r !== undefined);
  for (const [i, r] of triaged.entries()) {
    await nurse('care.medical', {
      personId: r.personId,
      kind: 'triage',
      durationMinutes: 10,
      triage: {
        priority: i === 0 ? 'priority' : 'routine',
        vitals: { systolic: [148, 118, 122][i]!, diastolic: [96, 76, 80][i]!, heartRate: [92, 74, 80][i]!, temperature: [37.1, 36.6, 38.2][i]!, respiratoryRate: 18, oxygenSaturation: 97 },
        injuries: i === 2 ? 'Ampollas en los pies' : '',
        chronicIllness: i === 0 ? 'Hipertensión sin tratamiento desde la detención' : '',
        medicationNeeds: i === 0 ? 'Enalapril' : '',
        pregnancy: 'not_applicable',
      },
      notes: 'Triaje a la llegada (demostración).',
    });
  }
  if (triaged[2]) {
    await nurse('care.medical', {
      personId: triaged[2].personId,
      kind: 'consultation',
      durationMinutes: 15,
      attention: 'Fiebre leve y ampollas: curación y antipirético',
      medicines: [{ lotId: lots['paracetamol_500']!, quantity: 6 }, { lotId: lots['sales_rehidratacion']!, quantity: 2 }],
      hospitalReferral: null,
      notes: 'Control de temperatura en 6 horas (demostración).',
    });
  }
}
