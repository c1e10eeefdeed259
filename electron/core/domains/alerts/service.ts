import type { AlertMatch, AlertStatus, HoldInfo } from './contract';
import { PROTECTION_LISTS } from './contract';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/driver';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { alertKeys, alertScore, type AlertSubject } from './match';
import { parseAlertList } from './parse';
import { parseManifest } from '../../manifest/parse';
import { translateProblems } from '../../manifest/problems';
import { loadPersonRow, today, type PersonRow } from '../persons/store';
import {
  activeRecordsOfList,
  arrivalExists,
  candidateRecords,
  checkSummary,
  currentStay,
  dropRecordKeys,
  recordById,
  findMatchRow,
  holdResolutions,
  insertAlertKeys,
  isOnHold,
  listVersions,
  matchOfPair,
  matchRows,
  openHolds,
  pendingOnRetiredRecords,
  personsOnArrival,
  personsPresentSince,
  protectionDecisions,
  recordRowid,
  type RecordRow,
} from './store';
import { raiseToRedForProtection } from '../screening/service';
import { readSettings } from '../settings/store';
import { presentSince } from '../../presence';

type Trigger = 'registration' | 'check-in' | 'batch' | 'list-import';

export const subjectOf = (r: Pick<RecordRow, 'given_names' | 'first_surname' | 'second_surname' | 'birth_date' | 'sex' | 'nationality'>): AlertSubject => ({
  givenNames: r.given_names,
  firstSurname: r.first_surname,
  secondSurname: r.second_surname,
  birthDate: r.birth_date,
  sex: r.sex,
  nationality: r.nationality,
});

/**
 * List records in force that may be this person, at or above `threshold`, best first. Only
 * the blocking keys are read (alert_keys), never a whole list.
 */
export function findAlertMatches(db: Database, subject: AlertSubject, threshold: number): { record: RecordRow; score: number; reasons: string[] }[] {
  const keys = alertKeys(subject, 'around');
  if (!keys.length) return [];
  const records = candidateRecords(db, keys);
  if (!records.length) return [];
  return records
    .filter((record) => alertScore(subject, subjectOf(record), false).score >= threshold)
    .map((record) => ({ record, ...alertScore(subject, subjectOf(record)) }))
    .sort((a, b) => b.score - a.score);
}

/** Brings a record's blocking keys in step with the row as it is now (electron/core/sync/derived.ts). */
export function reindexAlertRecord(db: Database, id: string): void {
  const row = recordById(db, id);
  if (!row) return;
  dropRecordKeys(db, row.rowid);
  if (row.active === 1 && !row.deleted_at) indexAlertRecord(db, row.rowid, subjectOf(row));
}

/** Writes a record's blocking keys. */
export function indexAlertRecord(db: Database, rowid: number, subject: AlertSubject): void {
  insertAlertKeys(db, rowid, alertKeys(subject));
}

/**
 * Checks one person against every list in force: new possible matches go to the alert
 * officer's queue (a pair already decided is not asked again), and the check is recorded.
 */
export function checkPerson(ctx: ServiceContext, person: PersonRow, trigger: Trigger, threshold = readSettings(ctx.db).alertReviewThreshold): number {
  const found = findAlertMatches(ctx.db, subjectOf(person), threshold);
  let flagged = 0;
  for (const m of found) {
    const existing = matchOfPair(ctx.db, person.id, m.record.id);
    if (existing) {
      if (existing.status === 'pending') flagged += 1;
      continue;
    }
    insertRow(ctx, 'alert_matches', { person_id: person.id, record_id: m.record.id, score: m.score, reasons: JSON.stringify(m.reasons), status: 'pending' });
    flagged += 1;
  }
  insertRow(ctx, 'alert_checks', { person_id: person.id, trigger, candidates: found.length, flagged });
  return flagged;
}

/** People present at the centre (electron/core/presence.ts). */
function presentPersons(ctx: ServiceContext): PersonRow[] {
  return personsPresentSince(ctx.db, presentSince(today(ctx)));
}

function holdInfo(ctx: ServiceContext, personId: string): HoldInfo {
  const open = openHolds(ctx.db, personId);
  const resolutions = holdResolutions(ctx.db, personId);
  // One hand-over can end several confirmed matches at once: list it once.
  const seen = new Set<string>();
  const unique = resolutions.filter((r) => {
    const key = `${r.outcome}|${r.resolved_at}|${r.received_by}|${r.reason}`;
    return !seen.has(key) && seen.add(key);
  });
  const since = [...open.map((o) => o.decided_at), ...resolutions.map((r) => r.held_since)].sort()[0] ?? null;
  return {
    onHold: open.length > 0,
    heldSince: since,
    resolutions: unique.map((r) => ({ outcome: r.outcome, institution: r.institution, receivedBy: r.received_by, reason: r.reason, resolvedAt: r.resolved_at, recordedBy: r.recorded_by })),
  };
}

