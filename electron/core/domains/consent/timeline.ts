import type { TimelineEvent } from '../persons/contract';
import type { ServiceContext } from '../../context';
import { consentDecisions } from './store';

/** The consent domain's part of the timeline: each decision, granted or refused. */
export function consentEvents(ctx: ServiceContext, personId: string): TimelineEvent[] {
  return consentDecisions(ctx.db, personId).map((c) => ({
    at: String(c.recorded_at),
    kind: c.granted ? ('consent-granted' as const) : ('consent-refused' as const),
    arrivalId: null,
    detail: { purpose: String(c.purpose), institution: (c.institution_code ?? c.institution) as string | null, language: String(c.language), by: c.display_name as string | null },
  }));
}
