import { uuidv7 } from 'uuidv7';
import type { Core, ServiceContext } from '../../context';
import type { Database } from '../../db/driver';
import { insertRow, updateRow } from '../../db/replicated';
import { CLINICIANS, type Role } from '../../roles';
import { onSessionClosed } from '../../sessions';
import type { Service } from './contract';
import { deriveWrapKey, freshWrapKey, newKeyPair, openSealedToMe, openWith, parseSecretWrap, sealWith, wrapUnder, type KeyPair } from './crypto';
import { careKeyRows, grantsOfUser, liveClinicianKey, liveClinicianKeyIds, liveGrant, liveGrantIdsOfUser, type ClinicianKeyRow } from './store';

/**
 * Who holds what, in memory only. A clinician's private key is opened at sign-in (and unlock)
 * with the password they typed, kept for that session alone, and forgotten when the session
 * locks or ends; care keys are opened from the grants on first use. Nothing here is written
 * anywhere: a copy of the database holds only sealed keys.
 */
interface SessionKeys {
  pair: (KeyPair & { id: string }) | null;
  careKeys: Map<string, Buffer>;
}

const BY_CORE = new WeakMap<Core, Map<string, SessionKeys>>();

function sessionsOf(core: Core): Map<string, SessionKeys> {
  let sessions = BY_CORE.get(core);
  if (!sessions) BY_CORE.set(core, (sessions = new Map()));
  return sessions;
}

/** Forgets a session's keys (lock, sign-out, switch of user): the next use needs the password. */
export function forgetSessionKeys(core: Core, sessionId: string | null): void {
  if (!sessionId) return;
  const keys = sessionsOf(core).get(sessionId);
  if (!keys) return;
  for (const key of keys.careKeys.values()) key.fill(0);
  keys.pair?.privateKey.fill(0);
  sessionsOf(core).delete(sessionId);
}

/** Whether a session holds opened keys now (for tests: the idle lock must leave none in memory). */
export const holdsSessionKeys = (core: Core, sessionId: string): boolean => sessionsOf(core).has(sessionId);

// The idle lock and the end of a session's lifetime forget the keys too.
onSessionClosed(forgetSessionKeys);

export const isClinician = (roles: readonly Role[]): boolean => roles.some((r) => CLINICIANS.includes(r));
export const privateAad = (row: { id: string; user_id: string }) => `clinician_keys|${row.id}|${row.user_id}`;
export const grantAad = (careKeyId: string, clinicianKeyId: string) => `care_key_grants|${careKeyId}|${clinicianKeyId}`;
export const recoveryAad = (careKeyId: string) => `care_keys|${careKeyId}|recovery`;

// Sign-in and unlock: the slow derivation happens in `prepare`, the opening in the transaction.

export interface ClinicianUnlock {
  userId: string;
  existing: { row: ClinicianKeyRow; key: Buffer } | null;
  fresh: Awaited<ReturnType<typeof freshWrapKey>> | null;
}

/**
 * What signing in needs to open (or, the first time, to create) a clinician's key pair. Null for
 * a non-clinician, and for a clinician whose password an admin set and who has no key yet: a key
 * sealed under a password someone else knows would protect nothing.
 */
export async function prepareClinicianUnlock(db: Database, user: { id: string; roles: readonly Role[]; passwordSelfSet: boolean }, password: string): Promise<ClinicianUnlock | null> {
  if (!isClinician(user.roles)) return null;
  const row = liveClinicianKey(db, user.id);
  const wrap = row ? parseSecretWrap(row.private_wrap) : null;
  if (row && wrap) return { userId: user.id, existing: { row, key: await deriveWrapKey(password, wrap) }, fresh: null };
  if (!user.passwordSelfSet) return null;
  return { userId: user.id, existing: null, fresh: await freshWrapKey(password) };
}

function remember(core: Core, sessionId: string, pair: KeyPair & { id: string }): void {
  forgetSessionKeys(core, sessionId);
  sessionsOf(core).set(sessionId, { pair, careKeys: new Map() });
}

function createClinicianKey(ctx: ServiceContext, userId: string, fresh: NonNullable<ClinicianUnlock['fresh']>): KeyPair & { id: string } {
  const pair = newKeyPair();
  const id = uuidv7();
  insertRow(ctx, 'clinician_keys', { user_id: userId, public_key: pair.publicKey, private_wrap: wrapUnder(fresh, pair.privateKey, privateAad({ id, user_id: userId })) }, { id });
  return { ...pair, id };
}

/** Opens (or creates) the signed-in clinician's key pair and keeps it for this session. */
export function completeClinicianUnlock(ctx: ServiceContext, sessionId: string, prepared: ClinicianUnlock | null): void {
  if (!prepared) return;
  if (prepared.existing) {
    const { row, key } = prepared.existing;
    const wrap = parseSecretWrap(row.private_wrap)!;
    const privateKey = openWith(key, wrap.sealed, privateAad(row));
    if (privateKey) remember(ctx.core, sessionId, { id: row.id, publicKey: row.public_key, privateKey });
    return;
  }
  if (prepared.fresh) remember(ctx.core, sessionId, createClinicianKey(ctx, prepared.userId, prepared.fresh));
}

// Password change: the private key is sealed again under the new password.

export interface ClinicianRekey {
  userId: string;
  existing: { row: ClinicianKeyRow; oldKey: Buffer } | null;
  fresh: Awaited<ReturnType<typeof freshWrapKey>>;
}

