import { z } from 'zod';
import shipped from '../../../resources/data/referral-routes.json';
import { CountryIso3 } from '../contract/common';
import { INDICATOR_IDS } from '../screening/instrument';

/**
 * Referral routes (docs/spec.md, station 8) as data: facts about a person (where they return,
 * age, travel group, screening indicators, needs they expressed, whether they hold an identity
 * document) propose an institution of the directory, a service, a priority and a deadline. Pure:
 * the CLI proposes without a database, the core with the version in force.
 */

export const NEEDS = ['work', 'training', 'identity_document', 'birth_registration', 'health', 'addiction', 'shelter', 'legal_advice', 'family_reunification', 'school'] as const;
export type Need = (typeof NEEDS)[number];

const Code = z.string().trim().min(1).max(60);

export type Condition = {
  travelling?: ('alone' | 'family' | 'unaccompanied_minor')[];
  age_below?: number;
  age_at_least?: number;
  indicators_any?: string[];
  needs_any?: string[];
  has_identity_document?: boolean;
  any?: Condition[];
};
const Condition: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      travelling: z.array(z.enum(['alone', 'family', 'unaccompanied_minor'])).min(1).optional(),
      age_below: z.number().int().min(0).max(130).optional(),
      age_at_least: z.number().int().min(0).max(130).optional(),
      indicators_any: z.array(Code).min(1).optional(),
      needs_any: z.array(z.enum(NEEDS)).min(1).optional(),
      has_identity_document: z.boolean().optional(),
      any: z.array(Condition).min(1).optional(),
    })
    .refine((c) => Object.keys(c).length > 0, { error: 'validation.routeEmptyCondition' }),
);

export const Route = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,60}$/),
  /** ISO3 of the country the person returns to, or * for every country. */
  country: z.union([z.literal('*'), z.string().regex(/^[A-Z]{3}$/)]),
  when: Condition,
  institution: z.string().trim().min(2).max(20),
  service: Code,
  priority: z.enum(['high', 'normal']),
});
export type Route = z.infer<typeof Route>;

export const RoutesDocument = z
  .strictObject({
    version: z.number().int().min(1),
    note: z.string().max(2000).optional(),
    deadline_hours: z.strictObject({ high: z.number().int().min(1).max(720), normal: z.number().int().min(1).max(720) }),
    routes: z.array(Route).min(1).max(500),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.routes.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['routes', i, 'id'], message: 'validation.screeningDuplicate', params: { id: r.id } });
      seen.add(r.id);
    });
  });
export type RoutesDocument = z.infer<typeof RoutesDocument>;

/** What the CLI's --facts file holds (and what the core builds from a person's records). */
export const Facts = z.strictObject({
  country: CountryIso3,
  age: z.number().int().min(0).max(130).nullable().optional(),
  travelling: z.enum(['alone', 'family', 'unaccompanied_minor']).optional(),
  indicators: z.array(z.string().refine((id) => INDICATOR_IDS.includes(id), { error: 'validation.referralIndicator' })).max(100).default([]),
  needs: z.array(z.enum(NEEDS)).max(NEEDS.length).default([]),
  has_identity_document: z.boolean().optional(),
});
export type Facts = z.infer<typeof Facts>;

export interface Proposal {
  institution: string;
  service: string;
  priority: 'high' | 'normal';
  deadline_hours: number;
  rule: string;
}

/** The routes shipped with the app, checked once when first asked for. */
let checked: RoutesDocument | null = null;
export function shippedRoutes(): RoutesDocument {
  checked ??= RoutesDocument.parse(shipped);
  return checked;
}

function holds(c: Condition, f: Facts): boolean {
  if (c.travelling && !(f.travelling && c.travelling.includes(f.travelling))) return false;
  if (c.age_below !== undefined && !(typeof f.age === 'number' && f.age < c.age_below)) return false;
  if (c.age_at_least !== undefined && !(typeof f.age === 'number' && f.age >= c.age_at_least)) return false;
  if (c.indicators_any && !c.indicators_any.some((i) => f.indicators.includes(i))) return false;
  if (c.needs_any && !c.needs_any.some((n) => (f.needs as readonly string[]).includes(n))) return false;
  // Unknown is not "no": only a recorded answer fires a rule on the document.
  if (c.has_identity_document !== undefined && f.has_identity_document !== c.has_identity_document) return false;
  if (c.any && !c.any.some((sub) => holds(sub, f))) return false;
  return true;
}

/**
 * The referrals the routes propose for these facts, high priority first, one per institution and
 * service (the first rule that proposes it names it).
 */
export function proposeReferrals(facts: Facts, doc: RoutesDocument = shippedRoutes()): Proposal[] {
  const out = new Map<string, Proposal>();
  for (const route of doc.routes) {
    if (route.country !== '*' && route.country !== facts.country) continue;
    if (!holds(route.when, facts)) continue;
    const key = `${route.institution}|${route.service}`;
    const proposal = { institution: route.institution, service: route.service, priority: route.priority, deadline_hours: doc.deadline_hours[route.priority], rule: route.id };
    const had = out.get(key);
    if (!had || (had.priority === 'normal' && route.priority === 'high')) out.set(key, proposal);
  }
  return [...out.values()].sort((a, b) => (a.priority === b.priority ? 0 : a.priority === 'high' ? -1 : 1));
}
