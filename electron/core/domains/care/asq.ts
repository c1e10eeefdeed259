import type { Asq } from './contract';

/**
 * The published scoring of the ASQ (Ask Suicide-Screening Questions, NIMH): a "yes" to any of
 * questions 1–4, or declining to answer one, is a positive screen; then question 5 ("are you
 * having thoughts of killing yourself right now?") tells an acute positive (imminent risk: the
 * person may not leave until a full mental-health evaluation) from a non-acute one (a brief
 * suicide safety assessment is needed). All four "no" is negative. A positive screen without an
 * answer to question 5 is `incomplete`, which is treated as a positive.
 */
export function asqResult(asq: Asq): 'negative' | 'non_acute' | 'acute' | 'incomplete' {
  const first = [asq.wishedDead, asq.betterOffDead, asq.thoughtsOfKilling, asq.everTried];
  if (first.every((a) => a === 'no')) return 'negative';
  if (asq.thoughtsNow === 'yes' || asq.thoughtsNow === 'refused') return 'acute';
  if (asq.thoughtsNow === 'no') return 'non_acute';
  return 'incomplete';
}

export const isPositive = (result: ReturnType<typeof asqResult>): boolean => result !== 'negative';
