import { describe, expect, it } from 'vitest';
import instrumentJson from '../../resources/data/screening-instrument.json';
import rulesJson from '../../resources/data/screening-rules.json';
import { evaluateScreening } from '../../electron/core/screening/evaluate';
import { checkAnswers, INDICATOR_IDS, InstrumentSchema, raisedIndicators } from '../../electron/core/screening/instrument';
import { DEFAULT_RULES, evaluateRules, RulesFileSchema, RulesSchema, type Rules } from '../../electron/core/screening/rules';
import { validate } from '../../electron/core/validation';

const rules = DEFAULT_RULES.rules;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const RED = ['unaccompanied_minor', 'suicidal_ideation', 'serious_medical_condition', 'trafficking_indicators', 'persecution_risk_on_return'];
const YELLOW = ['separated_child', 'pregnant', 'survivor_of_violence', 'disability', 'lgbtiq_at_risk', 'indigenous_language_no_interpreter', 'elderly_alone', 'single_caregiver_with_children', 'extortion_victim', 'chronic_illness'];
const TWO_OF = ['no_support_network', 'long_stay_abroad', 'prolonged_detention'];

describe('default traffic-light rules', () => {
  it('the default instrument defines every indicator the issue names', () => {
    expect(INDICATOR_IDS).toEqual(expect.arrayContaining([...RED, ...YELLOW, ...TWO_OF]));
    expect(DEFAULT_RULES.version).toBe(1);
    expect([rules.red.deadline_hours, rules.yellow.deadline_hours, rules.green.deadline_hours]).toEqual([24, 72, 168]);
  });

  it.each(RED)('%s alone is red within 24 h, and it is the reason', (id) => {
    expect(evaluateRules(rules, [id])).toEqual({ level: 'red', deadlineHours: 24, reasons: [id] });
  });

  it.each(YELLOW)('%s alone is yellow within 72 h', (id) => {
    expect(evaluateRules(rules, [id])).toEqual({ level: 'yellow', deadlineHours: 72, reasons: [id] });
  });

  it.each(TWO_OF)('%s alone is green: one of the "two of" group is not enough', (id) => {
    expect(evaluateRules(rules, [id])).toEqual({ level: 'green', deadlineHours: 168, reasons: [] });
  });

  it.each([
    [TWO_OF[0], TWO_OF[1]],
    [TWO_OF[0], TWO_OF[2]],
    [TWO_OF[1], TWO_OF[2]],
  ])('%s + %s is yellow, both named as reasons', (a, b) => {
    expect(evaluateRules(rules, [a!, b!])).toEqual({ level: 'yellow', deadlineHours: 72, reasons: [a, b] });
  });

  it('all three of the group are still yellow, with three reasons', () => {
    expect(evaluateRules(rules, TWO_OF).reasons).toEqual(TWO_OF);
  });

  it('no indicator is green within 7 days', () => {
    expect(evaluateRules(rules, [])).toEqual({ level: 'green', deadlineHours: 168, reasons: [] });
  });

  it('red wins over yellow and names only the red reasons', () => {
    expect(evaluateRules(rules, ['pregnant', 'suicidal_ideation', ...TWO_OF])).toEqual({ level: 'red', deadlineHours: 24, reasons: ['suicidal_ideation'] });
  });

  it('a "two of" group in red works the same way', () => {
    const custom: Rules = { ...clone(rules), red: { deadline_hours: 12, any: [], at_least: [{ count: 2, of: ['pregnant', 'elderly_alone'] }] } };
    custom.yellow.any = custom.yellow.any.filter((id) => id !== 'pregnant' && id !== 'elderly_alone');
    expect(RulesSchema.safeParse(custom).success).toBe(true);
    expect(evaluateRules(custom, ['pregnant']).level).toBe('green');
    expect(evaluateRules(custom, ['pregnant', 'elderly_alone'])).toEqual({ level: 'red', deadlineHours: 12, reasons: ['pregnant', 'elderly_alone'] });
  });
});

