import type { TimelineEvent } from '../persons/contract';
import type { ServiceContext } from '../../context';
import { eventsOf, referralsOfPerson } from './store';

/** The referrals domain's part of the timeline: each step of each referral, to which institution. */
export function referralEvents(ctx: ServiceContext, personId: string): TimelineEvent[] {
  const referrals = referralsOfPerson(ctx.db, personId);
  const events = eventsOf(ctx.db, referrals.map((r) => r.id));
  return referrals.flatMap((r) =>
    (events.get(r.id) ?? []).map((e) => ({ at: e.at, kind: 'referral' as const, arrivalId: null, detail: { status: e.status, institution: r.institution_code, service: r.service } })),
  );
}
