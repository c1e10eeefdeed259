import { z } from 'zod';
import instrumentJson from '../../../resources/data/screening-instrument.json';

/**
 * The vulnerability-screening interview (docs/spec.md, station 5, the RROCM regional instrument) is data:
 * resources/data/screening-instrument.json. This module validates such a file, says which
 * indicators a set of answers raises, and which questions registration can pre-fill.
 */

const Text = z.strictObject({ es: z.string().trim().min(1), en: z.string().trim().min(1) });
const Code = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'validation.screeningCode' }).max(60);

/** A test on one answer: yes/no equals, one of some options, or a number bound. */
export const Condition = z.union([
  z.strictObject({ q: Code, is: z.boolean() }),
  z.strictObject({ q: Code, in: z.array(Code).min(1) }),
  z.strictObject({ q: Code, gte: z.number() }),
  z.strictObject({ q: Code, lt: z.number() }),
]);
export type Condition = z.infer<typeof Condition>;

export const QUESTION_TYPES = ['yes_no', 'single', 'multiple', 'number', 'date', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What registration knows, and the question type each value can fill. */
export const PREFILL_SOURCES = {
  age: 'number',
  travel_group: 'single',
  has_disability: 'yes_no',
  disabilities: 'multiple',
  indigenous_language: 'yes_no',
  interpreter_needed: 'yes_no',
  years_abroad: 'number',
  detention_days: 'number',
} as const satisfies Record<string, QuestionType>;
export type PrefillSource = keyof typeof PREFILL_SOURCES;

const Question = z.strictObject({
  id: Code,
  type: z.enum(QUESTION_TYPES),
  label: Text,
  help: Text.optional(),
  options: z.array(z.strictObject({ code: Code, label: Text })).min(2).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  prefill: z.enum(Object.keys(PREFILL_SOURCES) as [PrefillSource, ...PrefillSource[]]).optional(),
  show_if: Condition.optional(),
});
export type Question = z.infer<typeof Question>;

const issue = (path: (string | number)[], message: string, params: Record<string, unknown>) => ({ code: 'custom' as const, path, message, params });

export const InstrumentSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/).max(60),
    version: z.string().trim().min(1).max(20),
    title: Text,
    indicators: z.array(z.strictObject({ id: Code, label: Text })).min(1),
    sections: z.array(z.strictObject({ id: Code, title: Text, questions: z.array(Question).min(1) })).min(1),
    raises: z.array(z.strictObject({ indicator: Code, when: z.array(Condition).min(1) })).min(1),
    /** Answers after which the interviewer must tell psychology at once (e.g. thoughts of self-harm). */
    notify_psychology: z.array(z.strictObject({ when: z.array(Condition).min(1) })).default([]),
  })
  .superRefine((doc, ctx) => {
    const indicators = new Set<string>();
    doc.indicators.forEach((ind, i) => {
      if (indicators.has(ind.id)) ctx.addIssue(issue(['indicators', i, 'id'], 'validation.screeningDuplicate', { id: ind.id }));
      indicators.add(ind.id);
    });
    const questions = new Map<string, Question>();
    doc.sections.forEach((section, s) =>
      section.questions.forEach((q, n) => {
        const path = ['sections', s, 'questions', n];
        if (questions.has(q.id)) ctx.addIssue(issue([...path, 'id'], 'validation.screeningDuplicate', { id: q.id }));
        const choice = q.type === 'single' || q.type === 'multiple';
        if (choice !== Boolean(q.options)) ctx.addIssue(issue([...path, 'options'], choice ? 'validation.screeningOptionsNeeded' : 'validation.screeningOptionsUnexpected', { id: q.id }));
        if (q.prefill && PREFILL_SOURCES[q.prefill] !== q.type)
          ctx.addIssue(issue([...path, 'prefill'], 'validation.screeningPrefillType', { id: q.id, source: q.prefill, type: PREFILL_SOURCES[q.prefill] }));
        // show_if may only look back: the interview is read top to bottom.
        if (q.show_if) checkCondition(q.show_if, [...path, 'show_if']);
        questions.set(q.id, q);
      }),
    );
    const raised = new Set<string>();
    doc.raises.forEach((r, i) => {
      if (!indicators.has(r.indicator)) ctx.addIssue(issue(['raises', i, 'indicator'], 'validation.screeningUnknownIndicator', { id: r.indicator }));
      raised.add(r.indicator);
      r.when.forEach((c, j) => checkCondition(c, ['raises', i, 'when', j]));
    });
    doc.notify_psychology.forEach((n, i) => {
      n.when.forEach((c, j) => checkCondition(c, ['notify_psychology', i, 'when', j]));
    });
    doc.indicators.forEach((ind, i) => {
      if (!raised.has(ind.id)) ctx.addIssue(issue(['indicators', i, 'id'], 'validation.screeningNeverRaised', { id: ind.id }));
    });

    function checkCondition(c: Condition, path: (string | number)[]) {
      const q = questions.get(c.q);
      if (!q) return ctx.addIssue(issue([...path, 'q'], 'validation.screeningUnknownQuestion', { id: c.q }));
      const fits =
        ('is' in c && q.type === 'yes_no') ||
        ('in' in c && (q.type === 'single' || q.type === 'multiple')) ||
        (('gte' in c || 'lt' in c) && q.type === 'number');
      if (!fits) return ctx.addIssue(issue(path, 'validation.screeningConditionType', { id: c.q, type: q.type }));
      if ('in' in c)
        for (const code of c.in)
          if (!q.options?.some((o) => o.code === code)) ctx.addIssue(issue([...path, 'in'], 'validation.screeningUnknownOption', { id: c.q, option: code }));
    }
  });
