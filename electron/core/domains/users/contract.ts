import { z } from 'zod';
import { DisplayName, Id, IsoDateTime, Password, Role, Roles, Username } from '../../contract/common';
import { method } from '../../contract/method';
import { STAFF_ADMINS } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';

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
  'users.list': method({ access: STAFF_ADMINS, input: z.strictObject({ includeDisabled: z.boolean().default(true) }), output: z.array(User) }),
  /** Creates a staff account with its roles and an initial password. */
  'users.create': method({ access: STAFF_ADMINS, input: z.strictObject({ username: Username, displayName: DisplayName, roles: Roles, password: Password }),
    output: User,
  }),
  /** Changes a staff account's name or roles. */
  'users.update': method({ access: STAFF_ADMINS, input: z.strictObject({ id: Id, displayName: DisplayName.optional(), roles: Roles.optional() }),
    output: User,
  }),
  /** Disables or re-enables an account; a disabled account cannot sign in and its sessions end. */
  'users.setDisabled': method({ access: STAFF_ADMINS, input: z.strictObject({ id: Id, disabled: z.boolean() }), output: User }),
  /** Sets a new password for an account and lifts any lockout. */
  'users.resetPassword': method({ access: STAFF_ADMINS, input: z.strictObject({ id: Id, password: Password }), output: User }),
  /** Lifts a lockout after failed sign-ins. */
  'users.unlock': method({ access: STAFF_ADMINS, input: z.strictObject({ id: Id }), output: User }),
};

/** The users domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'users',
  methods: usersContract,
  errors: {
    'users.username-taken': 409,
    'users.not-found': 404,
    'users.last-admin': 409,
    'users.cannot-disable-self': 409,
    'users.own-roles': 403,
    'users.needs-admin': 403,
  },
  messages,
  tables: {
    users: { kind: 'editable', naturalKey: ['centre_id', 'username'] },
  },
});
