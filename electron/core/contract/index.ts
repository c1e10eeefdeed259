import type { z } from 'zod';
import { aidContract } from '../domains/aid/contract';
import { alertsContract } from '../domains/alerts/contract';
import { arrivalsContract } from '../domains/arrivals/contract';
import { auditContract } from '../domains/audit/contract';
import { authContract } from '../domains/auth/contract';
import { consentContract } from '../domains/consent/contract';
import { draftsContract } from '../domains/drafts/contract';
import { flowContract } from '../domains/flow/contract';
import { institutionsContract } from '../domains/institutions/contract';
import { manifestsContract } from '../domains/manifests/contract';
import { namesContract } from '../domains/names/contract';
import { personsContract } from '../domains/persons/contract';
import { screeningContract } from '../domains/screening/contract';
import { settingsContract } from '../domains/settings/contract';
import { stockContract } from '../domains/stock/contract';
import { setupContract } from '../domains/setup/contract';
import { usersContract } from '../domains/users/contract';

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
