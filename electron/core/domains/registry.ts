import type { MethodSpec } from '../contract/method';
import type { DomainDefinition, TableRule } from './define';
import { domain as aid } from './aid/contract';
import { domain as alerts } from './alerts/contract';
import { domain as arrivals } from './arrivals/contract';
import { domain as audit } from './audit/contract';
import { domain as auth } from './auth/contract';
import { domain as care } from './care/contract';
import { domain as consent } from './consent/contract';
import { domain as drafts } from './drafts/contract';
import { domain as flow } from './flow/contract';
import { domain as institutions } from './institutions/contract';
import { domain as manifests } from './manifests/contract';
import { domain as names } from './names/contract';
import { domain as persons } from './persons/contract';
import { domain as referrals } from './referrals/contract';
import { domain as screening } from './screening/contract';
import { domain as settings } from './settings/contract';
import { domain as setup } from './setup/contract';
import { domain as stock } from './stock/contract';
import { domain as summary } from './summary/contract';
import { domain as maintenance } from './maintenance/contract';
import { domain as erasure } from './erasure/contract';
import { domain as sync } from './sync/contract';
import { domain as users } from './users/contract';

/**
 * THE list of domains. Adding a domain is its folder (contract.ts, messages.ts, service.ts,
 * store.ts) and one line here; the compiler then asks for its handlers in services.ts. Everything
 * the core keeps per method or per code is derived from this list: the contract, the permission
 * table, the error statuses, the texts and the replication map. Renderer-safe: it imports only
 * contracts and texts, never a service.
 */
export const DOMAINS = [
  setup,
  auth,
  users,
  audit,
  settings,
  names,
  arrivals,
  manifests,
  persons,
  consent,
  flow,
  institutions,
  alerts,
  screening,
  care,
  referrals,
  aid,
  stock,
  drafts,
  sync,
  summary,
  maintenance,
  erasure,
] as const;

type AnyDomain = (typeof DOMAINS)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every method of every domain, by `domain.verb` name. */
export type DomainMethods = UnionToIntersection<AnyDomain['methods']>;
/** Every error code a domain raises, with its transport status. */
export type DomainErrors = UnionToIntersection<AnyDomain['errors']>;
/** Every table that replicates upstream, each owned by one domain. */
export type ReplicatedTable = keyof UnionToIntersection<AnyDomain['tables']> & string;

function join<K extends 'methods' | 'errors' | 'tables'>(part: K, what: string): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  for (const domain of DOMAINS as readonly DomainDefinition[]) {
    for (const [key, value] of Object.entries(domain[part])) {
      // A name declared by two domains would silently shadow one of them: refuse to start instead.
      if (Object.prototype.hasOwnProperty.call(all, key)) throw new Error(`domains: ${what} ${key} is declared twice`);
      all[key] = value;
    }
  }
  return all;
}

export const DOMAIN_METHODS = join('methods', 'method') as DomainMethods & Record<string, MethodSpec>;
export const DOMAIN_ERRORS = join('errors', 'error code') as DomainErrors;
/** Every replicated table, the domain that owns it, and how its rows travel (issue 16 reads this). */
export const REPLICATION: Readonly<Record<ReplicatedTable, TableRule & { domain: string }>> = Object.fromEntries(
  (DOMAINS as readonly DomainDefinition[]).flatMap((d) => Object.entries(d.tables).map(([table, rule]) => [table, { ...rule, domain: d.name }])),
) as Record<ReplicatedTable, TableRule & { domain: string }>;
join('tables', 'table');
export const REPLICATED_TABLES = Object.keys(REPLICATION) as ReplicatedTable[];

/** Each domain's texts merged under one language, to be added to the core's catalogue. */
export function domainMessages(locale: 'es' | 'en'): { methods: Record<string, string>; errors: Record<string, string> } {
  return {
    methods: Object.assign({}, ...DOMAINS.map((d) => d.messages[locale].methods)),
    errors: Object.assign({}, ...DOMAINS.map((d) => d.messages[locale].errors)),
  };
}
