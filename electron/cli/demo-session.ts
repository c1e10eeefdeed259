import type { Input, MethodName, Output } from '../core/contract';
import type { Clock, Core } from '../core/context';
import { dispatch } from '../core/dispatch';
import { DEMO_PASSWORD } from './demo-data';
import { CliFailure, locale } from './runtime';

/** Calls as a signed-in demo user, so what the demo records carries that person's name. */
export async function signIn(core: Core, username: string) {
  const login = await dispatch(core, 'auth.login', { username, password: DEMO_PASSWORD, locale });
  if (!login.ok) throw new CliFailure(login.error);
  const token = (login.value as Output<'auth.login'>).token;
  return async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await dispatch(core, method, input, { token });
    if (!result.ok) throw new CliFailure(result.error);
    return result.value as Output<M>;
  };
}

/** Runs `body` as if it were `at` (the centre's recent past), then puts the real clock back. */
export async function asOf<T>(core: Core, at: Date, body: () => Promise<T>): Promise<T> {
  const real: Clock = core.clock;
  core.clock = { now: () => at };
  try {
    return await body();
  } finally {
    core.clock = real;
  }
}
