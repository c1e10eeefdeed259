import { z } from 'zod';
import { Empty, Id, Locale, Ok, Password, Role } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

export const SessionInfo = z.object({
  sessionId: Id,
  userId: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  locale: Locale,
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  centreName: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

const Credentials = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
  locale: Locale.optional(),
});

/** A new session: the token is what transports keep; the renderer under IPC never sees it. */
const NewSession = z.object({ token: z.string(), session: SessionInfo });

export const authContract = {
  /** Signs in with user name and password; repeated failures lock the account for a while. */
  'auth.login': method({ access: 'public', input: Credentials, output: NewSession }),
  /** Quick user switch: ends the current session and signs in another user at this workstation. */
  'auth.switchUser': method({ access: 'signed-in', whileLocked: true, input: Credentials, output: NewSession }),
  /** Ends the current session. */
  'auth.logout': method({ access: 'signed-in', whileLocked: true, input: Empty, output: Ok }),
  /** The current session (works while locked, so the lock screen can name its owner). */
  'auth.session': method({ access: 'signed-in', whileLocked: true, input: Empty, output: SessionInfo }),
  /** Locks the session (idle lock or by hand); only unlock, switch or logout work until unlocked. */
  'auth.lock': method({ access: 'signed-in', whileLocked: true, input: Empty, output: Ok }),
  /** Unlocks the session with the owner's password. */
  'auth.unlock': method({ access: 'signed-in', whileLocked: true, input: z.strictObject({ password: z.string().min(1).max(256) }), output: SessionInfo }),
  /** Sets the language of the session and the user's preference. */
  'auth.setLocale': method({ access: 'signed-in', whileLocked: true, input: z.strictObject({ locale: Locale }), output: Ok }),
  /** Changes the caller's own password. */
  'auth.changePassword': method({ access: 'signed-in', input: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: Password }),
    output: Ok,
  }),
};

/** The auth domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'auth',
  methods: authContract,
  errors: {
    'auth.invalid-credentials': 401,
    'auth.account-locked': 423,
    'auth.disabled': 403,
  },
  messages,
  tables: {},
});
