import type { ServiceContext } from '../../context';
import { updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { failAfterCommit, handle } from '../../handler';
import type { Locale } from '../../i18n/translate';
import type { Role } from '../../roles';
import { createSession, endSession, endSessionsOfUser, sessionInfo } from '../../sessions';
import { zonedTime } from '../../time';
import { centreTimeZone } from '../../centre';
import { hashPassword, verifyPassword } from '../../passwords';
import { readSettings } from '../settings/store';
import { clearLoginThrottle } from '../users/store';
import { completeClinicianRekey, completeClinicianUnlock, forgetSessionKeys, prepareClinicianRekey, prepareClinicianUnlock, type ClinicianUnlock } from '../care/keyring';
import { lockSession, loginThrottle, loginUser, passwordHashOf, setSessionLocale, unlockSession, userById, writeLoginThrottle, type LoginUser } from './store';

interface Verified {
  userId: string | null;
  passwordOk: boolean;
  /** The clinician's key pair, to open once the sign-in is accepted (domains/care/keyring.ts). */
  clinician: ClinicianUnlock | null;
}

/** With the right password, what opening the clinician's keys needs (a second, slow derivation). */
async function clinicianUnlock(ctx: ServiceContext, user: LoginUser | undefined, password: string, passwordOk: boolean): Promise<ClinicianUnlock | null> {
  if (!user || !passwordOk || user.disabled_at) return null;
  return prepareClinicianUnlock(ctx.db, { id: user.id, roles: JSON.parse(user.roles) as Role[], passwordSelfSet: user.password_self_set === 1 }, password);
}

function findUser(ctx: ServiceContext, username: string): LoginUser | undefined {
  return loginUser(ctx.db, ctx.core.identity!.centreId, username);
}

async function verifyByName(ctx: ServiceContext, username: string, password: string): Promise<Verified> {
  const user = findUser(ctx, username);
  const passwordOk = await verifyPassword(password, user?.password_hash ?? null);
  return { userId: user?.id ?? null, passwordOk, clinician: await clinicianUnlock(ctx, user, password, passwordOk) };
}

async function verifyById(ctx: ServiceContext, password: string): Promise<Verified> {
  const passwordOk = await verifyPassword(password, ctx.actor.userId ? passwordHashOf(ctx.db, ctx.actor.userId) : null);
  const user = ctx.actor.userId ? userById(ctx.db, ctx.actor.userId) : undefined;
  return { userId: ctx.actor.userId, passwordOk, clinician: await clinicianUnlock(ctx, user, password, passwordOk) };
}

function lockedUntil(ctx: ServiceContext, userId: string): Date | null {
  const throttle = loginThrottle(ctx.db, userId);
  if (!throttle?.locked_until) return null;
  const until = new Date(throttle.locked_until);
  return until > ctx.clock.now() ? until : null;
}

function lockedError(ctx: ServiceContext, until: Date): AppError {
  return new AppError('auth.account-locked', { until: zonedTime(until, centreTimeZone(ctx)), untilIso: until.toISOString() });
}

/** Counts a failed attempt; returns the lockout end if this attempt reached the threshold. */
function recordFailure(ctx: ServiceContext, userId: string): Date | null {
  const settings = readSettings(ctx.db);
  const failures = (loginThrottle(ctx.db, userId)?.failures ?? 0) + 1;
  const lock = failures >= settings.lockoutThreshold;
  const until = lock ? new Date(ctx.clock.now().getTime() + settings.lockoutMinutes * 60_000) : null;
  writeLoginThrottle(ctx.db, userId, lock ? 0 : failures, until?.toISOString() ?? null);
  return until;
}

function clearFailures(ctx: ServiceContext, userId: string): void {
  clearLoginThrottle(ctx.db, userId);
}

function signIn(ctx: ServiceContext, input: { username: string; locale?: Locale | undefined }, verified: Verified) {
  if (!verified.userId) return failAfterCommit(new AppError('auth.invalid-credentials'));
  ctx.records.add(verified.userId);
  const until = lockedUntil(ctx, verified.userId);
  if (until) return failAfterCommit(lockedError(ctx, until));
  const user = findUser(ctx, input.username)!;
  // A disabled account answers exactly as a wrong password does, right password or not: the
  // screen must not confirm to a stranger that they guessed a real, if disabled, password.
  if (!verified.passwordOk || user.disabled_at) {
    const lockedNow = recordFailure(ctx, verified.userId);
    return failAfterCommit(lockedNow ? lockedError(ctx, lockedNow) : new AppError('auth.invalid-credentials'));
  }
  clearFailures(ctx, user.id);
  const { token, sessionId } = createSession(ctx.core, user.id, input.locale ?? user.locale);
  completeClinicianUnlock(ctx, sessionId, verified.clinician);
  ctx.onRollback(() => forgetSessionKeys(ctx.core, sessionId));
  // The new session's owner is who this call is audited as.
  ctx.actor = { kind: 'user', userId: user.id, username: input.username, roles: JSON.parse(user.roles) as Role[], sessionId };
  return { token, session: sessionInfo(ctx.core, sessionId) };
}

export const authHandlers = {
  'auth.login': handle('auth.login', {
    prepare: (ctx, input) => verifyByName(ctx, input.username, input.password),
    run: signIn,
    auditUsername: (input) => input.username,
  }),

  'auth.switchUser': handle('auth.switchUser', {
    prepare: (ctx, input) => verifyByName(ctx, input.username, input.password),
    run(ctx, input, verified) {
      const previous = ctx.actor.sessionId;
      const result = signIn(ctx, input, verified);
      if (previous && 'token' in result) endSession(ctx.core, previous);
      return result;
    },
  }),

  'auth.logout': handle('auth.logout', {
    run(ctx) {
      endSession(ctx.core, ctx.actor.sessionId!);
      return { ok: true as const };
    },
  }),

  'auth.session': handle('auth.session', {
    run: (ctx) => sessionInfo(ctx.core, ctx.actor.sessionId!),
  }),

  'auth.lock': handle('auth.lock', {
    run(ctx) {
      lockSession(ctx.db, ctx.actor.sessionId!, ctx.clock.now().toISOString());
      forgetSessionKeys(ctx.core, ctx.actor.sessionId); // the password opens them again at unlock
      return { ok: true as const };
    },
  }),

  'auth.unlock': handle('auth.unlock', {
    prepare: (ctx, input) => verifyById(ctx, input.password),
    run(ctx, _input, verified) {
      const userId = ctx.actor.userId!;
      const sessionId = ctx.actor.sessionId!;
      const until = lockedUntil(ctx, userId);
      if (until) {
        endSession(ctx.core, sessionId);
        return failAfterCommit(lockedError(ctx, until));
      }
      if (!verified.passwordOk) {
        const lockedNow = recordFailure(ctx, userId);
        if (lockedNow) endSession(ctx.core, sessionId);
        return failAfterCommit(lockedNow ? lockedError(ctx, lockedNow) : new AppError('auth.invalid-credentials'));
      }
      clearFailures(ctx, userId);
      unlockSession(ctx.db, sessionId);
      completeClinicianUnlock(ctx, sessionId, verified.clinician);
      return sessionInfo(ctx.core, sessionId);
    },
  }),

  'auth.setLocale': handle('auth.setLocale', {
    run(ctx, input) {
      setSessionLocale(ctx.db, ctx.actor.sessionId!, input.locale);
      updateRow(ctx, 'users', ctx.actor.userId!, { locale: input.locale });
      return { ok: true as const };
    },
  }),

  'auth.changePassword': handle('auth.changePassword', {
    async prepare(ctx, input) {
      const verified = await verifyById(ctx, input.currentPassword);
      const user = userById(ctx.db, ctx.actor.userId!);
      const rekey = verified.passwordOk && user ? await prepareClinicianRekey(ctx.db, { id: user.id, roles: JSON.parse(user.roles) as Role[] }, input.currentPassword, input.newPassword) : null;
      return { ...verified, rekey, newHash: verified.passwordOk ? await hashPassword(input.newPassword) : null };
    },
    run(ctx, _input, prepared) {
      if (!prepared.passwordOk || !prepared.newHash) {
        const lockedNow = recordFailure(ctx, ctx.actor.userId!);
        return failAfterCommit(lockedNow ? lockedError(ctx, lockedNow) : new AppError('auth.invalid-credentials'));
      }
      updateRow(ctx, 'users', ctx.actor.userId!, { password_hash: prepared.newHash, password_self_set: 1 });
      // A clinician's key pair is sealed again under the new password (created, the first time).
      completeClinicianRekey(ctx, ctx.actor.sessionId!, prepared.rekey);
      // Whoever else holds a session of this account (another desk, a stolen token) is signed out.
      endSessionsOfUser(ctx.core, ctx.actor.userId!, ctx.actor.sessionId);
      return { ok: true as const };
    },
  }),
};
