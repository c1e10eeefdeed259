import type { Input, MethodName, Output } from '../core/contract';
import type { Clock, Core } from '../core/context';
import { callOk } from '../core/testing/fixtures';
import { DEMO_PASSWORD } from './demo-data';
import { locale } from './runtime';

/** Calls as a signed-in demo user, so what the demo records carries that person's name. */
export async function signIn(core: Core, username: string) {
  const { token } = await callOk(core, 'auth.login', { username, password: DEMO_PASSWORD, locale });
  return <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callOk(core, method, input, { token });
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
