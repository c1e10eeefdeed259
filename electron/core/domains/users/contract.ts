import { z } from 'zod';
import { DisplayName, Id, IsoDateTime, Password, Role, Roles, Username } from '../../contract/common';
import { method } from '../../contract/method';

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  disabled: z.boolean(),
  lockedUntil: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

export const usersContract = {
  /** Staff accounts of this centre (system accounts excluded). */
  'users.list': method({ input: z.strictObject({ includeDisabled: z.boolean().default(true) }), output: z.array(User) }),
  /** Creates a staff account with its roles and an initial password. */
  'users.create': method({
    input: z.strictObject({ username: Username, displayName: DisplayName, roles: Roles, password: Password }),
    output: User,
  }),
  /** Changes a staff account's name or roles. */
  'users.update': method({
    input: z.strictObject({ id: Id, displayName: DisplayName.optional(), roles: Roles.optional() }),
    output: User,
  }),
  /** Disables or re-enables an account; a disabled account cannot sign in and its sessions end. */
  'users.setDisabled': method({ input: z.strictObject({ id: Id, disabled: z.boolean() }), output: User }),
  /** Sets a new password for an account and lifts any lockout. */
  'users.resetPassword': method({ input: z.strictObject({ id: Id, password: Password }), output: User }),
  /** Lifts a lockout after failed sign-ins. */
  'users.unlock': method({ input: z.strictObject({ id: Id }), output: User }),
};