/** What every role may know of a person's checks: no list, no record, no score. */
export function alertStatus(db: Database, personId: string): AlertStatus {
  const row = checkSummary(db, personId);
  return {
    status: row.pending > 0 ? 'pending' : row.last ? 'cleared' : 'not-checked',
    protectionCase: protectionDecisions(db, personId).length > 0,
    onHold: isOnHold(db, personId),
    lastCheckedAt: row.last,
  };
}

function toMatch(r: Record<string, unknown>): AlertMatch {
  const s = (k: string) => (r[k] as string | null) ?? null;
  return {
    id: String(r.id),
    person: {
      id: String(r.p_id), caseNumber: String(r.case_number), givenNames: String(r.p_given), firstSurname: String(r.p_first),
      secondSurname: s('p_second'), birthDate: s('p_birth'), sex: s('p_sex'), nationality: s('p_nat'), documentNumber: s('p_doc'),
    },
    record: {
      id: String(r.r_id), list: r.list_type as AlertMatch['record']['list'], reference: String(r.reference), givenNames: String(r.r_given),
      firstSurname: String(r.r_first), secondSurname: s('r_second'), birthDate: s('r_birth'), sex: s('r_sex'), nationality: s('r_nat'),
      notes: s('notes'), active: r.active === 1,
    },
    score: Number(r.score),
    reasons: JSON.parse(String(r.reasons)) as string[],
    status: r.status as AlertMatch['status'],
    createdAt: String(r.created_at),
    decidedBy: s('decided_by'),
    decidedAt: s('decided_at'),
    decisionReason: s('decision_reason'),
  };
}

function loadMatch(ctx: ServiceContext, id: string): AlertMatch {
  const row = findMatchRow(ctx.db, id);
  if (!row) throw new AppError('alerts.not-found');
  ctx.records.add(id);
  return toMatch(row);
}

