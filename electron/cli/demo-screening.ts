import type { Core } from '../core/context';
import type { Answers } from '../core/screening/instrument';
import { addDays } from '../core/time';
import { asOf, signIn } from './demo-session';
import { call } from './runtime';

const HOUR = 3_600_000;

/**
 * Screenings of every colour for the demo, by the social worker Karla García: today's flight
 * (red unaccompanied adolescent, yellow pregnancy and "two of" cases, greens, an override and
 * an attended red) and a walk-in of two days ago whose red deadline is overdue. Most people
 * checked in stay unscreened, so the queue has work in it.
 */
export async function loadDemoScreenings(core: Core, today: string): Promise<void> {
  if ((core.db.prepare('SELECT count(*) FROM screenings').pluck().get() as number) > 0) return;

  // Two days ago a man came on his own from Mexico, afraid to go home: red, and nobody recorded
  // the attention, so it is overdue now.
  const before = new Date(Date.parse(`${addDays(today, -2)}T22:30:00Z`));
  await asOf(core, before, async () => {
    const { person } = await call(core, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: addDays(today, -2), pointOfEntry: 'El Carmen' },
      person: { givenNames: 'Wilmer Antonio', firstSurname: 'Orellana', secondSurname: 'Cruz', birthDate: '1994-07-19', sex: 'M', nationality: 'HND', originCountry: 'HND', originDepartment: 'Cortés', originMunicipality: 'San Pedro Sula', languages: ['es'], yearsAbroad: 2, detentionDays: 45 },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }, { purpose: 'follow_up', institution: '', granted: true }] },
    });
    core.clock = { now: () => new Date(before.getTime() + 0.75 * HOUR) };
    const as = await signIn(core, 'kgarcia');
    await as('screening.record', {
      personId: person.id,
      startedAt: new Date(before.getTime() + 0.3 * HOUR).toISOString(),
      answers: { age: 32, travel_group: 'alone', support_network: false, safe_place: false, years_abroad: 2, detention_days: 45, fear_of_return: true, threat_source: ['gangs'], extortion: true, distress: 'worried', notes: 'Amenazado por la pandilla que le cobraba renta en su negocio (demostración).' },
    });
  });

  const as = await signIn(core, 'kgarcia');
  const board = await call(core, 'flow.board', { date: today });
  const present = board.rows.filter((r) => r.status === 'arrived' && r.arrivalLabel.includes('GXA 2245'));
  const minor = present.find((r) => r.groupType === 'unaccompanied_minor');
  const women = present.filter((r) => r.sex === 'F' && (r.age ?? 0) >= 18 && (r.age ?? 99) < 45);
  const men = present.filter((r) => r.sex === 'M' && (r.age ?? 0) >= 25 && r !== minor);
  const form = async (personId: string) => (await as('screening.form', { personId })).prefill;
  // Interviews follow registration: whoever is chosen and only checked in is registered first.
  const registered = async (row: (typeof present)[number]) => {
    if (row.registeredAt) return row.personId;
    const { person } = await call(core, 'persons.register', {
      personArrivalId: row.personArrivalId,
      person: { givenNames: row.givenNames, firstSurname: row.firstSurname, secondSurname: row.secondSurname, birthDate: row.birthDate, sex: row.sex, nationality: row.nationality, documentNumber: row.documentNumber, originCountry: row.nationality, languages: ['es'] },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }, { purpose: 'follow_up', institution: '', granted: true }] },
    });
    return person.id;
  };
  const screen = async (row: (typeof present)[number], answers: Answers) => {
    const personId = await registered(row);
    return as('screening.record', { personId, answers: { ...(await form(personId)), ...answers } });
  };

  if (minor) await screen(minor, { support_network: true, distress: 'worried', notes: 'Viajaba sin una persona adulta; su madre espera en Quetzaltenango (demostración).' });
  if (women[0]) await screen(women[0], { travel_group: 'alone', pregnant: true, due_date: addDays(today, 120), support_network: true, safe_place: true, distress: 'calm' });
  if (men[0]) await screen(men[0], { travel_group: 'alone', support_network: false, safe_place: false, years_abroad: 14, distress: 'worried' });
  if (men[1]) await screen(men[1], { travel_group: 'alone', support_network: true, safe_place: true, chronic_treatment: true, distress: 'calm' });
  for (const r of men.slice(2, 5)) await screen(r, { travel_group: 'alone', support_network: true, safe_place: true, distress: 'calm' });
  if (men[5]) {
    const green = await screen(men[5], { travel_group: 'alone', support_network: true, safe_place: true, distress: 'overwhelmed' });
    await as('screening.override', { screeningId: green.id, level: 'yellow', reason: 'Llora durante toda la entrevista y no logra dormir desde la detención; se pide valoración psicológica (demostración).' });
    await as('screening.notifyPsychology', { screeningId: green.id });
  }
  if (women[1]) {
    const red = await screen(women[1], { travel_group: 'alone', self_harm: true, distress: 'overwhelmed', support_network: true });
    await as('screening.notifyPsychology', { screeningId: red.id });
    await as('screening.attend', { screeningId: red.id, action: 'Acompañada a psicología de inmediato; primeros auxilios psicológicos y contacto con su hermana (demostración).' });
  }
}
