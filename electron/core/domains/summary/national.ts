import type pg from 'pg';
import { AppError } from '../../errors';
import { translate, type Locale } from '../../i18n/translate';
import type { DailySummary } from './contract';
import { composeSummary, mergeSummaries } from './facts';
import { upstreamCentres, upstreamFacts } from './upstream-store';

/**
 * The national office's summary (issue 19, item 4): the same DailySummary a desk computes, from
 * the upstream PostgreSQL, for one centre or for all of them added up. Needs only a login of the
 * national role (or a centre's own login, for its own centre): no desk, no copied file.
 */
export async function nationalSummary(
  client: pg.ClientBase,
  options: { centre?: string | undefined; from: string; to: string; now: string; locale: Locale },
): Promise<DailySummary> {
  const centres = await upstreamCentres(client);
  const chosen = options.centre ? centres.filter((c) => c.id === options.centre) : centres;
  if (chosen.length === 0) throw new AppError(options.centre ? 'summary.centre-unknown' : 'summary.no-centres', { centre: options.centre ?? '' });
  const parts: DailySummary[] = [];
  for (const centre of chosen) parts.push(composeSummary(options.from, options.to, options.now, await upstreamFacts(client, centre.id, options.from, options.to, options.now)));
  if (options.centre) return parts[0]!;
  return mergeSummaries(parts, translate(options.locale, 'summaryPdf.allCentres', { count: parts.length }));
}
