import type { Clock, Core } from '../../context';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { parseHlc } from '../../hlc';
import { translate } from '../../i18n/translate';
import { pendingChanges, CLOCK_SKEW_WARNING_MS, countQuarantined, readSyncRecord, syncConfigured, syncOnce, checkCentre, measureSkew } from '../../sync/engine';
import { checkUpstreamUrl, connectUpstream, rememberUpstream, shownUpstreamUrl, upstreamError } from '../../sync/connection';
import { requireUpstreamVersion } from '../../sync/upstream-schema';
import type { Locale } from '../../i18n/locales';
import type { SyncStatus } from './contract';
import type { ReplicatedTable } from '../registry';
import { CASEWORK, RECEPTION, STAFF_ADMINS, type Role } from '../../roles';
import { conflictCount, quarantined, recentConflicts, syncCursor } from './store';

/** Fields whose values a conflict list never shows, to anyone. */
const HIDDEN_FIELDS = new Set(['password_hash']);

/**
 * Who may read the values of a conflict, by table: those whose role reads that data on its own
 * screens (an admin keeps the system, not the case files; alert and screening details stay with
 * their officers). Anyone else sees which record and field, and when, but not the values.
 */
const VALUES_READABLE_BY: Readonly<Record<ReplicatedTable, readonly Role[]>> = {
  centres: STAFF_ADMINS,
  workstations: STAFF_ADMINS,
  users: STAFF_ADMINS,
  settings: STAFF_ADMINS,
  institutions: STAFF_ADMINS,
  aid_types: STAFF_ADMINS,
  stock_lots: RECEPTION,
  stock_movements: RECEPTION,
  arrivals: CASEWORK,
  manifest_imports: CASEWORK,
  persons: CASEWORK,
  person_arrivals: CASEWORK,
  duplicate_suggestions: CASEWORK,
  person_merges: CASEWORK,
  consents: CASEWORK,
  aid_deliveries: RECEPTION,
  belongings: RECEPTION,
  alert_list_versions: ['alert_officer'],
  alert_records: ['alert_officer'],
  alert_matches: ['alert_officer'],
  alert_checks: ['alert_officer'],
  alert_hold_resolutions: ['alert_officer'],
  screening_rule_versions: ['protection_officer', 'manager', 'admin'],
  screenings: ['protection_officer', 'manager'],
  screening_overrides: ['protection_officer', 'manager'],
  screening_attentions: ['protection_officer', 'manager'],
  screening_notices: ['protection_officer', 'manager'],
  // Care: the values are sealed (keys, notes) and mean nothing in a conflict log; the flags and
  // their actions' codes are what every caseworker may know.
  clinician_keys: [],
  care_keys: [],
  care_key_grants: [],
  care_records: [],
  care_risk_flags: CASEWORK,
  care_risk_actions: [],
  person_needs: CASEWORK,
  referrals: ['protection_officer', 'manager'],
  referral_events: ['protection_officer', 'manager'],
  referral_dismissals: ['protection_officer', 'manager'],
  follow_ups: ['protection_officer', 'manager'],
  case_closures: ['protection_officer', 'manager'],
  erasures: ['manager'],
  referral_route_versions: ['admin', 'protection_officer', 'manager'],
};

function mayReadValues(roles: readonly Role[], table: string): boolean {
  const allowed = (VALUES_READABLE_BY as Record<string, readonly Role[] | undefined>)[table];
  return allowed !== undefined && roles.some((r) => allowed.includes(r));
}

