import type { Core } from '../core/context';
import { addDays } from '../core/time';
import { demoManifest, rng } from './demo-arrivals';
import { asOf, signIn } from './demo-session';
import { call } from './runtime';

/**
 * Two weeks before today, so the manager's summary has a history to chart and compare with
 * (issue 19): most days a deportation flight from the United States (70 to 135 people, a few
 * not on board), some days a bus from Mexico; people checked in, some registered and screened
 * (mostly green, some yellow, reds attended the same day, some with a disability or an
 * indigenous language), snacks and water from the day's
 * donation, calls for some. Each day is recorded at its own hour. Safe to run twice.
 */
export async function loadDemoHistory(core: Core, today: string): Promise<void> {
  const existing = await call(core, 'arrivals.list', { from: addDays(today, -14), to: addDays(today, -1) });
  if (existing.some((a) => a.reference?.startsWith('GXA 22'))) return;
  const types = await call(core, 'aid.types', {});
  const type = (code: string) => types.find((t) => t.code === code)!.id;
  const r = rng(2026);
  for (let daysAgo = 14; daysAgo >= 1; daysAgo--) {
    const day = addDays(today, -daysAgo);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0) continue; // No flights on Sundays.
    const flights: { kind: 'flight' | 'bus'; size: number; reference: string; origin: string; route: 'air' | 'land'; entry: string; carrier: string }[] = [
      { kind: 'flight', size: 70 + Math.floor(r() * 66), reference: `GXA 22${String(daysAgo).padStart(2, '0')}`, origin: 'USA', route: 'air', entry: 'Fuerza Aérea Guatemalteca', carrier: 'GlobalX' },
    ];
    if (weekday === 2 || weekday === 5) flights.push({ kind: 'bus', size: 12 + Math.floor(r() * 18), reference: `BUS-TU-${daysAgo}`, origin: 'MEX', route: 'land', entry: 'Tecún Umán', carrier: 'INM México' });
    for (const [n, f] of flights.entries()) {
      // The flight lands mid-morning (about 16:00 UTC), the bus in the afternoon.
      const at = new Date(Date.parse(`${day}T${n === 0 ? '16' : '21'}:00:00Z`));
      await asOf(core, at, async () => {
        const imported = await call(core, 'manifests.import', {
          fileName: `${f.reference.replace(/\s+/g, '-')}.csv`,
          contentBase64: Buffer.from(demoManifest(f.size, 100 + daysAgo * 3 + n)).toString('base64'),
          arrival: { kind: f.kind, route: f.route, originCountry: f.origin, carrier: f.carrier, reference: f.reference, date: day, pointOfEntry: f.entry },
        });
        const { persons } = await call(core, 'arrivals.get', { id: imported.arrivalId });
        const present = persons.filter(() => r() < 0.94);
        for (const p of present) await call(core, 'arrivals.checkIn', { personArrivalId: p.personArrivalId });
        // The day's donation covers the flight: snacks and water for everyone who came.
        const manager = await signIn(core, 'elopez');
        for (const code of ['snack', 'hydration']) {
          await manager('stock.receive', { typeId: type(code), lotCode: `OIM-${f.reference.replace(/\s+/g, '')}-${code}`, donor: 'OIM', quantity: present.length, expiry: null, note: 'Donación del día' });
        }
        const clerk = await signIn(core, 'mlopez');
        await clerk('aid.deliver', { typeId: type('snack'), target: { arrivalId: imported.arrivalId } });
        await clerk('aid.deliver', { typeId: type('hydration'), target: { arrivalId: imported.arrivalId } });
        for (const p of present.filter(() => r() < 0.3)) await clerk('aid.deliver', { typeId: type('phone_call'), target: { personArrivalId: p.personArrivalId } });
        // Some are interviewed: registered, then screened.
        const officer = await signIn(core, 'kgarcia');
        for (const [i, p] of present.filter(() => r() < 0.12).entries()) {
          const { person } = await call(core, 'persons.register', {
            personArrivalId: p.personArrivalId,
            person: { givenNames: p.givenNames, firstSurname: p.firstSurname, secondSurname: p.secondSurname, birthDate: p.birthDate, sex: p.sex, nationality: p.nationality, documentNumber: p.documentNumber, originCountry: p.nationality, languages: i % 9 === 4 ? ['kek', 'es'] : ['es'], ...(i % 9 === 4 ? { interpreterNeeded: true } : {}),
              ...(i % 13 === 6 ? { disabilities: ['physical'] } : i % 17 === 8 ? { disabilities: ['visual', 'auditory'] } : i % 19 === 10 ? { disabilities: ['psychosocial'] } : {}) },
            consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }, { purpose: 'follow_up', institution: '', granted: true }, { purpose: 'replication', institution: '', granted: i % 2 === 0 }] },
          });
          const prefill = (await officer('screening.form', { personId: person.id })).prefill;
          const answers =
            i % 7 === 3
              ? { travel_group: 'alone', support_network: false, safe_place: false, distress: 'worried' }
              : i % 11 === 5
                ? { travel_group: 'alone', fear_of_return: true, threat_source: ['gangs'], extortion: true, support_network: true, distress: 'worried' }
                : { travel_group: 'alone', support_network: true, safe_place: true, distress: 'calm' };
          const screening = await officer('screening.record', { personId: person.id, answers: { ...prefill, ...answers } as never });
          // Nearly every attention was recorded; the odd one was forgotten and shows as overdue.
          if (screening.level === 'red' || i % 10 !== 9) await officer('screening.attend', { screeningId: screening.id, action: screening.level === 'red' ? 'Entrevista con protección y contacto con la familia el mismo día (demostración).' : 'Orientación y referencia a servicios locales (demostración).' });
        }
        await call(core, 'arrivals.close', { id: imported.arrivalId });
      });
    }
  }
}
