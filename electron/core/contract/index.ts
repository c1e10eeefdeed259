import type { z } from 'zod';
import { aidContract } from './aid';
import { alertsContract } from './alerts';
import { arrivalsContract } from './arrivals';
import { auditContract } from './audit';
import { authContract } from './auth';
import { consentContract } from './consent';
import { draftsContract } from './drafts';
import { flowContract } from './flow';
import { institutionsContract } from './institutions';
import { manifestsContract } from './manifests';
import { namesContract } from './names';
import { personsContract } from './persons';
import { screeningContract } from './screening';
import { settingsContract } from './settings';
import { stockContract } from './stock';
import { setupContract } from './setup';
import { usersContract } from './users';

const domains = [
  setupContract,
  authContract,
  usersContract,
  auditContract,
  settingsContract,
  namesContract,
  arrivalsContract,
  manifestsContract,
  personsContract,
  consentContract,
  flowContract,
  institutionsContract,
  alertsContract,
  screeningContract,
  aidContract,
  stockContract,
  draftsContract,
] as const;

/** Every method the UI or the CLI can call, by `domain.verb` name. */
export const contract = {
  ...setupContract,
  ...authContract,
  ...usersContract,
  ...auditContract,
  ...settingsContract,
  ...namesContract,
  ...arrivalsContract,
  ...manifestsContract,
  ...personsContract,
  ...consentContract,
  ...flowContract,
  ...institutionsContract,
  ...alertsContract,
  ...screeningContract,
  ...aidContract,
  ...stockContract,
  ...draftsContract,
};

// A name declared by two domains would silently shadow one of them: refuse to start instead.
if (domains.reduce((n, d) => n + Object.keys(d).length, 0) !== Object.keys(contract).length) {
  throw new Error('contract: a method name is declared twice');
}

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
