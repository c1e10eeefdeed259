import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoManifest } from '../../electron/cli/demo-arrivals';
import type { Core } from '../../electron/core/context';
import { syncOnce } from '../../electron/core/sync/engine';
import { callAs, callOk, CallFailed } from '../../electron/core/testing/fixtures';
import { joinDesk, personKeysHash, registerFirstDesk, tableHashes } from '../../electron/core/testing/desks';
import { zonedDate } from '../../electron/core/time';
import { ManualClock, tempCore, upstreamForFile } from '../helpers';

/**
 * Random interleavings of offline edits, conflicting edits, natural-key collisions, the same
 * manifest imported into one arrival on several desks, merges,
 * deletions (an import undone while another desk checks its people in), belongings tags given
 * out and returned on several desks, clock jumps and syncs on three desks: after everyone syncs,
 * the three databases are always identical.
 */
const postgres = upstreamForFile();

const ROLES = ['manager', 'clerk', 'admin'] as const;

type Op =
  | { kind: 'edit-institution'; desk: number; field: 'contact' | 'hours' | 'name'; value: number }
  | { kind: 'create-type'; desk: number; code: number }
  | { kind: 'retire-type'; desk: number; code: number }
  | { kind: 'setting'; desk: number; minutes: number }
  | { kind: 'walk-in'; desk: number; name: number }
  | { kind: 'merge'; desk: number }
  | { kind: 'import'; desk: number; seed: number }
  | { kind: 'import-shared'; desk: number; seed: number }
  | { kind: 'undo'; desk: number }
  | { kind: 'check-in'; desk: number }
  | { kind: 'bag'; desk: number; tag: number }
  | { kind: 'return-bag'; desk: number; tag: number }
  | { kind: 'clock'; desk: number; minutes: number }
  | { kind: 'sync'; desk: number };

const desk = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit-institution' as const), desk, field: fc.constantFrom('contact' as const, 'hours' as const, 'name' as const), value: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('create-type' as const), desk, code: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('retire-type' as const), desk, code: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('setting' as const), desk, minutes: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('walk-in' as const), desk, name: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('merge' as const), desk }),
  fc.record({ kind: fc.constant('import' as const), desk, seed: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('import-shared' as const), desk, seed: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('undo' as const), desk }),
  fc.record({ kind: fc.constant('check-in' as const), desk }),
  fc.record({ kind: fc.constant('bag' as const), desk, tag: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('return-bag' as const), desk, tag: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('clock' as const), desk, minutes: fc.integer({ min: -30, max: 30 }) }),
  fc.record({ kind: fc.constant('sync' as const), desk }),
);

const NAMES = ['Juan', 'Juana', 'Pedro', 'María'];

