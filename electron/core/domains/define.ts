import type { MethodSpec } from '../contract/method';

/**
 * How a table's rows travel between the desks and upstream (issue 16 reads this, nothing else):
 * `editable` rows change field by field after they are written (the latest change of each field
 * wins); `append-only` rows are facts written once and never changed (a correction is a new row).
 * `naturalKey`: the columns that name the same thing on two desks (besides the row id), empty
 * when only the id does. Two desks that create the same natural key apart (neither knowing the
 * other's record) end with one live record, the smaller id (electron/core/sync/apply.ts).
 */
export interface TableRule {
  kind: 'editable' | 'append-only';
  naturalKey: readonly string[];
}

/** Texts a domain adds to the core's catalogue, in every language: its methods' names, its errors' messages. */
export interface DomainMessages {
  /** What each method does, as the audit viewer names it ("Registrar persona"). */
  methods: Record<string, string>;
  errors: Record<string, string>;
}

/**
 * One domain: its methods (schemas, access, sensitivity), the error codes it raises with their
 * transport status, its texts in Spanish and English, and the replicated tables it owns. Its
 * handlers live in service.ts beside it (electron/core/domains/services.ts joins them).
 */
export interface DomainDefinition<
  N extends string = string,
  M extends Record<string, MethodSpec> = Record<string, MethodSpec>,
  E extends Record<string, number> = Record<string, number>,
  T extends Record<string, TableRule> = Record<string, TableRule>,
> {
  name: N;
  methods: M;
  errors: E;
  messages: { es: DomainMessages; en: DomainMessages };
  tables: T;
}

/**
 * Checks, while the module loads, what the types cannot: both languages name every method and
 * say every error the domain raises, and no text is left for a method or code it does not have.
 */
export function defineDomain<
  const N extends string,
  M extends Record<string, MethodSpec>,
  const E extends Record<string, number>,
  const T extends Record<string, TableRule>,
>(domain: DomainDefinition<N, M, E, T>): DomainDefinition<N, M, E, T> {
  for (const code of Object.keys(domain.errors)) {
    for (const locale of ['es', 'en'] as const)
      if (!(code in domain.messages[locale].errors)) throw new Error(`domain ${domain.name}: error ${code} has no ${locale} message`);
  }
  for (const locale of ['es', 'en'] as const) {
    for (const code of Object.keys(domain.messages[locale].errors))
      if (!(code in domain.errors)) throw new Error(`domain ${domain.name}: message for ${code}, which the domain does not raise`);
    for (const name of Object.keys(domain.methods))
      if (!domain.messages[locale].methods[name]) throw new Error(`domain ${domain.name}: method ${name} has no ${locale} name`);
    for (const name of Object.keys(domain.messages[locale].methods))
      if (!(name in domain.methods)) throw new Error(`domain ${domain.name}: a name for ${name}, which is not one of its methods`);
  }
  return domain;
}