export const alertsHandlers = {
  'alerts.import': handle('alerts.import', {
    prepare: (_ctx, input) => parseAlertList(Buffer.from(input.contentBase64, 'base64'), input.fileName, input.dateOrder),
    run(ctx, input, parsed) {
      const errors = parsed.problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new AppError('alerts.invalid', { count: errors.length, errors: translateProblems(ctx, errors) });
      let retired = 0;
      if (input.replace) {
        const old = activeRecordsOfList(ctx.db, input.list);
        for (const r of old) {
          dropRecordKeys(ctx.db, r.rowid);
          updateRow(ctx, 'alert_records', r.id, { active: 0 });
        }
        // Pending questions about retired records are no longer asked; the new version is checked below.
        for (const id of pendingOnRetiredRecords(ctx.db, input.list)) updateRow(ctx, 'alert_matches', id, { status: 'superseded' });
        retired = old.length;
      }
      const versionId = insertRow(ctx, 'alert_list_versions', {
        list_type: input.list, mode: input.replace ? 'replace' : 'append', source_file: input.fileName, row_count: parsed.rows.length,
        imported_by: ctx.actor.userId ?? ctx.actor.username, imported_at: ctx.clock.now().toISOString(),
      });
      const rowidOf = recordRowid(ctx.db);
      for (const row of parsed.rows) {
        const id = insertRow(ctx, 'alert_records', {
          version_id: versionId, list_type: input.list, reference: row.reference, given_names: row.givenNames, first_surname: row.firstSurname,
          second_surname: row.secondSurname, birth_date: row.birthDate, sex: row.sex, nationality: row.nationality, notes: row.notes,
        });
        indexAlertRecord(ctx.db, rowidOf(id), { ...row });
      }
      ctx.records.add(versionId);
      // Everyone still at the centre is checked against the new version.
      const threshold = readSettings(ctx.db).alertReviewThreshold;
      const present = presentPersons(ctx);
      let flagged = 0;
      for (const person of present) flagged += checkPerson(ctx, person, 'list-import', threshold) > 0 ? 1 : 0;
      return { versionId, list: input.list, imported: parsed.rows.length, retired, rechecked: present.length, flagged, errors: [] };
    },
  }),

  'alerts.lists': handle('alerts.lists', {
    run(ctx) {
      const rows = listVersions(ctx.db);
      return rows.map((r) => ({
        id: String(r.id), list: r.list_type as AlertMatch['record']['list'], mode: r.mode as 'replace' | 'append', sourceFile: String(r.source_file),
        rowCount: Number(r.row_count), activeRecords: Number(r.active_records), importedBy: String(r.imported_by), importedAt: String(r.imported_at),
      }));
    },
  }),

  'alerts.checkArrival': handle('alerts.checkArrival', {
    run(ctx, input) {
      if (!arrivalExists(ctx.db, input.arrivalId)) throw new AppError('arrivals.not-found');
      ctx.records.add(input.arrivalId);
      const persons = personsOnArrival(ctx.db, input.arrivalId);
      const threshold = readSettings(ctx.db).alertReviewThreshold;
      let flagged = 0;
      for (const person of persons) flagged += checkPerson(ctx, person, 'batch', threshold) > 0 ? 1 : 0;
      return { checked: persons.length, flagged };
    },
  }),

  'alerts.checkFile': handle('alerts.checkFile', {
    prepare: (_ctx, input) => parseManifest(Buffer.from(input.contentBase64, 'base64'), input.fileName, { dateOrder: input.dateOrder }),
    /**
     * A check is not an import: every row is checked with what it has, and a row with a bad date
     * or a missing surname carries its problems beside its matches. Only a file that cannot be
     * read at all (unreadable, a column missing) is refused.
     */
    run(ctx, _input, parsed) {
      const fileErrors = parsed.problems.filter((p) => p.severity === 'error' && p.row === 1);
      if (fileErrors.length) throw new AppError('alerts.invalid', { count: fileErrors.length, errors: translateProblems(ctx, fileErrors) });
      const byRow = new Map<number, ReturnType<typeof translateProblems>>();
      for (const p of translateProblems(ctx, parsed.problems.filter((p) => p.severity === 'error'))) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
      const threshold = readSettings(ctx.db).alertReviewThreshold;
      return parsed.rows.map((row) => {
        const problems = byRow.get(row.row);
        // Only the second surname written: it is the surname there is to check.
        const query = !row.firstSurname && row.secondSurname ? { ...row, firstSurname: row.secondSurname, secondSurname: null } : row;
        const checkable = query.givenNames !== '' && query.firstSurname !== '';
        return {
          row: row.row,
          matches: checkable
            ? findAlertMatches(ctx.db, query, threshold).map((m) => ({ list: m.record.list_type, reference: m.record.reference, score: m.score, reasons: m.reasons }))
            : [],
          ...(problems ? { problems: problems.map((p) => ({ column: p.column, code: p.code, message: p.message })) } : {}),
        };
      });
    },
  }),

  'alerts.queue': handle('alerts.queue', {
    run(ctx, input) {
      const where = input.status === 'pending' ? "AND m.status = 'pending' ORDER BY m.score DESC, m.created_at" : "AND m.status IN ('confirmed', 'dismissed') ORDER BY m.decided_at DESC";
      const rows = matchRows(ctx.db, where, input.limit);
      for (const r of rows) ctx.records.add(String(r.id));
      return rows.map(toMatch);
    },
  }),

  'alerts.decide': handle('alerts.decide', {
    run(ctx, input) {
      const match = loadMatch(ctx, input.matchId);
      if (match.status !== 'pending') throw new AppError('alerts.decided');
      updateRow(ctx, 'alert_matches', input.matchId, {
        status: input.decision, decided_by: ctx.actor.userId ?? ctx.actor.username, decided_at: ctx.clock.now().toISOString(), decision_reason: input.reason,
      });
      ctx.records.add(match.person.id);
      // A missing child or woman found is a protection event: never left at a lower priority.
      if (input.decision === 'confirmed' && PROTECTION_LISTS.includes(match.record.list)) raiseToRedForProtection(ctx, match.person.id, match.record.list);
      return loadMatch(ctx, input.matchId);
    },
  }),

  'alerts.status': handle('alerts.status', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      return alertStatus(ctx.db, input.personId);
    },
  }),

  'alerts.hold': handle('alerts.hold', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      return holdInfo(ctx, input.personId);
    },
  }),

  'alerts.resolveHold': handle('alerts.resolveHold', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      const open = openHolds(ctx.db, input.personId);
      if (!open.length) throw new AppError('alerts.not-on-hold');
      const now = ctx.clock.now().toISOString();
      const at = input.at ? new Date(input.at).toISOString() : now;
      if (at > now) throw new AppError('alerts.hold-future');
      // The stay the person is in now (arrived, not left): a hand-over is how it ends.
      const stay = currentStay(ctx.db, input.personId);
      for (const hold of open)
        insertRow(ctx, 'alert_hold_resolutions', {
          match_id: hold.id,
          person_id: input.personId,
          person_arrival_id: stay ?? null,
          outcome: input.outcome,
          institution: input.outcome === 'handover' ? input.institution : null,
          received_by: input.outcome === 'handover' ? input.receivedBy : null,
          reason: input.reason ?? null,
          resolved_at: at,
          recorded_by: ctx.actor.userId ?? ctx.actor.username,
        });
      if (input.outcome === 'handover' && stay) updateRow(ctx, 'person_arrivals', stay, { departed_at: at });
      return holdInfo(ctx, input.personId);
    },
  }),
};
