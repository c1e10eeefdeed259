import type { Core } from '../core/context';
import { mayan } from './bench/names';
import { call } from './runtime';
import { normalize, shippedNameEntries } from '../core/names';

const HEADER = 'referencia;nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;observaciones';
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n')).toString('base64');
const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/**
 * Alert lists for the demo: Interpol, Alba-Keneth, Isabel-Claudina and warrants, some of whose
 * records resemble people of today's flight as a list would write them (surnames swapped, a
 * typo, only the year). Importing them checks everyone present; one Alba-Keneth match is
 * confirmed (a protection case), one warrant confirmed (the man is on hold), one Interpol match
 * dismissed, the rest wait for review.
 */
export async function loadDemoAlerts(core: Core, today: string): Promise<void> {
  if ((await call(core, 'alerts.lists', {})).length) return;
  const board = await call(core, 'flow.board', { date: today });
  const present = board.rows.filter((r) => r.status === 'arrived');
  const adult = present.filter((r) => (r.age ?? 0) >= 25);
  const minor = present.find((r) => r.age !== null && r.age < 18) ?? present[0]!;
  const [a, b, c] = [adult[0] ?? present[1]!, adult[3] ?? present[2]!, adult[6] ?? present[3]!];

  // The centre's own names (Nombres y apodos): two nicknames heard at this centre's desks.
  await call(core, 'names.save', { kind: 'nickname', written: 'chinto', means: ['jacinto'] });
  await call(core, 'names.save', { kind: 'spelling', written: 'yonatan', means: ['jonathan'] });
  // Someone of today's flight as a warrant writes them: a nickname for the given name, the
  // surname in the Academia's Mayan spelling (Xol → Shol, Caal → Kaal), the date month first.
  const nicknamed = adult.slice(7).find((p) => nicknameOf(p.givenNames) || mayan(p.firstSurname) !== p.firstSurname);

  await call(core, 'alerts.import', {
    list: 'interpol', fileName: 'interpol-notificaciones-rojas.csv', replace: false,
    contentBase64: csv([
      `A-1134/4-2024;${a.givenNames.split(' ')[0]};${a.secondSurname ?? a.firstSurname};${a.firstSurname};${a.birthDate?.slice(0, 4) ?? ''};${a.sex ?? ''};${a.nationality ?? ''};Notificación roja: homicidio (demostración)`,
      'A-2290/9-2025;Ramiro Alfonso;Quintanilla;Ortega;1979;M;SLV;Notificación roja: extorsión (demostración)',
    ]),
  });
  await call(core, 'alerts.import', {
    list: 'alba-keneth', fileName: 'alba-keneth-vigentes.csv', replace: false,
    contentBase64: csv([
      `AK-2026-0417;${minor.givenNames};${minor.firstSurname};${minor.secondSurname ?? ''};${dmy(minor.birthDate)};${minor.sex ?? ''};${minor.nationality ?? ''};Reportado desaparecido por su madre (demostración)`,
      'AK-2026-0533;Heidy Maribel;Xol;Caal;12/06/2012;F;GTM;Desaparecida en Cobán (demostración)',
    ]),
  });
  await call(core, 'alerts.import', {
    list: 'isabel-claudina', fileName: 'isabel-claudina.csv', replace: false,
    contentBase64: csv(['IC-2025-1180;Yesenia Marisol;Ajú;Chumil;03/11/1996;F;GTM;Desaparecida en Sololá (demostración)']),
  });
  await call(core, 'alerts.import', {
    list: 'warrant', fileName: 'ordenes-de-aprehension.csv', replace: false,
    contentBase64: csv([
      `OA-0912-2023;${b.givenNames};${b.firstSurname.replace(/z$/i, 's')};${b.secondSurname ?? ''};${dmy(b.birthDate)};${b.sex ?? ''};;Juzgado de Paz (demostración)`,
      `OA-1450-2024;${c.givenNames};${c.firstSurname};;${c.birthDate?.slice(0, 4) ?? ''};${c.sex ?? ''};${c.nationality ?? ''};Pensión alimenticia (demostración)`,
      ...(nicknamed
        ? [`OA-1733-2025;${nicknameOf(nicknamed.givenNames) ?? nicknamed.givenNames};${mayan(nicknamed.firstSurname)};${nicknamed.secondSurname ?? ''};${nicknamed.birthDate?.slice(0, 4) ?? ''};${nicknamed.sex ?? ''};;Escrita con apodo y ortografía maya (demostración)`]
        : []),
    ]),
  });
  const queue = await call(core, 'alerts.queue', {});
  const child = queue.find((m) => m.record.reference === 'AK-2026-0417');
  if (child) await call(core, 'alerts.decide', { matchId: child.id, decision: 'confirmed', reason: 'Coinciden nombre, fecha y fotografía; la madre confirmó por teléfono (demostración).' });
  const red = queue.find((m) => m.record.reference === 'A-1134/4-2024');
  if (red) await call(core, 'alerts.decide', { matchId: red.id, decision: 'dismissed', reason: 'Otra persona: el documento y la fotografía no coinciden (demostración).' });
  // A confirmed warrant: the man is held ("retenido — consulte a verificación") until the alert
  // officer records the hand-over to the PNC, which the demo leaves for the user to do.
  const warrant = queue.find((m) => m.record.reference === 'OA-0912-2023');
  if (warrant) await call(core, 'alerts.decide', { matchId: warrant.id, decision: 'confirmed', reason: 'DNI y fotografía del juzgado coinciden (demostración).' });
}

/** A shipped nickname of the first given name (José → Chepe), written as a list would. */
function nicknameOf(givenNames: string): string | null {
  const first = normalize(givenNames).split(' ')[0]!;
  const entry = shippedNameEntries().find((e) => e.kind === 'nickname' && e.means.length === 1 && e.means[0] === first);
  return entry ? entry.written[0]!.toUpperCase() + entry.written.slice(1) : null;
}
