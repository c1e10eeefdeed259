import type { Output } from '../core/contract';
import type { Core } from '../core/context';
import { addDays } from '../core/time';
import { asOf, signIn } from './demo-session';
import { call } from './runtime';

/**
 * The kits station for the demo. The manager Edgar López received donations over the last
 * weeks (one snack lot has already expired, the SIM cards are running low); the clerk María
 * José López gave today's flight its snack kits and water in one action each, hygiene kits to a
 * family, a second bottle of water with a reason, voided a mistaken delivery, and took
 * belongings into custody (one bag already given back). Safe to run twice.
 */
export async function loadDemoAid(core: Core, today: string): Promise<void> {
  if (core.db.prepare("SELECT 1 FROM stock_lots WHERE lot_code = 'OIM-REF-2026-031'").get()) return;
  const types = await call(core, 'aid.types', {});
  const type = (code: string) => types.find((t) => t.code === code)!.id;

  // Each donation is received on its day, by the manager signed in that day.
  const receive = async (daysAgo: number, code: string, lotCode: string, donor: string, quantity: number, expiry: string | null, note?: string) =>
    asOf(core, new Date(Date.parse(`${addDays(today, -daysAgo)}T15:00:00Z`)), async () =>
      (await signIn(core, 'elopez'))('stock.receive', { typeId: type(code), lotCode, donor, quantity, expiry, ...(note ? { note } : {}) }),
    );
  const oldSnacks = await receive(30, 'snack', 'OIM-REF-2026-031', 'OIM', 40, addDays(today, -3), 'Donación de octubre');
  await receive(12, 'snack', 'CONAMIGUA-R-118', 'CONAMIGUA', 90, addDays(today, 9));
  await receive(4, 'snack', 'OIM-REF-2026-044', 'OIM', 250, addDays(today, 75));
  const hygiene = await receive(20, 'hygiene_kit', 'UNICEF-HK-552', 'UNICEF', 120, null);
  await receive(20, 'clothing', 'CRUZROJA-RP-09', 'Cruz Roja', 60, null);
  await receive(6, 'hydration', 'OIM-AGUA-301', 'OIM', 600, addDays(today, 300));
  await receive(15, 'sim_card', 'CONAMIGUA-SIM-77', 'CONAMIGUA', 45, addDays(today, 60), 'Chips Tigo con Q25 de saldo');
  await receive(10, 'reintegration_bonus', 'OIM-BONO-12', 'OIM', 30, null);
  await receive(10, 'supermarket_card', 'ACNUR-TS-2026-5', 'ACNUR', 25, addDays(today, 180));
  const manager = await signIn(core, 'elopez');
  // The monthly count found two hygiene kits fewer; a box of snacks past its date went to waste.
  await manager('stock.correct', { lotId: hygiene.id, kind: 'adjustment', counted: 118, reason: 'Conteo físico mensual: faltan dos kits en la bodega' });
  await manager('stock.correct', { lotId: oldSnacks.id, kind: 'loss', quantity: 6, reason: 'Caja húmeda, producto dañado' });

  const clerk = await signIn(core, 'mlopez');
  const board = await call(core, 'flow.board', { date: today });
  const present = board.rows.filter((r) => r.status === 'arrived' && r.arrivalLabel.includes('GXA 2245'));
  const flight = board.arrivals.find((a) => a.label.includes('GXA 2245'));
  if (!flight || !present.length) return;

  // One action each for the whole flight: who has not come off the plane yet is skipped.
  await clerk('aid.deliver', { typeId: type('snack'), target: { arrivalId: flight.id } });
  await clerk('aid.deliver', { typeId: type('hydration'), target: { arrivalId: flight.id } });
  const family = present.find((r) => r.familyGroup);
  if (family) await clerk('aid.deliver', { typeId: type('hygiene_kit'), target: { familyOf: family.personArrivalId } });
  for (const row of present.slice(0, 8)) await clerk('aid.deliver', { typeId: type('phone_call'), target: { personArrivalId: row.personArrivalId } });
  for (const row of present.slice(8, 14)) await clerk('aid.deliver', { typeId: type('sim_card'), target: { personArrivalId: row.personArrivalId } });
  const [first, second] = present;
  if (first) await clerk('aid.deliver', { typeId: type('hydration'), target: { personArrivalId: first.personArrivalId }, repeatReason: 'Mareo por el calor de la sala de espera; la enfermera pide más agua' });
  if (second) {
    const { delivered } = await clerk('aid.deliver', { typeId: type('clothing'), target: { personArrivalId: second.personArrivalId } });
    await clerk('aid.void', { deliveryId: delivered[0]!.id, reason: 'Talla equivocada; la muda vuelve a la bodega' });
  }

  // Belongings handed in at the door: bags from detention, a phone, documents.
  const items = [
    [{ description: 'Bolsa plástica de detención con ropa y cargador', tagNumber: 'P-101' }, { description: 'Teléfono Samsung negro, pantalla rota', tagNumber: 'P-102' }],
    [{ description: 'Mochila azul con documentos personales', tagNumber: 'P-103' }],
    [{ description: 'Maleta pequeña gris', tagNumber: 'P-104' }],
  ];
  const held: Output<'belongings.receive'>[] = [];
  for (const [i, row] of present.slice(2, 5).entries())
    held.push(await clerk('belongings.receive', { personArrivalId: row.personArrivalId, items: items[i]! }));
  if (held[2]) await clerk('belongings.return', { ids: held[2]!.map((b) => b.id), confirmed: true, note: 'Revisó su maleta y firmó de conformidad' });
}