export type Instrument = z.infer<typeof InstrumentSchema>;

/** The shipped instrument; a broken file stops the app at start, loudly, naming the path. */
export const INSTRUMENT: Instrument = InstrumentSchema.parse(instrumentJson);
export const INDICATOR_IDS: readonly string[] = INSTRUMENT.indicators.map((i) => i.id);

export function instrumentQuestions(instrument: Instrument = INSTRUMENT): Question[] {
  return instrument.sections.flatMap((s) => s.questions);
}

/** One answer: yes/no, an option code, option codes, a number, an ISO date or free text. */
export const AnswerValue = z.union([z.boolean(), z.number(), z.string().max(2000), z.array(z.string().max(60)).max(20), z.null()]);
export const Answers = z.record(z.string().max(60), AnswerValue).refine((a) => Object.keys(a).length <= 200);
export type Answers = z.infer<typeof Answers>;

export function conditionHolds(c: Condition, answers: Answers): boolean {
  const value = answers[c.q];
  if (value === undefined || value === null) return false;
  if ('is' in c) return value === c.is;
  if ('in' in c) return Array.isArray(value) ? value.some((v) => c.in.includes(v)) : typeof value === 'string' && c.in.includes(value);
  if (typeof value !== 'number') return false;
  return 'gte' in c ? value >= c.gte : value < c.lt;
}

export interface AnswerProblem {
  question: string;
  message: string;
  params?: Record<string, unknown>;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Checks answers against the instrument. Returns the answers to keep (those of questions shown;
 * an answer to a hidden question is dropped, not stored) or the problems, each a message key.
 */
export function checkAnswers(answers: Answers, instrument: Instrument = INSTRUMENT): { answers: Answers; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const kept: Answers = {};
  const byId = new Map(instrumentQuestions(instrument).map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) if (!byId.has(id)) problems.push({ question: id, message: 'validation.screeningUnknownQuestion', params: { id } });
  for (const q of byId.values()) {
    const value = answers[q.id];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) continue;
    if (q.show_if && !conditionHolds(q.show_if, kept)) continue;
    const bad = (message: string, params: Record<string, unknown> = {}) => problems.push({ question: q.id, message, params: { id: q.id, ...params } });
    switch (q.type) {
      case 'yes_no':
        if (typeof value !== 'boolean') { bad('validation.screeningAnswerType'); continue; }
        break;
      case 'single':
        if (typeof value !== 'string' || !q.options!.some((o) => o.code === value)) { bad('validation.screeningUnknownOption', { option: String(value) }); continue; }
        break;
      case 'multiple':
        if (!Array.isArray(value) || value.some((v) => !q.options!.some((o) => o.code === v))) { bad('validation.screeningUnknownOption', { option: String(value) }); continue; }
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) { bad('validation.screeningAnswerType'); continue; }
        if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) { bad('validation.screeningRange', { min: q.min, max: q.max }); continue; }
        break;
      case 'date':
        if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) { bad('validation.screeningDate'); continue; }
        break;
      case 'text':
        if (typeof value !== 'string' || value.length > (q.max ?? 2000)) { bad('validation.screeningAnswerType'); continue; }
        break;
    }
    kept[q.id] = typeof value === 'string' ? value.trim() : value;
  }
  return { answers: kept, problems };
}

/** Whether these answers call for telling psychology now (the instrument's notify_psychology). */
export function notifiesPsychology(answers: Answers, instrument: Instrument = INSTRUMENT): boolean {
  return instrument.notify_psychology.some((n) => n.when.every((c) => conditionHolds(c, answers)));
}

/** The indicators a set of (checked) answers raises, in the instrument's order. */
export function raisedIndicators(answers: Answers, instrument: Instrument = INSTRUMENT): string[] {
  const raised = new Set(instrument.raises.filter((r) => r.when.every((c) => conditionHolds(c, answers))).map((r) => r.indicator));
  return instrument.indicators.map((i) => i.id).filter((id) => raised.has(id));
}
