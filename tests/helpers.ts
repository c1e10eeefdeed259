import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Clock, Core } from '../electron/core/context';
import { openCore } from '../electron/core/core';
import type { Database } from '../electron/core/db/driver';
import { openDatabase } from '../electron/core/db/open';
import { hostKeys } from '../electron/core/keys';
import type { Role } from '../electron/core/roles';
import { callOk, initCentre, signIn } from '../electron/core/testing/fixtures';
import { prepareUpstream } from '../electron/core/testing/desks';
import { startPostgres, type TestPostgres } from '../electron/core/testing/postgres';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock tests can move, including backwards. */
export class ManualClock implements Clock {
  constructor(public ms = Date.parse('2026-11-25T14:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

/** A core on a real SQLite file in a temp folder, closed after the test. */
export function tempCore(clock: Clock = new ManualClock()): { core: Core; file: string } {
  const file = path.join(tempDir(), 'acogida.db');
  const core = openCore(file, clock);
  cleanups.push(() => core.db.open && core.db.close());
  return { core, file };
}

/**
 * The database file as someone with its key reads it, beside the app (no migration): what a test
 * uses to look at or tamper with the stored bytes. The key comes from the test keys folder.
 */
export function openRaw(file: string, options: { readonly?: boolean } = {}): Database {
  const db = openDatabase(file, { key: hostKeys(file, new Date()).database, readonly: options.readonly ?? false, migrate: false });
  cleanups.push(() => db.open && db.close());
  return db;
}

/**
 * For tests that jump days ahead with the same people: as if everyone signed in again at the
 * start of the new shift (sessions end after the centre's maximum lifetime, tests/integration/
 * auth.test.ts), keeping the tokens the test holds. Unlocking after the idle lock stays explicit.
 */
export function newShift(core: Core): void {
  core.db.prepare('UPDATE sessions SET created_at = ? WHERE ended_at IS NULL').run(core.clock.now().toISOString());
}

export const ADMIN_PASSWORD = 'admin-password-123';
export const STAFF_PASSWORD = 'staff-password-123';

/** A method's value through dispatch, or a thrown error naming the code (electron/core/testing). */
export const expectOk = callOk;

/** Sets up a centre (in Guatemala unless said otherwise) and signs the admin in. */
export async function setupCentre(
  core: Core,
  where: { country: string; timeZone: string } = { country: 'GTM', timeZone: 'America/Guatemala' },
): Promise<{ adminToken: string; adminId: string }> {
  const init = await initCentre(core, { ...where, admin: { username: 'admin', displayName: 'Ana Admin', password: ADMIN_PASSWORD } });
  return { adminToken: await signIn(core, 'admin', ADMIN_PASSWORD), adminId: init.adminId };
}

/** Creates a staff member with the given roles and returns a signed-in token. */
export async function staff(core: Core, adminToken: string, username: string, roles: Role[]): Promise<{ token: string; id: string }> {
  const user = await expectOk(core, 'users.create', { username, displayName: username, roles, password: STAFF_PASSWORD }, { token: adminToken });
  const login = await expectOk(core, 'auth.login', { username, password: STAFF_PASSWORD });
  return { token: login.token, id: user.id };
}

export function count(core: Core, table: string): number {
  return (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * The full content of every table but the audit log (failed calls are audited on purpose) and
 * sessions' activity times: equal snapshots prove a call changed nothing.
 */
export function snapshot(core: Core): Record<string, string> {
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
  }[];
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    if (name === 'audit_log') continue;
    const rows = core.db.prepare(`SELECT * FROM ${name}`).all() as Record<string, unknown>[];
    const kept = name === 'sessions' ? rows.map(({ last_active_at: _, ...rest }) => rest) : rows;
    result[name] = JSON.stringify(kept.map((r) => JSON.stringify(r)).sort());
  }
  return result;
}

/**
 * A real PostgreSQL upstream (migrated) for the tests of one file, stopped after them:
 * `const upstream = upstreamForFile();` at the top, then `upstream().adminUrl` in a test.
 */
export function upstreamForFile(): () => TestPostgres {
  let server: TestPostgres | undefined;
  beforeAll(async () => {
    server = await startPostgres();
    await prepareUpstream(server.adminUrl);
  }, 60_000);
  afterAll(() => server?.stop());
  return () => {
    if (!server) throw new Error('The upstream has not started');
    return server;
  };
}
