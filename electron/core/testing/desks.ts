import crypto from 'node:crypto';
import type { Core } from '../context';
import { REPLICATED_TABLES } from '../domains/registry';
import { addCentre } from '../sync/admin';
import { rememberUpstream, withUpstream as withClient } from '../sync/connection';
import { syncOnce, type SyncCounts } from '../sync/engine';
import { migrateUpstream } from '../sync/upstream-schema';
import { callOk } from './fixtures';

/**
 * Several desks of one centre and their upstream, for tests, benches and the two-desk demo:
 * every desk is a real SQLite file, the upstream a real PostgreSQL (testing/postgres.ts).
 */

/** A digest of every replicated table (every column, rows by id): equal digests, equal data. */
export function tableHashes(core: Core, tables: readonly string[] = REPLICATED_TABLES): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const hash = crypto.createHash('sha256');
    for (const row of core.db.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate() as Iterable<Record<string, unknown>>) hash.update(JSON.stringify(row));
    out[table] = hash.digest('hex').slice(0, 16);
  }
  return out;
}

/** The matching keys each person has here (local, rebuilt from pulled rows): equal on every desk. */
export function personKeysHash(core: Core): string {
  const hash = crypto.createHash('sha256');
  for (const row of core.db.prepare('SELECT key, person_id FROM person_keys ORDER BY person_id, key').iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex').slice(0, 16);
}

export { withUpstream as withClient } from '../sync/connection';

/** Migrates the upstream (idempotent). */
export async function prepareUpstream(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (client) => migrateUpstream(client));
}

/**
 * Registers the centre of an initialised desk upstream, remembers the connection on that desk
 * and pushes it: the first desk of a centre. Returns the centre's connection URL.
 */
export async function registerFirstDesk(core: Core, adminUrl: string): Promise<string> {
  const centre = core.db.prepare('SELECT id, name, country FROM centres WHERE id = ?').get(core.identity!.centreId) as { id: string; name: string; country: string };
  const { connection_url } = await withClient(adminUrl, (client) => addCentre(client, adminUrl, { centreId: centre.id, name: centre.name, country: centre.country }));
  rememberUpstream(core, connection_url);
  await syncOnce(core);
  return connection_url;
}

/** Another desk of that centre: joined through setup.join, then everything pulled. */
export async function joinDesk(core: Core, url: string, name: string): Promise<SyncCounts> {
  await callOk(core, 'setup.join', { url, workstationName: name });
  return syncOnce(core);
}
