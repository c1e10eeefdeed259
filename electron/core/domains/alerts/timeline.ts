import type { TimelineEvent } from '../persons/contract';
import type { ServiceContext } from '../../context';
import { checksOf, holdEvents, protectionDecisions } from './store';

/** The alerts domain's part of the timeline, as every role may see it: when, never the list or why. */
export function alertEvents(ctx: ServiceContext, personId: string): TimelineEvent[] {
  return [
    ...checksOf(ctx.db, personId).map((c) => ({ at: c.created_at, kind: c.flagged ? ('alert-review' as const) : ('alert-clear' as const), arrivalId: null, detail: { trigger: c.trigger } })),
    ...protectionDecisions(ctx.db, personId).map((at) => ({ at, kind: 'protection-case' as const, arrivalId: null, detail: {} })),
    // A hold: when it began and when it ended, never why or how.
    ...holdEvents(ctx.db, personId).map((h) => ({ at: h.at, kind: h.kind, arrivalId: null, detail: {} })),
  ];
}
