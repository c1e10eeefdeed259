import type { Screening, ScreeningSummary } from './contract';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/driver';
import { insertRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { translate } from '../../i18n/translate';
import { ageAt } from '../../partial-date';
import { evaluateScreening, unknownIndicators } from '../../screening/evaluate';
import { checkAnswers, INSTRUMENT, notifiesPsychology, type Answers } from '../../screening/instrument';
import type { Level } from '../../screening/rules';
import { protectionDecisions } from '../alerts/store';
import { attentionTags, declaredLgbtiq } from '../persons/attention-tags';
import { loadPersonRow, personArrivalRows, toPerson, today, type PersonRow } from '../persons/store';
import { activeRules, addHours, rulesOfVersion } from './rules-service';
import { presentSince, staying } from '../../presence';
import { displayNameOf, personById, personsWithIds } from '../persons/store';
import {
  attentionOf,
  findScreeningRow,
  latestSummaryRow,
  overridesOf,
  psychologyNoticeOf,
  psychologyNoticesSince,
  screeningCount,
  screeningRefs,
  screeningRowsOfPerson,
  summaryRowsOfPerson,
  unattendedLatest,
  type ScreeningRow,
  type SummaryRow,
} from './store';

const INSTRUMENT_REF = `${INSTRUMENT.id}@${INSTRUMENT.version}`;
const INDIGENOUS_EXCLUDED = new Set(['es', 'en', 'other']);

/** What registration already knows, as answers to the questions that ask it (docs/spec.md: pre-fill). */
export function prefillAnswers(person: PersonRow, groupType: string | null, todayIso: string): Answers {
  const prefill: Answers = {};
  const age = ageAt(person.birth_date, todayIso);
  const languages = JSON.parse(person.languages) as string[];
  const disabilities = JSON.parse(person.disabilities) as string[];
  const sources: Record<string, Answers[string] | undefined> = {
    age: age ?? undefined,
    travel_group: groupType ?? undefined,
    has_disability: disabilities.length ? true : undefined,
    disabilities: disabilities.length ? disabilities : undefined,
    indigenous_language: languages.length ? languages.some((l) => !INDIGENOUS_EXCLUDED.has(l)) : undefined,
    interpreter_needed: person.interpreter_needed === 1 ? true : undefined,
    years_abroad: person.years_abroad ?? undefined,
    detention_days: person.detention_days ?? undefined,
  };
  for (const section of INSTRUMENT.sections)
    for (const q of section.questions) if (q.prefill && sources[q.prefill] !== undefined) prefill[q.id] = sources[q.prefill]!;
  return checkAnswers(prefill).answers;
}

/** Answers checked against the instrument, or screening.invalid-answers naming each problem. */
function validAnswers(ctx: ServiceContext, answers: Answers): Answers {
  const checked = checkAnswers(answers);
  if (checked.problems.length) {
    const problems = checked.problems.map((p) => ({ question: p.question, message: translate(ctx.locale, p.message, p.params) }));
    throw new AppError('screening.invalid-answers', { count: problems.length, summary: problems.slice(0, 3).map((p) => p.message).join('; '), problems });
  }
  return checked.answers;
}

const userName = (db: Database, id: string) => displayNameOf(db, id) ?? id;

function toScreening(ctx: ServiceContext, row: ScreeningRow): Screening {
  const overrides = overridesOf(ctx.db, row.id);
  const attention = attentionOf(ctx.db, row.id);
  const last = overrides[overrides.length - 1];
  const notice = psychologyNoticeOf(ctx.db, row.id);
  ctx.records.add(row.id);
  return {
    id: row.id,
    personId: row.person_id,
    personArrivalId: row.person_arrival_id,
    sequence: row.sequence,
    instrument: row.instrument,
    rulesVersion: row.rules_version,
    answers: JSON.parse(row.answers) as Answers,
    indicators: JSON.parse(row.indicators) as string[],
    computedLevel: row.level,
    reasons: JSON.parse(row.reasons) as string[],
    level: last?.to_level ?? row.level,
    deadlineAt: last?.deadline_at ?? row.deadline_at,
    overrides: overrides.map((o) => ({ from: o.from_level, to: o.to_level, reason: o.reason, by: userName(ctx.db, o.decided_by), at: o.decided_at })),
    attention: attention ? { action: attention.action, by: userName(ctx.db, attention.attended_by), at: attention.attended_at } : null,
    screenedBy: userName(ctx.db, row.screened_by),
    screenedAt: row.screened_at,
    startedAt: row.started_at,
    notifyPsychology: notifiesPsychology(JSON.parse(row.answers) as Answers),
    psychologyNotice: notice ? { by: userName(ctx.db, notice.notified_by), at: notice.notified_at } : null,
  };
}

/** The reason a confirmed missing-person alert adds to a screening: never lower than red. */
export const PROTECTION_REASON = 'missing_person_alert';

const isProtectionCase = (db: Database, personId: string) => protectionDecisions(db, personId).length > 0;

/**
 * A confirmed Alba-Keneth or Isabel-Claudina match found a missing child or woman: their latest
 * screening goes to red (an override written by the officer who confirmed, with a 24 h deadline
 * from now), unless it already is red or its attention is recorded. No screening yet: the queue
 * shows the person as red until the interview (pendingScreenings).
 */
export function raiseToRedForProtection(ctx: ServiceContext, personId: string, list: string): void {
  const row = screeningRowsOfPerson(ctx.db, personId)[0];
  if (!row) return;
  const screening = toScreening(ctx, row);
  if (screening.level === 'red' || screening.attention) return;
  const now = ctx.clock.now().toISOString();
  insertRow(ctx, 'screening_overrides', {
    screening_id: screening.id,
    from_level: screening.level,
    to_level: 'red',
    deadline_at: addHours(now, rulesOfVersion(ctx, screening.rulesVersion).red.deadline_hours),
    reason: translate(ctx.locale, 'screening.protectionRaise', { list: translate(ctx.locale, `alertLists.${list}`) }),
    decided_by: ctx.actor.userId ?? ctx.actor.username,
    decided_at: now,
  });
}

function loadScreening(ctx: ServiceContext, id: string): Screening {
  const row = findScreeningRow(ctx.db, ctx.core.identity!.centreId, id);
  if (!row) throw new AppError('screening.not-found');
  return toScreening(ctx, row);
}

const toSummary = (r: SummaryRow): ScreeningSummary & { sequence: number; screenedAt: string } => ({
  screeningId: r.id,
  level: r.o_level ?? r.level,
  deadlineAt: r.o_deadline ?? r.deadline_at,
  attendedAt: r.attended_at,
  overridden: r.o_level !== null,
  sequence: r.sequence,
  screenedAt: r.screened_at,
});

/** Colour and deadline of the latest screening on one arrival: what the flow board shows every role. */
export function arrivalScreening(db: Database, personArrivalId: string): ScreeningSummary | null {
  const row = latestSummaryRow(db, 'person_arrival_id', personArrivalId);
  if (!row) return null;
  const { sequence: _s, screenedAt: _a, ...summary } = toSummary(row);
  return summary;
}

/** Colour and deadline of a person's latest screening, on any arrival. */
export function latestScreening(db: Database, personId: string): ScreeningSummary | null {
  const row = latestSummaryRow(db, 'person_id', personId);
  if (!row) return null;
  const { sequence: _s, screenedAt: _a, ...summary } = toSummary(row);
  return summary;
}

/** A person's screenings in short, newest first (no answers, no reasons). */
export function screeningSummaries(db: Database, personId: string) {
  return summaryRowsOfPerson(db, personId).map(toSummary);
}

/** The person's latest arrival: where a screening belongs. */
function latestArrival(ctx: ServiceContext, personId: string) {
  const rows = personArrivalRows(ctx, "pa.person_id = ? AND pa.status <> 'no_show'", [personId]);
  return rows.sort((a, b) => (b.checkedInAt ?? b.registeredAt ?? '').localeCompare(a.checkedInAt ?? a.registeredAt ?? ''))[0] ?? null;
}

function evaluate(ctx: ServiceContext, answers: Answers, extra: readonly string[] = []) {
  const rules = activeRules(ctx);
  return { rulesVersion: rules.version, ...evaluateScreening(rules.rules, answers, extra) };
}

/** A protection case is red whatever the answers say, with the alert as the first reason. */
function protectionFloor<R extends { level: Level; reasons: string[]; deadlineHours: number; rulesVersion: number }>(ctx: ServiceContext, personId: string, result: R): R {
  if (!isProtectionCase(ctx.db, personId) || result.level === 'red') return result;
  return { ...result, level: 'red', reasons: [PROTECTION_REASON, ...result.reasons], deadlineHours: rulesOfVersion(ctx, result.rulesVersion).red.deadline_hours };
}

/** Persons by id, in one query (the queues list many). */
function personsById(ctx: ServiceContext, ids: readonly string[]): Map<string, PersonRow> {
  return new Map(personsWithIds(ctx.db, [...new Set(ids)]).map((p) => [p.id, p]));
}

/** People present at the centre (electron/core/presence.ts) with no screening on that arrival. */
function pendingScreenings(ctx: ServiceContext) {
  const t = today(ctx);
  const rows = personArrivalRows(
    ctx,
    `${staying()} AND p.merged_into IS NULL AND p.deleted_at IS NULL
     AND pa.arrival_id IN (SELECT id FROM arrivals WHERE arrival_date >= ? AND deleted_at IS NULL)
     AND NOT EXISTS (SELECT 1 FROM screenings s WHERE s.person_arrival_id = pa.id AND s.deleted_at IS NULL)`,
    [presentSince(t)],
  );
  const rank = { red: 0, yellow: 1, green: 2 } as const;
  const persons = personsById(ctx, rows.map((r) => r.personId));
  return rows
    .map((r) => {
      const person = persons.get(r.personId)!;
      const probable = protectionFloor(ctx, person.id, evaluate(ctx, prefillAnswers(person, r.groupType, t)));
      return { ...r, tags: attentionTags(person, t, false), probableLevel: probable.level, probableReasons: probable.reasons };
    })
    .sort((a, b) => rank[a.probableLevel] - rank[b.probableLevel] || (a.checkedInAt ?? '').localeCompare(b.checkedInAt ?? ''));
}

/** Latest screenings of the last 30 days whose attention is not recorded yet, soonest deadline first. */
function dueActions(ctx: ServiceContext) {
  const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString();
  const rows = unattendedLatest(ctx.db, ctx.core.identity!.centreId, since);
  const t = today(ctx);
  // The screenings' own columns, their persons and their stays, each read once for the whole list.
  const screenings = new Map(
    (
      screeningRefs(ctx.db, rows.map((r) => r.id))
    ).map((s) => [s.id, s]),
  );
  const persons = personsById(ctx, [...screenings.values()].map((s) => s.person_id));
  const stayIds = [...screenings.values()].flatMap((s) => (s.person_arrival_id ? [s.person_arrival_id] : []));
  const stays = new Map(personArrivalRows(ctx, 'pa.id IN (SELECT value FROM json_each(?))', [JSON.stringify(stayIds)]).map((row) => [row.personArrivalId, row]));
  return rows
    .map((r) => {
      const s = screenings.get(r.id)!;
      const person = persons.get(s.person_id)!;
      const row = s.person_arrival_id ? stays.get(s.person_arrival_id) : undefined;
      const { sequence: _s, screenedAt: _a, ...screening } = toSummary(r);
      return {
        ...toPerson(person, t),
        personId: person.id,
        personArrivalId: s.person_arrival_id,
        groupType: row?.groupType ?? 'alone',
        checkedInAt: row?.checkedInAt ?? null,
        tags: attentionTags(person, t, declaredLgbtiq(ctx.db, person.id)),
        screening,
        reasons: JSON.parse(s.reasons) as string[],
      };
    })
    .sort((a, b) => a.screening.deadlineAt.localeCompare(b.screening.deadlineAt));
}

export const screeningHandlers = {
  'screening.form': handle('screening.form', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.personId);
      if (person.merged_into) throw new AppError('persons.merged', { caseNumber: person.case_number });
      const t = today(ctx);
      const arrival = latestArrival(ctx, person.id);
      const p = toPerson(person, t);
      return {
        person: { ...p, id: p.id },
        personArrivalId: arrival?.personArrivalId ?? null,
        prefill: prefillAnswers(person, arrival?.groupType ?? null, t),
        previous: screeningSummaries(ctx.db, person.id),
        tags: attentionTags(person, t, declaredLgbtiq(ctx.db, person.id)),
      };
    },
  }),

  'screening.evaluate': handle('screening.evaluate', {
    run(ctx, input) {
      const unknown = unknownIndicators(input.indicators ?? []);
      if (unknown.length) throw new AppError('screening.unknown-indicator', { indicators: unknown.join(', ') });
      const result = evaluate(ctx, validAnswers(ctx, input.answers ?? {}), input.indicators);
      return { indicators: result.indicators, level: result.level, deadlineHours: result.deadlineHours, reasons: result.reasons, rulesVersion: result.rulesVersion };
    },
  }),

  'screening.record': handle('screening.record', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.personId);
      if (person.merged_into) throw new AppError('persons.merged', { caseNumber: person.case_number });
      const answers = validAnswers(ctx, input.answers);
      const result = protectionFloor(ctx, person.id, evaluate(ctx, answers));
      const now = ctx.clock.now().toISOString();
      const sequence = screeningCount(ctx.db, person.id) + 1;
      const id = insertRow(ctx, 'screenings', {
        person_id: person.id,
        person_arrival_id: latestArrival(ctx, person.id)?.personArrivalId ?? null,
        sequence,
        instrument: INSTRUMENT_REF,
        rules_version: result.rulesVersion,
        answers: JSON.stringify(answers),
        indicators: JSON.stringify(result.indicators),
        level: result.level,
        reasons: JSON.stringify(result.reasons),
        deadline_at: addHours(now, result.deadlineHours),
        started_at: input.startedAt ?? null,
        screened_by: ctx.actor.userId ?? ctx.actor.username,
        screened_at: now,
      });
      return loadScreening(ctx, id);
    },
  }),

  'screening.override': handle('screening.override', {
    run(ctx, input) {
      const screening = loadScreening(ctx, input.screeningId);
      if (screening.level === input.level) throw new AppError('screening.same-level');
      if (input.level === 'green' && isProtectionCase(ctx.db, screening.personId)) throw new AppError('screening.protection-not-green');
      // The deadline of the new colour, still counted from the screening (docs/spec.md, station 5).
      const hours = rulesOfVersion(ctx, screening.rulesVersion)[input.level].deadline_hours;
      insertRow(ctx, 'screening_overrides', {
        screening_id: screening.id,
        from_level: screening.level,
        to_level: input.level,
        deadline_at: addHours(screening.screenedAt, hours),
        reason: input.reason,
        decided_by: ctx.actor.userId ?? ctx.actor.username,
        decided_at: ctx.clock.now().toISOString(),
      });
      return loadScreening(ctx, screening.id);
    },
  }),

  'screening.attend': handle('screening.attend', {
    run(ctx, input) {
      const screening = loadScreening(ctx, input.screeningId);
      if (screening.attention) throw new AppError('screening.attended');
      insertRow(ctx, 'screening_attentions', {
        screening_id: screening.id,
        action: input.action,
        attended_by: ctx.actor.userId ?? ctx.actor.username,
        attended_at: ctx.clock.now().toISOString(),
      });
      return loadScreening(ctx, screening.id);
    },
  }),

  'screening.get': handle('screening.get', {
    run: (ctx, input) => loadScreening(ctx, input.screeningId),
  }),

  'screening.notifyPsychology': handle('screening.notifyPsychology', {
    run(ctx, input) {
      const screening = loadScreening(ctx, input.screeningId);
      if (screening.psychologyNotice) throw new AppError('screening.already-notified', { by: screening.psychologyNotice.by });
      insertRow(ctx, 'screening_notices', {
        screening_id: screening.id,
        person_id: screening.personId,
        service: 'psychology',
        notified_by: ctx.actor.userId ?? ctx.actor.username,
        notified_at: ctx.clock.now().toISOString(),
      });
      return loadScreening(ctx, screening.id);
    },
  }),

  'screening.notices': handle('screening.notices', {
    run(ctx) {
      const since = new Date(ctx.clock.now().getTime() - 7 * 86_400_000).toISOString();
      const rows = psychologyNoticesSince(ctx.db, since);
      const t = today(ctx);
      return rows.map((r) => {
        const person = personById(ctx.db, r.person_id);
        const level = screeningSummaries(ctx.db, r.person_id).find((s) => s.screeningId === r.screening_id)?.level ?? 'red';
        ctx.records.add(r.screening_id);
        return { ...toPerson(person, t), personId: person.id, screeningId: r.screening_id, level, notifiedBy: userName(ctx.db, r.notified_by), notifiedAt: r.notified_at };
      });
    },
  }),

  'screening.history': handle('screening.history', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      const rows = screeningRowsOfPerson(ctx.db, input.personId);
      return rows.map((r) => toScreening(ctx, r));
    },
  }),

  'screening.queue': handle('screening.queue', {
    run(ctx) {
      const queue = { pending: pendingScreenings(ctx), actions: dueActions(ctx) };
      // The audit answers "who saw this person's screening": every person the queue showed.
      for (const p of [...queue.pending, ...queue.actions]) ctx.records.add(p.personId);
      return queue;
    },
  }),
};
