import type { ServiceContext } from '../../context';
import { insertRow } from '../../db/replicated';
import { handle } from '../../handler';
import { DEFAULT_RULES, evaluateRules, LEVELS, RulesSchema, type Level, type Rules } from '../../screening/rules';
import { ruleVersionRows, screeningsSince, type VersionRow } from './store';

export interface RulesVersion {
  version: number;
  rules: Rules;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

/** The shipped rules stand as version 1 until an admin saves version 2: nothing to seed. */
const SHIPPED: RulesVersion = { version: DEFAULT_RULES.version, rules: DEFAULT_RULES.rules, note: null, createdBy: 'Acogida', createdAt: '' };

// Stored rules may have come from another workstation: they are parsed, never trusted.
const toVersion = (r: VersionRow): RulesVersion => ({ version: r.version, rules: RulesSchema.parse(JSON.parse(r.rules)), note: r.note, createdBy: r.created_by, createdAt: r.created_at });

/** Every version of this centre's rules, newest first, the shipped one last. */
export function rulesVersions(ctx: ServiceContext): RulesVersion[] {
  const rows = ruleVersionRows(ctx.db, ctx.core.identity!.centreId).map(toVersion);
  return rows.some((r) => r.version === SHIPPED.version) ? rows : [...rows, SHIPPED];
}

/** The rules a new screening uses. */
export function activeRules(ctx: ServiceContext): RulesVersion {
  return rulesVersions(ctx)[0]!;
}

/** The rules a given screening was decided with (an override keeps that version's deadlines). */
export function rulesOfVersion(ctx: ServiceContext, version: number): Rules {
  return (rulesVersions(ctx).find((v) => v.version === version) ?? SHIPPED).rules;
}

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

const zero = (): Record<Level, number> => ({ red: 0, yellow: 0, green: 0 });

export const screeningRulesHandlers = {
  'screening.rules': handle('screening.rules', {
    run(ctx) {
      const versions = rulesVersions(ctx);
      return { active: versions[0]!, versions };
    },
  }),

  'screening.previewRules': handle('screening.previewRules', {
    run(ctx, input) {
      const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString();
      const rows = screeningsSince(ctx.db, ctx.core.identity!.centreId, since);
      const current = zero();
      const proposed = zero();
      const changes = [];
      for (const r of rows) {
        // Compared with what the rules decided then, not with an officer's override.
        const next = evaluateRules(input.rules, JSON.parse(r.indicators) as string[]).level;
        current[r.level] += 1;
        proposed[next] += 1;
        if (next !== r.level) changes.push({ screeningId: r.id, sequence: r.sequence, screenedAt: r.screened_at, from: r.level, to: next });
      }
      return { considered: rows.length, current, proposed, changes };
    },
  }),

  'screening.saveRules': handle('screening.saveRules', {
    run(ctx, input) {
      const version = Math.max(...rulesVersions(ctx).map((v) => v.version)) + 1;
      insertRow(ctx, 'screening_rule_versions', { version, rules: JSON.stringify(input.rules), note: input.note, created_by: ctx.actor.userId ?? ctx.actor.username });
      return activeRules(ctx);
    },
  }),
};

export { LEVELS };
