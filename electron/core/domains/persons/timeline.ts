import type { TimelineEvent } from './contract';
import type { ServiceContext } from '../../context';
import { aidEvents } from '../aid/timeline';
import { alertEvents } from '../alerts/timeline';
import { careEvents } from '../care/timeline';
import { referralEvents } from '../referrals/timeline';
import { consentEvents } from '../consent/timeline';
import { screeningEvents } from '../screening/timeline';
import { mergesOf, staysForTimeline } from './store';

/** The persons domain's own part: each stay from expected to departed, and merges. */
function personEvents(ctx: ServiceContext, personId: string): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const pa of staysForTimeline(ctx.db, personId)) {
    const detail = { arrivalKind: pa.arrival_kind ?? null, reference: pa.reference ?? null, carrier: pa.carrier ?? null, originCountry: pa.origin_country ?? null, date: pa.arrival_date ?? null };
    const arrivalId = pa.arrival_id ?? null;
    if (pa.source === 'manifest') events.push({ at: pa.created_at!, kind: 'expected', arrivalId, detail });
    if (pa.checked_in_at) events.push({ at: pa.checked_in_at, kind: 'checked-in', arrivalId, detail });
    if (pa.registered_at) events.push({ at: pa.registered_at, kind: 'registered', arrivalId, detail });
    if (pa.status === 'no_show') events.push({ at: pa.updated_at!, kind: 'no-show', arrivalId, detail });
    if (pa.certificate_at) events.push({ at: pa.certificate_at, kind: 'certificate', arrivalId, detail });
    if (pa.departed_at) events.push({ at: pa.departed_at, kind: 'departed', arrivalId, detail });
  }
  for (const m of mergesOf(ctx.db, personId)) {
    events.push({ at: m.created_at!, kind: 'merged', arrivalId: null, detail: { mergeId: m.id!, sourceId: m.source_id ?? null, targetId: m.target_id ?? null, reason: m.reason ?? null } });
    if (m.undone_at) events.push({ at: m.undone_at, kind: 'unmerged', arrivalId: null, detail: { mergeId: m.id! } });
  }
  return events;
}

/**
 * What each domain adds to a person's timeline (the events it may show every role). A new domain
 * declares its events in its contract.ts (timelineEvent) and adds its contributor here.
 */
const CONTRIBUTORS: readonly ((ctx: ServiceContext, personId: string) => TimelineEvent[])[] = [personEvents, consentEvents, alertEvents, screeningEvents, careEvents, referralEvents, aidEvents];

/** Everything that happened to a person, newest first, across arrivals. */
export function timelineOf(ctx: ServiceContext, personId: string): TimelineEvent[] {
  return CONTRIBUTORS.flatMap((contribute) => contribute(ctx, personId)).sort((a, b) => b.at.localeCompare(a.at));
}
