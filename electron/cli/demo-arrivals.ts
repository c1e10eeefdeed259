import type { Core } from '../core/context';
import { PLACES } from '../core/reference';
import { addDays } from '../core/time';
import { givenNames, rng, surname } from './bench/names';
import { call } from './runtime';

export { rng };

const NATIONALITIES = ['GTM', 'GTM', 'GTM', 'HND', 'SLV'];

/**
 * A flight manifest of `size` people with families and an unaccompanied adolescent, as CSV.
 * Names follow real frequencies (bench/names.ts: many López, few Xitumul); nobody is written
 * twice with the same name and birth date (the import would rightly refuse that).
 */
export function demoManifest(size: number, seed: number): string {
  const r = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const lines = ['nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;tipo_documento;numero_documento;nna_no_acompanado;grupo_familiar'];
  const written = new Set<string>();
  const push = (line: string) => {
    const key = line.split(';').slice(0, 4).join(';');
    if (written.has(key)) return false;
    written.add(key);
    lines.push(line);
    return true;
  };
  let family = 0;
  for (let attempts = 0; lines.length <= size; attempts++) {
    if (attempts > 20 * size + 100) throw new Error(`demoManifest: cannot draw ${size} different people`);
    const surname1 = surname(r);
    const surname2 = surname(r);
    const nationality = pick(NATIONALITIES);
    if (r() < 0.15 && lines.length + 3 <= size + 1) {
      family += 1;
      const mother = surname(r);
      push(`${givenNames(r, false)};${surname1};${surname2};${day(r)}/${month(r)}/${1978 + Math.floor(r() * 12)};M;${nationality};DPI;${doc(r)};no;F${family}`);
      push(`${givenNames(r, true)};${mother};${surname(r)};${day(r)}/${month(r)}/${1980 + Math.floor(r() * 12)};F;${nationality};;;no;F${family}`);
      const girl = r() < 0.5;
      push(`${givenNames(r, girl)};${surname1};${mother};${day(r)}/${month(r)}/${2012 + Math.floor(r() * 8)};${girl ? 'F' : 'M'};${nationality};partida de nacimiento;;no;F${family}`);
      continue;
    }
    const female = r() < 0.3;
    const minor = r() < 0.05;
    const year = minor ? 2009 + Math.floor(r() * 2) : 1965 + Math.floor(r() * 38);
    const yearOnly = r() < 0.08;
    push(
      `${givenNames(r, female)};${surname1};${r() < 0.9 ? surname2 : ''};${yearOnly ? year : `${day(r)}/${month(r)}/${year}`};${female ? 'F' : 'M'};${nationality};${r() < 0.6 ? 'DPI' : 'pasaporte'};${r() < 0.7 ? doc(r) : ''};${minor ? 'sí' : 'no'};`,
    );
  }
  return lines.slice(0, size + 1).join('\n');
}

const day = (r: () => number) => String(1 + Math.floor(r() * 28)).padStart(2, '0');
const month = (r: () => number) => String(1 + Math.floor(r() * 12)).padStart(2, '0');
const doc = (r: () => number) => String(Math.floor(1e12 + r() * 9e12));

/** Today's flight from the US with its manifest, some people checked in and registered, and a walk-in. */
export async function loadDemoArrivals(core: Core, today: string): Promise<number> {
  const existing = await call(core, 'arrivals.list', {});
  if (existing.length) return 0;
  const earlier = await call(core, 'manifests.import', {
    fileName: 'N401GA-anterior.csv',
    contentBase64: Buffer.from(demoManifest(40, 7)).toString('base64'),
    arrival: { kind: 'flight', route: 'air', originCountry: 'USA', carrier: 'GlobalX', reference: 'GXA 2101', date: addDays(today, -21), pointOfEntry: 'Fuerza Aérea Guatemalteca' },
  });
  const before = await call(core, 'arrivals.get', { id: earlier.arrivalId });
  for (const p of before.persons.slice(0, 37)) await call(core, 'arrivals.checkIn', { personArrivalId: p.personArrivalId });
  await call(core, 'arrivals.close', { id: earlier.arrivalId });
  const flight = await call(core, 'manifests.import', {
    fileName: 'GXA-2245.csv',
    contentBase64: Buffer.from(demoManifest(135, 11) + '\n' + demoManifest(40, 7).split('\n').slice(5, 7).join('\n')).toString('base64'),
    arrival: { kind: 'flight', route: 'air', originCountry: 'USA', carrier: 'GlobalX', reference: 'GXA 2245', date: today, pointOfEntry: 'Fuerza Aérea Guatemalteca' },
  });
  const { persons } = await call(core, 'arrivals.get', { id: flight.arrivalId });
  for (const p of persons.slice(0, 60)) await call(core, 'arrivals.checkIn', { personArrivalId: p.personArrivalId });
  const place = rng(29);
  const directory = await call(core, 'institutions.list', {});
  const institution = (code: string) => directory.find((i) => i.code === code)!.id;
  for (const [n, p] of persons.slice(0, 12).entries()) {
    const departments = PLACES[p.nationality ?? '']?.departments ?? [];
    const department = departments[Math.floor(place() * departments.length)];
    const municipality = department?.municipalities[Math.floor(place() * department.municipalities.length)];
    // Most agree to follow-up; some also to sharing with RENAP (a new DPI) or MINTRAB (work).
    const sharing = n % 3 === 0 ? ['RENAP'] : n % 3 === 1 ? ['RENAP', 'MINTRAB'] : [];
    await call(core, 'persons.register', {
      personArrivalId: p.personArrivalId,
      person: {
        givenNames: p.givenNames, firstSurname: p.firstSurname, secondSurname: p.secondSurname, birthDate: p.birthDate, sex: p.sex, nationality: p.nationality,
        documentNumber: p.documentNumber, originCountry: p.nationality, originDepartment: department?.name, originMunicipality: municipality, languages: ['es'], yearsAbroad: 3 + (p.age ?? 30) % 9,
      },
      consent: {
        language: 'es',
        decisions: [
          { purpose: 'registration', institution: '', granted: true },
          { purpose: 'follow_up', institution: '', granted: n % 4 !== 3 },
          { purpose: 'replication', institution: '', granted: n % 2 === 0 },
          ...sharing.map((code) => ({ purpose: 'sharing' as const, institution: institution(code), granted: true })),
        ],
      },
    });
  }
  await call(core, 'persons.register', {
    walkIn: { route: 'land', originCountry: 'MEX', date: today, pointOfEntry: 'Tecún Umán' },
    person: { givenNames: 'Santos', firstSurname: 'Coc', secondSurname: 'Pop', birthDate: '1990', sex: 'M', nationality: 'GTM', originCountry: 'GTM', originDepartment: 'Alta Verapaz', originMunicipality: 'San Pedro Carchá', people: 'maya', languages: ['kek', 'es'], interpreterNeeded: true, yearsAbroad: 6, detentionDays: 21 },
    consent: {
      language: 'kek',
      decisions: [
        { purpose: 'registration', institution: '', granted: true },
        { purpose: 'follow_up', institution: '', granted: true },
        { purpose: 'sharing', institution: institution('MSPAS'), granted: true },
        { purpose: 'sharing', institution: institution('CONAMIGUA'), granted: true },
      ],
    },
  });
  return persons.length + 1;
}
