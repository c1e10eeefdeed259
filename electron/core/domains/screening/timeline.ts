import type { TimelineEvent } from '../persons/contract';
import type { ServiceContext } from '../../context';
import { screeningSummaries } from './service';
import { firstLevels, overridesOfPerson } from './store';

/** The screening domain's part of the timeline: the colour and who changed it, never the answers. */
export function screeningEvents(ctx: ServiceContext, personId: string): TimelineEvent[] {
  const first = firstLevels(ctx.db, personId);
  const events: TimelineEvent[] = [];
  for (const s of screeningSummaries(ctx.db, personId)) {
    events.push({ at: s.screenedAt, kind: 'screening', arrivalId: null, detail: { level: first.get(s.screeningId), sequence: s.sequence } });
    if (s.attendedAt) events.push({ at: s.attendedAt, kind: 'screening-attended', arrivalId: null, detail: { sequence: s.sequence } });
  }
  for (const o of overridesOfPerson(ctx.db, personId)) events.push({ at: o.decided_at, kind: 'screening-override', arrivalId: null, detail: { from: o.from_level, to: o.to_level } });
  return events;
}