/** Connects, checks the schema and the centre this login belongs to; the clock skew on the way. */
export async function probe(url: string, centreId: string | null, clock: Clock): Promise<{ centreId: string; name: string; clockSkewMs: number }> {
  const checked = checkUpstreamUrl(url);
  const client = await connectUpstream(checked);
  try {
    await requireUpstreamVersion(client);
    const centre = await checkCentre(client, centreId);
    return { ...centre, clockSkewMs: await measureSkew(clock, client) };
  } catch (error) {
    throw upstreamError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts a sync soon, outside the call that asked for it (its transaction commits first). */
export function kick(core: Core): void {
  setTimeout(() => void core.sync?.now().catch(() => undefined), 0);
}

export function syncStatus(core: Core, locale: Locale, showUrl: boolean): SyncStatus {
  const configured = syncConfigured(core);
  const record = readSyncRecord(core.db);
  const pending = pendingChanges(core.db);
  const state = !configured
    ? 'off'
    : record.error?.code === 'sync.offline'
      ? 'offline'
      : record.error
        ? 'error'
        : pending > 0
          ? 'pending'
          : 'synced';
  return {
    state,
    configured,
    url: showUrl ? shownUpstreamUrl(core.db) : null,
    pending,
    lastOkAt: record.lastOkAt,
    offlineSince: record.error ? record.offlineSince : null,
    error: record.error ? { code: record.error.code, message: translate(locale, `errors.${record.error.code}`, record.error.details) } : null,
    clockSkewMs: record.clockSkewMs,
    clockWarning: record.clockSkewMs !== null && Math.abs(record.clockSkewMs) > CLOCK_SKEW_WARNING_MS,
    quarantined: countQuarantined(core.db),
    conflicts: conflictCount(core.db),
    cursor: syncCursor(core.db),
  };
}

function hlcTime(hlc: string): string {
  return new Date(parseHlc(hlc).wall).toISOString();
}

export const syncHandlers = {
  'sync.status': handle('sync.status', {
    run: (ctx) => syncStatus(ctx.core, ctx.locale, ctx.actor.roles.includes('admin')),
  }),

  'sync.now': handle('sync.now', {
    async prepare(ctx) {
      const counts = ctx.core.sync ? await ctx.core.sync.now() : syncConfigured(ctx.core) ? await syncOnce(ctx.core) : null;
      if (!counts) throw new AppError('sync.not-configured');
      return counts;
    },
    run: (_ctx, _input, counts) => counts,
  }),

  'sync.test': handle('sync.test', {
    prepare: (ctx, input) => probe(input.url, ctx.core.identity?.centreId ?? null, ctx.clock),
    run: (_ctx, _input, probed) => ({ centreName: probed.name, clockSkewMs: probed.clockSkewMs }),
  }),

  'sync.configure': handle('sync.configure', {
    prepare: (ctx, input) => probe(input.url, ctx.core.identity?.centreId ?? null, ctx.clock),
    run(ctx, input) {
      rememberUpstream(ctx.core, input.url);
      kick(ctx.core);
      return syncStatus(ctx.core, ctx.locale, true);
    },
  }),

  'sync.conflicts': handle('sync.conflicts', {
    run(ctx, input) {
      const entries = recentConflicts(ctx.db, input.limit).map((c) => {
        ctx.records.add(c.row_id);
        const hidden = HIDDEN_FIELDS.has(c.field) || !mayReadValues(ctx.actor.roles, c.table_name);
        return {
          id: c.id,
          table: c.table_name,
          rowId: c.row_id,
          field: c.field,
          keptValue: hidden ? null : c.kept_value,
          lostValue: hidden ? null : c.lost_value,
          keptAt: hlcTime(c.kept_hlc),
          lostAt: hlcTime(c.lost_hlc),
          detectedAt: c.detected_at,
        };
      });
      return { total: conflictCount(ctx.db), entries };
    },
  }),

  'sync.quarantine': handle('sync.quarantine', {
    run(ctx) {
      return quarantined(ctx.db).map((q) => {
        let reason = q.reason;
        try {
          const parsed = JSON.parse(q.reason) as { code: string; detail: string };
          reason = translate(ctx.locale, `sync.quarantine.${parsed.code}`, { detail: parsed.detail });
        } catch {
          // an older entry: its text as it is
        }
        return { seq: q.seq, table: q.table_name, rowId: q.row_id, reason, quarantinedAt: q.quarantined_at };
      });
    },
  }),

};
