import { z } from 'zod';
import rulesJson from '../../../resources/data/screening-rules.json';
import { INDICATOR_IDS } from './instrument';

/**
 * The traffic light as data (docs/spec.md, station 5): which indicators make a screening red or yellow,
 * and how many hours each colour gives to act. Red is tried first, then yellow; otherwise
 * green. The default lives in resources/data/screening-rules.json; an admin saves new versions.
 */

export const LEVELS = ['red', 'yellow', 'green'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

const Indicator = z.string().max(60);
const Hours = z.number().int().min(1).max(24 * 30);
const AtLeast = z.strictObject({ count: z.number().int().min(1).max(20), of: z.array(Indicator).min(1).max(40) });
const Tier = z.strictObject({ deadline_hours: Hours, any: z.array(Indicator).max(40), at_least: z.array(AtLeast).max(10) });

const issue = (path: (string | number)[], message: string, params: Record<string, unknown> = {}) => ({ code: 'custom' as const, path, message, params });

const rulesShape = { red: Tier, yellow: Tier, green: z.strictObject({ deadline_hours: Hours }) };
type RulesBody = z.infer<z.ZodObject<typeof rulesShape>>;

function checkRules(rules: RulesBody, ctx: z.RefinementCtx): void {
    for (const tier of ['red', 'yellow'] as const) {
      const lists: { path: (string | number)[]; ids: string[] }[] = [
        { path: [tier, 'any'], ids: rules[tier].any },
        ...rules[tier].at_least.map((g, i) => ({ path: [tier, 'at_least', i, 'of'], ids: g.of })),
      ];
      for (const { path, ids } of lists) {
        ids.forEach((id, i) => {
          if (!INDICATOR_IDS.includes(id)) ctx.addIssue(issue([...path, i], 'validation.screeningUnknownIndicator', { id }));
          if (ids.indexOf(id) !== i) ctx.addIssue(issue([...path, i], 'validation.screeningDuplicate', { id }));
        });
      }
      rules[tier].at_least.forEach((g, i) => {
        if (g.count > g.of.length) ctx.addIssue(issue([tier, 'at_least', i, 'count'], 'validation.screeningCount', { count: g.count, size: g.of.length }));
      });
    }
    // An indicator in both colours would be red anyway: refuse the ambiguity instead of hiding it.
  rules.yellow.any.forEach((id, i) => {
      if (rules.red.any.includes(id)) ctx.addIssue(issue(['yellow', 'any', i], 'validation.screeningBothLevels', { id }));
    });
    if (rules.red.deadline_hours > rules.yellow.deadline_hours || rules.yellow.deadline_hours > rules.green.deadline_hours)
      ctx.addIssue(issue(['green', 'deadline_hours'], 'validation.screeningDeadlineOrder'));
}

/** The body of a rules version (what an admin edits), checked against the instrument's indicators. */
export const RulesSchema = z.strictObject(rulesShape).superRefine(checkRules);
export type Rules = z.infer<typeof RulesSchema>;

/** A rules file: a version number and the body. */
export const RulesFileSchema = z.strictObject({ version: z.number().int().min(1), ...rulesShape }).superRefine(checkRules);

const DEFAULT_FILE = RulesFileSchema.parse(rulesJson);
/** The shipped rules, version 1 of every centre until an admin saves another. */
export const DEFAULT_RULES: { version: number; rules: Rules } = {
  version: DEFAULT_FILE.version,
  rules: { red: DEFAULT_FILE.red, yellow: DEFAULT_FILE.yellow, green: DEFAULT_FILE.green },
};

export interface Evaluation {
  level: Level;
  deadlineHours: number;
  /** The indicators that decided the colour (empty for green). */
  reasons: string[];
}

/** The colour, its deadline and the indicators that decided it. Pure: same input, same answer. */
export function evaluateRules(rules: Rules, indicators: readonly string[]): Evaluation {
  const present = new Set(indicators);
  for (const level of ['red', 'yellow'] as const) {
    const tier = rules[level];
    const reasons = tier.any.filter((id) => present.has(id));
    for (const group of tier.at_least) {
      const hit = group.of.filter((id) => present.has(id));
      if (hit.length >= group.count) reasons.push(...hit.filter((id) => !reasons.includes(id)));
    }
    if (reasons.length) return { level, deadlineHours: tier.deadline_hours, reasons };
  }
  return { level: 'green', deadlineHours: rules.green.deadline_hours, reasons: [] };
}

export function deadlineHours(rules: Rules, level: Level): number {
  return rules[level].deadline_hours;
}
