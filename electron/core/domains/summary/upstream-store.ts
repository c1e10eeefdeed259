import type pg from 'pg';
import { addDays, zonedDayStart } from '../../time';
import type { SummaryFacts } from './facts';

/**
 * The summary's facts read from the upstream PostgreSQL for the national office (issue 19): the
 * same facts store.ts reads on a desk, computed by the upstream's `acogida.summary_*` functions
 * (sync/upstream-schema.ts, migration 4) over the merged current state of every desk of a centre.
 * Those functions return counts and opaque keys only, and refuse a centre's login any centre but
 * its own.
 */

export async function upstreamCentres(client: pg.ClientBase): Promise<{ id: string; name: string }[]> {
  const rows = await client.query<{ id: string; name: string }>('SELECT centre_id AS id, name FROM acogida.centres ORDER BY name');
  return rows.rows;
}

export async function upstreamFacts(client: pg.ClientBase, centreId: string, from: string, to: string, now: string): Promise<SummaryFacts> {
  const centre = (await client.query<{ name: string; time_zone: string }>('SELECT * FROM acogida.summary_centre($1)', [centreId])).rows[0];
  if (!centre) throw new Error(`upstream: no centre ${centreId}`);
  const start = zonedDayStart(from, centre.time_zone).toISOString();
  const end = zonedDayStart(addDays(to, 1), centre.time_zone).toISOString();
  const arrivals = await client.query<{ route: string; origin: string; n: string }>('SELECT * FROM acogida.summary_arrivals($1, $2, $3)', [centreId, from, to]);
  const stays = await client.query<{
    status: 'expected' | 'arrived' | 'no_show'; source: string; group_type: string; family_key: string; sex: string | null; age: number | null;
    languages: string; interpreter_needed: number; disabilities: string; earlier_stays: number; level: string | null; deadline_at: string | null; attended: boolean;
  }>('SELECT * FROM acogida.summary_stays($1, $2, $3)', [centreId, from, to]);
  const alerts = (await client.query<Record<'checked' | 'pending' | 'confirmed' | 'dismissed', string>>('SELECT * FROM acogida.summary_alerts($1, $2, $3)', [centreId, from, to])).rows[0]!;
  const delivered = await client.query<{ code: string; n: string }>('SELECT * FROM acogida.summary_delivered($1, $2, $3)', [centreId, start, end]);
  const lowStock = await client.query<{ code: string }>('SELECT * FROM acogida.summary_low_stock($1)', [centreId]);
  const care = (await client.query<Record<'pfa' | 'sessions' | 'medical' | 'flags', string>>('SELECT * FROM acogida.summary_care($1, $2, $3)', [centreId, start, end])).rows[0]!;
  const referrals = await client.query<{ status: string; code: string; overdue: boolean }>('SELECT * FROM acogida.summary_referrals($1, $2, $3, $4)', [centreId, start, end, now]);
  return {
    centre: centre.name,
    arrivals: arrivals.rows.map((r) => ({ route: r.route, origin: r.origin, n: Number(r.n) })),
    stays: stays.rows.map((s) => ({
      status: s.status,
      source: s.source,
      group_type: s.group_type,
      family_key: s.family_key,
      sex: s.sex,
      age: s.age,
      languages: JSON.parse(s.languages) as string[],
      interpreter_needed: s.interpreter_needed === 1,
      disabilities: JSON.parse(s.disabilities) as string[],
      earlier_stays: s.earlier_stays,
      screening: s.level && s.deadline_at ? { level: s.level, deadline_at: s.deadline_at, attended: s.attended } : null,
    })),
    alerts: { checked: Number(alerts.checked), pending: Number(alerts.pending), confirmed: Number(alerts.confirmed), dismissed: Number(alerts.dismissed) },
    delivered: delivered.rows.map((d) => ({ code: d.code, n: Number(d.n) })),
    lowStock: lowStock.rows.map((r) => r.code),
    care: { pfa: Number(care.pfa), sessions: Number(care.sessions), medical: Number(care.medical), flags: Number(care.flags) },
    referrals: referrals.rows,
  };
}

/** Kit and service names by code in one language, of every centre (aid types are no one's personal data). */
export async function upstreamAidTypeNames(client: pg.ClientBase, locale: 'es' | 'en'): Promise<Record<string, string>> {
  const rows = await client.query<{ code: string; name: string }>(
    "SELECT data ->> 'code' AS code, data ->> $1 AS name FROM acogida.current_rows WHERE table_name = 'aid_types' AND data ->> 'deleted_at' IS NULL",
    [locale === 'en' ? 'name_en' : 'name_es'],
  );
  return Object.fromEntries(rows.rows.map((r) => [r.code, r.name]));
}
