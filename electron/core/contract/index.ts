import type { z } from 'zod';
import { DOMAIN_METHODS, type DomainMethods } from '../domains/registry';

/**
 * Every method the UI or the CLI can call, by `domain.verb` name: the methods of the domains in
 * electron/core/domains/registry.ts (each declared in its domain's contract.ts).
 */
export const contract: DomainMethods = DOMAIN_METHODS;

export type Contract = DomainMethods;
export type MethodName = keyof Contract & string;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