describe('answers to indicators', () => {
  it('raises indicators from answers, including combined conditions', () => {
    expect(raisedIndicators({ age: 67, travel_group: 'alone' })).toEqual(['elderly_alone']);
    expect(raisedIndicators({ age: 59, travel_group: 'alone' })).toEqual([]);
    expect(raisedIndicators({ years_abroad: 10, detention_days: 29 })).toEqual(['long_stay_abroad']);
    expect(raisedIndicators({ violence: ['journey'], forced_work: true })).toEqual(['survivor_of_violence', 'trafficking_indicators']);
    expect(raisedIndicators({ support_network: false, safe_place: false })).toEqual(['no_support_network']);
  });

  it('evaluates answers end to end: an interpreter question only counts when it is asked', () => {
    const asked = checkAnswers({ indigenous_language: true, interpreter_available: false }).answers;
    expect(evaluateScreening(rules, asked)).toMatchObject({ level: 'yellow', reasons: ['indigenous_language_no_interpreter'] });
    const hidden = checkAnswers({ indigenous_language: false, interpreter_available: false });
    expect(hidden.answers).toEqual({ indigenous_language: false });
    expect(evaluateScreening(rules, hidden.answers).level).toBe('green');
  });

  it('rejects answers of the wrong type, unknown options and questions, and out-of-range numbers', () => {
    const { problems } = checkAnswers({ self_harm: 'sí', travel_group: 'bus', age: 300, due_date: '2026-02-30', nope: 1, pregnant: true });
    expect(problems.map((p) => [p.question, p.message])).toEqual(
      expect.arrayContaining([
        ['nope', 'validation.screeningUnknownQuestion'],
        ['self_harm', 'validation.screeningAnswerType'],
        ['travel_group', 'validation.screeningUnknownOption'],
        ['age', 'validation.screeningRange'],
      ]),
    );
    expect(checkAnswers({ pregnant: true, due_date: '2026-13-01' }).problems.map((p) => p.message)).toEqual(['validation.screeningDate']);
  });
});

describe('malformed instrument and rules files', () => {
  const instrumentIssues = (mutate: (doc: typeof instrumentJson) => void) => {
    const doc = clone(instrumentJson);
    mutate(doc);
    const result = validate(InstrumentSchema, doc, 'es');
    return result.success ? [] : result.issues;
  };
  const rulesIssues = (mutate: (doc: typeof rulesJson) => void) => {
    const doc = clone(rulesJson);
    mutate(doc);
    const result = validate(RulesFileSchema, doc, 'es');
    return result.success ? [] : result.issues;
  };

  it('the shipped files are valid', () => {
    expect(instrumentIssues(() => {})).toEqual([]);
    expect(rulesIssues(() => {})).toEqual([]);
  });

  it('names the path and the problem in Spanish for a broken instrument', () => {
    expect(instrumentIssues((d) => { d.raises[0]!.when = [{ q: 'edad_inexistente', is: true }] as never; })).toContainEqual({
      path: 'raises.0.when.0.q',
      message: 'Pregunta desconocida «edad_inexistente» (o aparece después de la que la usa).',
    });
    expect(instrumentIssues((d) => { d.raises[0]!.indicator = 'unicornio'; })).toContainEqual({ path: 'raises.0.indicator', message: 'Indicador desconocido «unicornio».' });
    expect(instrumentIssues((d) => { (d.sections[0]!.questions[1] as { options?: unknown }).options = undefined; })).toContainEqual({
      path: 'sections.0.questions.1.options',
      message: 'La pregunta «travel_group» es de selección y necesita al menos dos opciones.',
    });
    expect(instrumentIssues((d) => { (d.sections[0]!.questions[0] as { prefill: string }).prefill = 'travel_group'; })[0]!.message).toMatch(/no puede llenarse con «travel_group»/);
    expect(instrumentIssues((d) => { d.raises = d.raises.filter((r) => r.indicator !== 'pregnant'); })).toContainEqual({ path: 'indicators.2.id', message: 'Ninguna respuesta activa el indicador «pregnant».' });
    expect(instrumentIssues((d) => { d.raises[0]!.when = [{ q: 'age', is: true }] as never; })[0]!.message).toMatch(/no corresponde al tipo de la pregunta «age»/);
    expect(instrumentIssues((d) => { (d as { title: unknown }).title = 'Sin traducción'; }).map((i) => i.path)).toContain('title');
  });

  it('names the path and the problem in Spanish for broken rules', () => {
    expect(rulesIssues((d) => { d.red.any.push('unicornio'); })).toContainEqual({ path: 'red.any.5', message: 'Indicador desconocido «unicornio».' });
    expect(rulesIssues((d) => { d.yellow.any.push('suicidal_ideation'); })).toContainEqual({ path: 'yellow.any.10', message: '«suicidal_ideation» está en rojo y en amarillo; déjelo en uno solo.' });
    expect(rulesIssues((d) => { d.yellow.at_least[0]!.count = 4; })).toContainEqual({ path: 'yellow.at_least.0.count', message: 'Pide 4 indicadores de un grupo que solo tiene 3.' });
    expect(rulesIssues((d) => { d.red.deadline_hours = 100; })).toContainEqual({ path: 'green.deadline_hours', message: 'Los plazos deben ir de menor a mayor: rojo ≤ amarillo ≤ verde.' });
    expect(rulesIssues((d) => { d.green.deadline_hours = 0; }).map((i) => i.path)).toContain('green.deadline_hours');
    expect(rulesIssues((d) => { (d as { orange?: unknown }).orange = {}; }).length).toBeGreaterThan(0);
    expect(rulesIssues((d) => { d.red.any.push('pregnant', 'pregnant'); }).map((i) => i.message)).toContain('«pregnant» aparece dos veces.');
  });
});
