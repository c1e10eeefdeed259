import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may call a method. `public`: no session needed. `signed-in`: any role. A role list: at
 * least one of them.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** The access part of a method, as dispatch checks it. */
export interface Permission {
  access: Access;
  /** Callable from a locked session (the lock screen). */
  whileLocked?: boolean;
  /** The audit entry is marked as a read of sensitive data. */
  sensitive?: boolean;
}

/** One contract method: who may call it, and the zod schemas of what goes in and what comes out. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> extends Permission {
  input: I;
  output: O;
  /**
   * false only for calls that return no personal data and are asked repeatedly: progress, and
   * saving the caller's own unsent typing (drafts.save; reading or discarding it is audited).
   * 'read': a read that screens refresh; the same records read by the same user within a few
   * minutes is one audit entry, not one per refresh. Failures are audited all the same.
   */
  audit?: false | 'read';
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
