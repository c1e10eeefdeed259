import { revokeGrants, withdrawClinicianKeys } from '../care/keyring';
import type { User } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { canManageUser, isAdminGranted, type Role } from '../../roles';
import { endSessionsOfUser } from '../../sessions';
import { hashPassword } from '../../passwords';
import { activeAdminsOtherThan, clearLoginThrottle, findUser, listUsers, usernameTaken } from './store';

function loadUser(ctx: ServiceContext, id: string): User {
  const user = findUser(ctx.db, ctx.core.identity!.centreId, id, ctx.clock.now());
  if (!user) throw new AppError('users.not-found');
  ctx.records.add(id);
  return user;
}

/**
 * A manager manages the staff who hold no sensitive role; everything that grants, removes or
 * touches one (see ADMIN_GRANTED_ROLES) needs an admin, so a manager cannot give themselves alert
 * access, nor reset an alert officer's password and sign in as them. A grant of such a role is
 * audited as sensitive.
 */
function guardRoles(ctx: ServiceContext, target: User | null, newRoles: readonly Role[] | undefined): void {
  if (target && newRoles && target.id === ctx.actor.userId && !sameRoles(target.roles, newRoles))
    throw new AppError('users.own-roles');
  if (target && !canManageUser(ctx.actor.roles, target.roles)) throw new AppError('users.needs-admin');
  const changed = newRoles ? roleChanges(target?.roles ?? [], newRoles) : [];
  if (changed.some(isAdminGranted)) {
    if (!ctx.actor.roles.includes('admin')) throw new AppError('users.needs-admin');
    ctx.sensitive = true;
  }
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return roleChanges(a, b).length === 0;
}

/** Roles added or removed. */
function roleChanges(before: readonly Role[], after: readonly Role[]): Role[] {
  return [...after.filter((r) => !before.includes(r)), ...before.filter((r) => !after.includes(r))];
}


export const usersHandlers = {
  'users.list': handle('users.list', {
    run(ctx, input) {
      return listUsers(ctx.db, ctx.core.identity!.centreId, input.includeDisabled, ctx.clock.now());
    },
  }),

  'users.create': handle('users.create', {
    prepare: (_ctx, input) => hashPassword(input.password),
    run(ctx, input, passwordHash) {
      guardRoles(ctx, null, input.roles);
      if (usernameTaken(ctx.db, ctx.core.identity!.centreId, input.username)) throw new AppError('users.username-taken', { username: input.username });
      const id = insertRow(ctx, 'users', {
        username: input.username,
        display_name: input.displayName,
        roles: JSON.stringify([...new Set(input.roles)]),
        password_hash: passwordHash,
      });
      return loadUser(ctx, id);
    },
  }),

  'users.update': handle('users.update', {
    run(ctx, input) {
      const user = loadUser(ctx, input.id);
      guardRoles(ctx, user, input.roles);
      if (input.roles && user.roles.includes('admin') && !input.roles.includes('admin') && activeAdminsOtherThan(ctx.db, ctx.core.identity!.centreId, user.id) === 0)
        throw new AppError('users.last-admin');
      const patch: Record<string, unknown> = {};
      if (input.displayName !== undefined) patch.display_name = input.displayName;
      if (input.roles !== undefined) patch.roles = JSON.stringify([...new Set(input.roles)]);
      if (Object.keys(patch).length) updateRow(ctx, 'users', user.id, patch);
      // A clinical role taken away takes its notes key with it.
      if (input.roles) for (const [role, service] of [['psychologist', 'psychology'], ['health', 'medical']] as const)
        if (user.roles.includes(role) && !input.roles.includes(role)) revokeGrants(ctx, service, user.id);
      return loadUser(ctx, user.id);
    },
  }),

  'users.setDisabled': handle('users.setDisabled', {
    run(ctx, input) {
      const user = loadUser(ctx, input.id);
      guardRoles(ctx, user, undefined);
      if (input.disabled && user.id === ctx.actor.userId) throw new AppError('users.cannot-disable-self');
      if (input.disabled && user.roles.includes('admin') && activeAdminsOtherThan(ctx.db, ctx.core.identity!.centreId, user.id) === 0)
        throw new AppError('users.last-admin');
      if (input.disabled !== user.disabled) {
        updateRow(ctx, 'users', user.id, { disabled_at: input.disabled ? ctx.clock.now().toISOString() : null });
        if (input.disabled) endSessionsOfUser(ctx.core, user.id);
      }
      return loadUser(ctx, user.id);
    },
  }),

  'users.resetPassword': handle('users.resetPassword', {
    prepare: (_ctx, input) => hashPassword(input.password),
    run(ctx, input, passwordHash) {
      const user = loadUser(ctx, input.id);
      guardRoles(ctx, user, undefined);
      // A password someone else chose: the clinician's keys sealed under the old one are withdrawn
      // (docs/architecture.md, clinical fields); a colleague or the recovery code gives them back.
      updateRow(ctx, 'users', user.id, { password_hash: passwordHash, password_self_set: 0 });
      withdrawClinicianKeys(ctx, user.id);
      clearLoginThrottle(ctx.db, user.id);
      if (user.id !== ctx.actor.userId) endSessionsOfUser(ctx.core, user.id);
      return loadUser(ctx, user.id);
    },
  }),

  'users.unlock': handle('users.unlock', {
    run(ctx, input) {
      const user = loadUser(ctx, input.id);
      guardRoles(ctx, user, undefined);
      clearLoginThrottle(ctx.db, user.id);
      return loadUser(ctx, user.id);
    },
  }),
};
