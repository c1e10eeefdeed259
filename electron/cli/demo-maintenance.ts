import type { Core } from '../core/context';
import { runDueMaintenance } from '../core/maintenance/loop';
import { addDays } from '../core/time';
import { signIn } from './demo-session';

/**
 * Issue 20 in the demo: the centre keeps closed cases five years; one returnee from two weeks ago
 * asked at the window for her data to be erased, and the coordinator did it; and the schedule's
 * first backup and integrity check are there, so *Respaldos* shows a backup. Safe to run twice.
 */
export async function loadDemoMaintenance(core: Core, today: string): Promise<void> {
  const admin = await signIn(core, 'admin');
  await admin('settings.update', { retentionYears: 5 });
  const manager = await signIn(core, 'elopez');
  const [oldest] = await manager('arrivals.list', { from: addDays(today, -14), to: addDays(today, -12) });
  if (oldest) {
    const { persons } = await manager('arrivals.get', { id: oldest.id });
    const registered = persons.filter((p) => p.registeredAt !== null);
    // Once: after the erasure she sorts elsewhere (her name is gone), so look at everyone.
    let done = false;
    for (const p of registered) if ((await manager('erasure.status', { personId: p.personId })) !== null) done = true;
    const asked = registered.find((p) => p.sex === 'F') ?? registered[0];
    if (asked && !done) await manager('erasure.erase', { personId: asked.personId, reason: 'La persona lo pidió por escrito en ventanilla (solicitud 7 de la demostración).' });
  }
  await runDueMaintenance(core);
}
