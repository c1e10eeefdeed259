import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { DOMAIN_METHODS } from '../../electron/core/domains/registry';
import { ROLES, type Role } from '../../electron/core/roles';
import { inProcess } from '../../electron/core/worker/client';
import { createHost, listen } from '../../electron/host/server';
import { setupCentre, snapshot, staff, STAFF_PASSWORD, tempCore, tempDir } from '../helpers';
import { callOk } from '../../electron/core/testing/fixtures';

/**
 * Issue 20, item 4: arbitrary and near-valid payloads to every contract method through the
 * loopback host, signed in as each role. Never a 5xx; a refused call changes nothing in the
 * database (every table but the audit log compared); the host answers after it all.
 */
let server: Server;
let core: Core;
let url: string;
const tokens = new Map<Role | 'anonymous', string>();

/** The top-level keys a method's input names (objects, unions of objects, refinements of them). */
function keysOf(schema: unknown, depth = 0): string[] {
  const s = schema as { shape?: Record<string, unknown>; def?: { options?: unknown[]; in?: unknown; innerType?: unknown; schema?: unknown } };
  if (!s || depth > 4) return [];
  if (s.shape) return Object.keys(s.shape);
  const def = s.def ?? {};
  if (def.options) return [...new Set(def.options.flatMap((o) => keysOf(o, depth + 1)))];
  for (const inner of [def.in, def.innerType, def.schema]) if (inner) return keysOf(inner, depth + 1);
  return [];
}

/** Values that are almost right: real-looking ids, dates, codes and text, and their near misses. */
const nearValue = fc.oneof(
  fc.uuid(),
  fc.constantFrom('2026-11-25', '2026-02-30', '25/11/2026', '2026-11-25T14:00:00Z', '', ' ', 'es', 'en', 'GTM', 'XXX', 'red', 'air', 'clerk', 'admin', '=HYPERLINK("x")', '../../etc/passwd', '\u0000', 'null'),
  fc.string({ maxLength: 600 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.uuid(), fc.string({ maxLength: 20 })), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);

function payloadFor(method: string): fc.Arbitrary<unknown> {
  const keys = keysOf((DOMAIN_METHODS as Record<string, { input: unknown }>)[method]!.input);
  const nearValid = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, nearValue])), { requiredKeys: [] }) : fc.constant({});
  return fc.oneof(nearValid, fc.jsonValue({ maxDepth: 4 }), fc.constant({}), fc.constant(null), fc.string());
}

const withoutThrottle = (snap: Record<string, string>) => ({ ...snap, login_throttle: '' });

async function post(method: string, body: string, token: string | undefined): Promise<{ status: number; json: { ok: boolean; error?: { code: string } } }> {
  const res = await fetch(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body });
  return { status: res.status, json: (await res.json()) as { ok: boolean; error?: { code: string } } };
}

async function signInAs(role: Role | 'anonymous'): Promise<void> {
  if (role === 'anonymous') return;
  const username = `fuzz_${role}`;
  tokens.set(role, (await callOk(core, 'auth.login', { username, password: STAFF_PASSWORD })).token);
}

beforeAll(async () => {
  core = tempCore().core;
  const { adminToken } = await setupCentre(core);
  for (const role of ROLES) await staff(core, adminToken, `fuzz_${role}`, [role]);
  for (const role of ROLES) await signInAs(role);
  const renderer = tempDir();
  fs.writeFileSync(path.join(renderer, 'index.html'), '<div id="root"></div>');
  server = createHost(inProcess(core), renderer);
  url = await listen(server, 0);
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('every contract method under arbitrary and near-valid payloads', () => {
  it('never answers 5xx, never changes the database when it refuses, and the host stays up', async () => {
    const methods = Object.keys(DOMAIN_METHODS).sort();
    const callers: (Role | 'anonymous')[] = [...ROLES, 'anonymous'];
    const seen = { calls: 0, refused: 0, accepted: 0 };
    for (const method of methods) {
      await fc.assert(
        fc.asyncProperty(payloadFor(method), fc.constantFrom(...callers), async (payload, role) => {
          const before = snapshot(core);
          const body = payload === undefined ? '' : JSON.stringify(payload);
          const { status, json } = await post(method, body, tokens.get(role as Role));
          seen.calls++;
          expect(status, `${method} as ${role}: ${body.slice(0, 200)}`).toBeLessThan(500);
          if (!json.ok) {
            seen.refused++;
            // The one change a refusal makes on purpose: a wrong password counts towards the lockout.
            expect(withoutThrottle(snapshot(core)), `${method} as ${role} was refused (${json.error?.code}) but changed the database`).toEqual(withoutThrottle(before));
          } else seen.accepted++;
          // A call may end or lock the caller's own session (auth.logout, auth.lock): sign in again.
          // The fuzzer's own wrong passwords would lock its accounts: their count is cleared here.
          if (method.startsWith('auth.') || json.error?.code === 'auth.required' || json.error?.code === 'auth.session-locked') {
            core.db.prepare('DELETE FROM login_throttle').run();
            await signInAs(role);
          }
        }),
        { numRuns: Number(process.env.ACOGIDA_FUZZ_RUNS ?? 12), seed: 2026 },
      );
    }
    const alive = await fetch(`${url}api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(alive.status).toBe(200);
    expect(seen.calls).toBe(methods.length * Number(process.env.ACOGIDA_FUZZ_RUNS ?? 12));
    expect(seen.refused).toBeGreaterThan(0);
    console.log(`fuzz: ${seen.calls} calls over ${methods.length} methods, ${seen.accepted} accepted, ${seen.refused} refused`);
  }, 600_000);
});
