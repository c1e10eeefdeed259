import type { TimelineEvent } from '../persons/contract';
import type { ServiceContext } from '../../context';
import { careRowsOfPerson, latestFlagOfPerson } from './store';

/** The care domain's part of the timeline: that care happened, by whom, how long; never what was said. */
export function careEvents(ctx: ServiceContext, personId: string): TimelineEvent[] {
  const events: TimelineEvent[] = careRowsOfPerson(ctx.db, personId).map((r) => ({
    at: r.held_at,
    kind: 'care',
    arrivalId: null,
    detail: { service: r.service, kind: r.kind as 'pfa', by: r.recorded_by_name, minutes: r.duration_minutes },
  }));
  const flag = latestFlagOfPerson(ctx.db, personId);
  if (flag) {
    events.push({ at: flag.raised_at, kind: 'care-risk', arrivalId: null, detail: { closed: false } });
    if (flag.closed_at) events.push({ at: flag.closed_at, kind: 'care-risk', arrivalId: null, detail: { closed: true } });
  }
  return events;
}
