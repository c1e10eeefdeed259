import type { TimelineEvent } from '../persons/contract';
import type { ServiceContext } from '../../context';
import { belongingsForTimeline, deliveriesForTimeline } from './store';

/** The kits station's part of the timeline: kits and services given (and voided), belongings kept and returned. */
export function aidEvents(ctx: ServiceContext, personId: string): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const d of deliveriesForTimeline(ctx.db, personId)) {
    const type = ctx.locale === 'en' ? d.name_en : d.name_es;
    events.push({ at: d.delivered_at, kind: 'aid-delivered', arrivalId: d.arrival_id, detail: { type, quantity: d.quantity, repeatReason: d.repeat_reason } });
    if (d.voided_at) events.push({ at: d.voided_at, kind: 'aid-voided', arrivalId: d.arrival_id, detail: { type, reason: d.void_reason } });
  }
  for (const b of belongingsForTimeline(ctx.db, personId)) {
    events.push({ at: b.received_at, kind: 'belongings-received', arrivalId: null, detail: { tag: b.tag_number, description: b.description } });
    if (b.returned_at) events.push({ at: b.returned_at, kind: 'belongings-returned', arrivalId: null, detail: { tag: b.tag_number, description: b.description } });
  }
  return events;
}