async function apply(desks: Core[], clocks: ManualClock[], o: Op, shared: string): Promise<void> {
  const d = desks[o.desk]!;
  const as = <M extends Parameters<typeof callAs>[2]>(method: M, input: Parameters<typeof callAs<M>>[3]) => callAs(d, ROLES, method, input);
  const today = zonedDate(clocks[o.desk]!.now(), 'America/Guatemala');
  switch (o.kind) {
    case 'edit-institution': {
      const [first] = await as('institutions.list', {});
      const text = `${o.field} ${o.value} desde mesa ${o.desk + 1}`;
      await as('institutions.update', { id: first!.id, [o.field]: o.field === 'name' ? `Institución ${text}` : text });
      return;
    }
    case 'create-type':
      await as('aid.createType', { code: `tipo${o.code}`, nameEs: `Tipo ${o.code} (mesa ${o.desk + 1})`, nameEn: `Type ${o.code}`, unitEs: 'unidad', unitEn: 'unit', usesStock: false, repeat: { kind: 'per_arrival' }, lowStock: null });
      return;
    case 'retire-type': {
      const type = (await as('aid.types', {})).find((t) => t.code === `tipo${o.code}`);
      if (type) await as('aid.updateType', { id: type.id, active: !type.active });
      return;
    }
    case 'setting':
      await as('settings.update', { idleLockMinutes: o.minutes });
      return;
    case 'walk-in':
      await as('persons.register', {
        walkIn: { route: 'land', originCountry: 'MEX', date: today, pointOfEntry: 'Tecún Umán' },
        person: { givenNames: NAMES[o.name]!, firstSurname: 'Pérez', secondSurname: 'Coc', birthDate: '1990', sex: 'M', nationality: 'GTM', languages: ['es'] },
        consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
      });
      return;
    case 'merge': {
      const ids = d.db.prepare("SELECT id FROM persons WHERE deleted_at IS NULL AND merged_into IS NULL AND first_surname = 'Pérez' ORDER BY id LIMIT 2").pluck().all() as string[];
      if (ids.length === 2) await as('persons.merge', { sourceId: ids[1]!, targetId: ids[0]!, reason: 'Misma persona (prueba)' });
      return;
    }
    case 'import':
      await as('manifests.import', {
        fileName: `m${o.seed}.csv`,
        contentBase64: Buffer.from(demoManifest(3, o.seed * 31 + o.desk)).toString('base64'),
        arrival: { kind: 'flight', route: 'air', originCountry: 'USA', reference: `GXA ${o.seed}${o.desk}`, date: today },
      });
      return;
    case 'import-shared':
      // The same file into the same arrival, perhaps on several desks apart.
      await as('manifests.import', { fileName: `compartido${o.seed}.csv`, contentBase64: Buffer.from(demoManifest(3, 500 + o.seed)).toString('base64'), arrivalId: shared });
      return;
    case 'undo': {
      const undoable = d.db.prepare('SELECT id FROM manifest_imports WHERE undone_at IS NULL AND deleted_at IS NULL ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
      if (undoable) await as('manifests.undo', { importId: undoable, reason: 'Prueba de borrado' });
      return;
    }
    case 'check-in': {
      const expected = d.db.prepare("SELECT id FROM person_arrivals WHERE status = 'expected' AND deleted_at IS NULL ORDER BY id LIMIT 1").pluck().get() as string | undefined;
      if (expected) await as('arrivals.checkIn', { personArrivalId: expected });
      return;
    }
    case 'bag': {
      // A bag taken into custody with a numbered tag, which another desk may be giving out too.
      const stay = d.db.prepare("SELECT id FROM person_arrivals WHERE status = 'arrived' AND deleted_at IS NULL ORDER BY id LIMIT 1").pluck().get() as string | undefined;
      if (stay) await as('belongings.receive', { personArrivalId: stay, items: [{ description: `Mochila ${o.tag} (mesa ${o.desk + 1})`, tagNumber: `P-${o.tag}` }] });
      return;
    }
    case 'return-bag': {
      const bag = d.db.prepare("SELECT id FROM belongings WHERE tag_number = ? AND returned_at IS NULL AND deleted_at IS NULL").pluck().get(`P-${o.tag}`) as string | undefined;
      if (bag) await as('belongings.return', { ids: [bag], confirmed: true });
      return;
    }
    case 'clock':
      clocks[o.desk]!.advance(o.minutes);
      return;
    case 'sync':
      await syncOnce(d);
  }
}

describe('convergence', () => {
  it('three desks end identical whatever the interleaving of offline edits, conflicts, merges, deletions and syncs', async () => {
    let centreNo = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        centreNo += 1;
        const clocks = [0, 1, 2].map(() => new ManualClock());
        const first = tempCore(clocks[0]).core;
        await callOk(first, 'setup.init', {
          centre: { name: `Centro propiedad ${centreNo}`, country: 'GTM', timeZone: 'America/Guatemala' },
          workstationName: 'Mesa 1',
          admin: { username: 'admin', displayName: 'Ana Admin', password: 'admin-password-123' },
        });
        const url = await registerFirstDesk(first, postgres().adminUrl);
        const desks = [first];
        for (const i of [1, 2]) {
          const d = tempCore(clocks[i]).core;
          await joinDesk(d, url, `Mesa ${i + 1}`);
          desks.push(d);
        }
        const shared = (await callAs(first, ROLES, 'arrivals.create', { kind: 'flight', route: 'air', originCountry: 'USA', reference: 'GXA compartido', date: '2026-11-25' })).id;
        for (const d of desks) await syncOnce(d);
        for (const o of ops) {
          try {
            await apply(desks, clocks, o, shared);
          } catch (error) {
            // A refusal a desk would give a person (a duplicate code, an import already done) changes nothing.
            if (!(error instanceof CallFailed)) throw error;
          }
        }
        for (let round = 0; round < 2; round++) for (const d of desks) await syncOnce(d);
        const hashes = desks.map((d) => tableHashes(d));
        if (process.env.ACOGIDA_PROPERTY_DEBUG)
          for (const t of Object.keys(hashes[0]!))
            for (const i of [1, 2])
              if (hashes[i]![t] !== hashes[0]![t]) {
                const dump = (d: Core) => d.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
                console.log('DIFF', t, i, JSON.stringify(dump(desks[0]!)), '\n VS \n', JSON.stringify(dump(desks[i]!)));
              }
        expect(hashes[1]).toEqual(hashes[0]);
        expect(hashes[2]).toEqual(hashes[0]);
        expect(new Set(desks.map((d) => personKeysHash(d))).size).toBe(1);
        for (const d of desks) expect(d.db.prepare('SELECT count(*) FROM sync_quarantine').pluck().get()).toBe(0);
      }),
      { numRuns: 25, seed: Number(process.env.ACOGIDA_PROPERTY_SEED ?? 20261202) },
    );
  }, 600_000);
});
