import { INDICATOR_IDS, raisedIndicators, type Answers } from './instrument';
import { evaluateRules, type Evaluation, type Rules } from './rules';

/** Indicator ids that the instrument does not define. */
export function unknownIndicators(ids: readonly string[]): string[] {
  return ids.filter((id) => !INDICATOR_IDS.includes(id));
}

/**
 * Checked answers (and indicators given directly, as the CLI does) to the colour: the
 * indicators raised, then the rules. Pure; the service and the CLI share it.
 */
export function evaluateScreening(rules: Rules, answers: Answers, extra: readonly string[] = []): Evaluation & { indicators: string[] } {
  const raised = new Set([...raisedIndicators(answers), ...extra]);
  const indicators = INDICATOR_IDS.filter((id) => raised.has(id));
  return { indicators, ...evaluateRules(rules, indicators) };
}