export async function prepareClinicianRekey(db: Database, user: { id: string; roles: readonly Role[] }, currentPassword: string, newPassword: string): Promise<ClinicianRekey | null> {
  if (!isClinician(user.roles) && !liveClinicianKey(db, user.id)) return null;
  const row = liveClinicianKey(db, user.id);
  const wrap = row ? parseSecretWrap(row.private_wrap) : null;
  return { userId: user.id, existing: row && wrap ? { row, oldKey: await deriveWrapKey(currentPassword, wrap) } : null, fresh: await freshWrapKey(newPassword) };
}

export function completeClinicianRekey(ctx: ServiceContext, sessionId: string, prepared: ClinicianRekey | null): void {
  if (!prepared) return;
  const existing = prepared.existing;
  const privateKey = existing ? openWith(existing.oldKey, parseSecretWrap(existing.row.private_wrap)!.sealed, privateAad(existing.row)) : null;
  if (existing && privateKey) {
    updateRow(ctx, 'clinician_keys', existing.row.id, { private_wrap: wrapUnder(prepared.fresh, privateKey, privateAad(existing.row)) });
    remember(ctx.core, sessionId, { id: existing.row.id, publicKey: existing.row.public_key, privateKey });
    return;
  }
  // No key yet (the first password of one's own), or one that no longer opens: a new pair.
  if (existing) updateRow(ctx, 'clinician_keys', existing.row.id, { deleted_at: ctx.clock.now().toISOString() });
  remember(ctx.core, sessionId, createClinicianKey(ctx, prepared.userId, prepared.fresh));
}

/**
 * An admin set this account's password: its key pair (sealed under the old password) and every
 * grant to it are withdrawn. The clinician gets the keys back from a colleague or with the
 * recovery code once they choose their own password again.
 */
export function withdrawClinicianKeys(ctx: ServiceContext, userId: string): void {
  const now = ctx.clock.now().toISOString();
  for (const id of liveGrantIdsOfUser(ctx.db, userId)) updateRow(ctx, 'care_key_grants', id, { deleted_at: now });
  for (const id of liveClinicianKeyIds(ctx.db, userId)) updateRow(ctx, 'clinician_keys', id, { deleted_at: now });
}

/** Withdraws every grant of a service's keys to a user. */
export function revokeGrants(ctx: ServiceContext, service: Service, userId: string): void {
  const now = ctx.clock.now().toISOString();
  for (const g of grantsOfUser(ctx.db, service, userId)) updateRow(ctx, 'care_key_grants', g.id, { deleted_at: now });
}

// Use.

export function sessionPair(ctx: ServiceContext): (KeyPair & { id: string }) | null {
  return ctx.actor.sessionId ? (sessionsOf(ctx.core).get(ctx.actor.sessionId)?.pair ?? null) : null;
}

/** A care key the caller holds now (its grant still live), opened; null if they hold none. */
export function heldCareKey(ctx: ServiceContext, careKeyId: string): Buffer | null {
  const keys = ctx.actor.sessionId ? sessionsOf(ctx.core).get(ctx.actor.sessionId) : undefined;
  if (!keys?.pair || !ctx.actor.userId) return null;
  const grant = liveGrant(ctx.db, careKeyId, ctx.actor.userId, keys.pair.id);
  if (!grant) {
    keys.careKeys.delete(careKeyId); // revoked since it was opened
    return null;
  }
  let key = keys.careKeys.get(careKeyId);
  if (!key) {
    key = openSealedToMe(keys.pair, grant.sealed, grantAad(careKeyId, keys.pair.id)) ?? undefined;
    if (key) keys.careKeys.set(careKeyId, key);
  }
  return key ?? null;
}

/** The key new records of a service are sealed under (the first created), if the caller holds it. */
export function currentCareKey(ctx: ServiceContext, service: Service): { id: string; key: Buffer } | null | 'none' {
  const rows = careKeyRows(ctx.db, service);
  if (!rows.length) return 'none';
  for (const row of rows) {
    const key = heldCareKey(ctx, row.id);
    if (key) return { id: row.id, key };
  }
  return null;
}

/** Keeps a care key opened some other way (setup, recovery) for this session. */
export function rememberCareKey(ctx: ServiceContext, careKeyId: string, key: Buffer): void {
  const keys = ctx.actor.sessionId ? sessionsOf(ctx.core).get(ctx.actor.sessionId) : undefined;
  keys?.careKeys.set(careKeyId, Buffer.from(key));
}

/**
 * Seals a value (a draft of a care form) under the caller's current care key of the service, for
 * this user alone: what is typed in a session form is never kept in the clear, not even while it
 * waits for the idle lock to lift. Null when the caller holds no key.
 */
export function sealForCaller(ctx: ServiceContext, service: Service, text: string, aad: string): { careKeyId: string; sealed: string } | null {
  const current = currentCareKey(ctx, service);
  if (!current || current === 'none') return null;
  return { careKeyId: current.id, sealed: sealWith(current.key, Buffer.from(text, 'utf8'), aad) };
}

export function openForCaller(ctx: ServiceContext, careKeyId: string, sealed: string, aad: string): string | null {
  const key = heldCareKey(ctx, careKeyId);
  const opened = key ? openWith(key, sealed, aad) : null;
  return opened ? opened.toString('utf8') : null;
}
