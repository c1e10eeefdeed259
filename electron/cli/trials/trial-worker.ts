import fs from 'node:fs';
import { demoManifest } from '../demo-arrivals';
import { openCore } from '../../core/core';
import { zonedDate } from '../../core/time';
import { callAs } from '../../core/testing/fixtures';
import { syncOnce } from '../../core/sync/engine';

/**
 * One crash trial's victim (electron/cli/trials/trials.ts): opens the database, says "ready",
 * then writes in a loop — registrations, manifest imports, whole-arrival deliveries, or a
 * registration and a sync with the upstream in small batches — and after each write the core
 * acknowledged, appends what it wrote to the side log and syncs it. It is killed with SIGKILL at
 * a random moment; what the log holds must then be in the database.
 *
 *   node --import tsx electron/cli/trials/trial-worker.ts DB KIND LOG SEED
 */
const [db, kind, log, seedText] = process.argv.slice(2) as [string, 'registration' | 'manifest' | 'delivery' | 'sync', string, string];
const seed = Number(seedText);
const CLERK = ['clerk', 'manager'] as const;

function acknowledge(entry: Record<string, unknown>): void {
  const fd = fs.openSync(log, 'a');
  try {
    fs.writeSync(fd, `${JSON.stringify(entry)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function main(): Promise<void> {
  const core = openCore(db);
  const day = zonedDate(core.clock.now(), 'America/Guatemala');
  const snack = (await callAs(core, CLERK, 'aid.types', {})).find((t) => t.code === 'phone_call')!;
  // Every other sync trial first sends what the other trials wrote, before the clock starts: its
  // kill then falls in a sync with little to push, in the pull of the other desk's work or
  // between two syncs; the other half is killed while pushing that backlog.
  if (kind === 'sync' && seed % 8 === 0) await syncOnce(core, { batch: 2000 });
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    const tag = `${seed}-${i}`;
    if (kind === 'registration' || kind === 'sync') {
      const { person } = await callAs(core, CLERK, 'persons.register', {
        walkIn: { route: 'land', originCountry: 'MEX', date: day },
        person: { givenNames: `Prueba ${tag}`, firstSurname: 'Corte', sex: 'F', nationality: 'GTM', languages: ['es'] },
        consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
      } as never);
      acknowledge({ kind: 'registration', personId: person.id });
      if (kind === 'sync') {
        // The push drains what the other trials wrote in big batches; the pull goes in small
        // ones, many local commits for the kill to land between.
        acknowledge({ kind: 'sync-start' });
        const counts = await syncOnce(core, { batch: 2000, pullBatch: 20 });
        acknowledge({ kind, pushed: counts.pushed, pulled: counts.pulled });
      }
    } else if (kind === 'manifest') {
      const imported = await callAs(core, CLERK, 'manifests.import', {
        fileName: `corte-${tag}.csv`,
        contentBase64: Buffer.from(demoManifest(60, seed * 1000 + i)).toString('base64'),
        arrival: { kind: 'flight', route: 'air', originCountry: 'USA', reference: `TRIAL ${tag}`, date: day },
      } as never);
      acknowledge({ kind, arrivalId: imported.arrivalId, persons: 60 });
    } else {
      const arrival = await callAs(core, CLERK, 'arrivals.create', { kind: 'bus', route: 'land', originCountry: 'MEX', reference: `BUS ${tag}`, date: day } as never);
      const ids: string[] = [];
      for (let k = 0; k < 5; k++) {
        const { person } = await callAs(core, CLERK, 'persons.register', {
          arrivalId: arrival.id,
          person: { givenNames: `Bus ${tag}-${k}`, firstSurname: 'Corte', sex: 'M', nationality: 'GTM', languages: ['es'] },
          consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
        } as never);
        ids.push(person.id);
      }
      const { delivered } = await callAs(core, CLERK, 'aid.deliver', { typeId: snack.id, target: { arrivalId: arrival.id } });
      acknowledge({ kind, arrivalId: arrival.id, persons: ids, deliveries: delivered.map((d) => d.id) });
    }
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
});
