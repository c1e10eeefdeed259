import type { Answers, Question } from '@core/screening/instrument';
import { conditionHolds, INSTRUMENT } from '@core/screening/instrument';
import { Alert, Anchor, Badge, Box, Button, Card, Checkbox, Grid, Group, List, NumberInput, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { centreNow } from '../../app/centre-time';
import { SafeForm } from '../../components/SafeForm';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import i18n from '../../app/i18n';
import { personName } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { AttentionTags } from '../../components/AttentionTags';
import { indicatorLabel, LevelBadge } from './level';
import { ScreeningCard } from './ScreeningCard';

/** What a field holds while typing: yes/no as 'true'/'false', dates as dd/mm/yyyy. */
type FieldValue = string | string[] | number;
type Values = Record<string, FieldValue>;

const lang = () => (i18n.language === 'en' ? 'en' : 'es');
const questions = INSTRUMENT.sections.flatMap((s) => s.questions);

function toValues(answers: Answers): Values {
  const values: Values = {};
  for (const q of questions) {
    const a = answers[q.id];
    if (a === undefined || a === null) continue;
    if (typeof a === 'boolean') values[q.id] = String(a);
    else if (q.type === 'date' && typeof a === 'string') values[q.id] = a.split('-').reverse().join('/');
    else values[q.id] = a;
  }
  return values;
}

/** dd/mm/yyyy → yyyy-mm-dd; anything else is sent as typed and the core names the problem. */
const isoDate = (text: string) => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text.trim();
};

function toAnswers(values: Values, { forEvaluation = false } = {}): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const v = values[q.id];
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    if (q.show_if && !conditionHolds(q.show_if, answers)) continue;
    if (q.type === 'yes_no') answers[q.id] = v === 'true';
    else if (q.type === 'number') {
      if (typeof v !== 'number' || (forEvaluation && ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)))) continue;
      answers[q.id] = v;
    } else if (q.type === 'date' || q.type === 'text') {
      // Dates and notes raise no indicator: the live result does not need them.
      if (!forEvaluation) answers[q.id] = q.type === 'date' ? isoDate(String(v)) : String(v);
    } else answers[q.id] = v;
  }
  return answers;
}

/** Station 5: the structured interview, its live traffic light, and the person's screenings. */
export function ScreeningInterviewPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const form = useCallQuery('screening.form', { personId }, { staleTime: 0 });
  const history = useCallQuery('screening.history', { personId }, { staleTime: 0 });
  const [interviewing, setInterviewing] = useState<boolean | null>(null);
  if (!form.data || !history.data) return null;
  const { person, tags } = form.data;
  const showForm = interviewing ?? history.data.length === 0;
  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('screening.interviewTitle')}</Title>
          <Group gap="xs">
            <Anchor component={Link} to={`/personas/${person.id}`} fw={600} size="lg">{personName(person)}</Anchor>
            <Text c="dimmed">{person.caseNumber}{person.age !== null ? ` · ${person.age}` : ''}</Text>
          </Group>
          <AttentionTags tags={tags} size="sm" />
        </div>
        {!showForm && <Button onClick={() => setInterviewing(true)}>{t('screening.rescreen')}</Button>}
      </Group>
      {showForm ? (
        <Interview
          key={history.data.length}
          personId={personId}
          prefill={form.data.prefill}
          noArrival={form.data.personArrivalId === null}
          onSaved={() => setInterviewing(false)}
        />
      ) : (
        <Stack>
          <Title order={4}>{t('screening.history')}</Title>
          {history.data.map((s) => <ScreeningCard key={s.id} screening={s} />)}
        </Stack>
      )}
    </Stack>
  );
}

// The answers are checked by the core (screening.invalid-answers); nothing marks a field here.
const NO_ERRORS = {};

function Interview({ personId, prefill, noArrival, onSaved }: { personId: string; prefill: Answers; noArrival: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const initial = useMemo(() => toValues(prefill), [prefill]);
  const [values, setValues] = useState<Values>(initial);
  const [startedAt] = useState(() => centreNow().toISOString());
  const [debounced] = useDebouncedValue(values, 250);
  const evaluation = useCallQuery('screening.evaluate', { answers: toAnswers(debounced, { forEvaluation: true }) }, { placeholderData: keepPreviousData, staleTime: 0 });
  const record = useCallMutation('screening.record', ['screening.history', 'screening.queue', 'screening.form', 'flow.board', 'persons.get']);
  const set = (id: string, value: FieldValue) => setValues((v) => ({ ...v, [id]: value }));
  // Thirty minutes of interview must survive the idle lock and a change of user at the desk.
  const draft = useFormDraft(`screening:${personId}`, values, setValues);
  const visible = (q: Question) => !q.show_if || conditionHolds(q.show_if, toAnswers(values));
  const save = async () => {
    const saved = await record.mutateAsync({ personId, answers: toAnswers(values), startedAt });
    await draft.discard();
    notifySuccess(t('screening.saved', { level: t(`screening.levels.${saved.level}`) }));
    window.scrollTo({ top: 0 });
    onSaved();
  };
  const result = evaluation.data;
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <SafeForm onSubmit={(e) => { e?.preventDefault(); void save(); }} errors={NO_ERRORS} aria-label={t('screening.interviewTitle')}>
          <Stack>
            <DraftNotice draft={draft} onDiscard={() => setValues(initial)} />
            {noArrival && <Alert color="yellow">{t('screening.notPresent')}</Alert>}
            {INSTRUMENT.sections.map((section) => (
              <Card withBorder key={section.id}>
                <Title order={4} mb="sm">{section.title[lang()]}</Title>
                <Stack gap="md">
                  {section.questions.filter(visible).map((q) => (
                    <QuestionField key={q.id} question={q} value={values[q.id]} prefilled={initial[q.id] !== undefined && JSON.stringify(initial[q.id]) === JSON.stringify(values[q.id])} onChange={(v) => set(q.id, v)} />
                  ))}
                </Stack>
              </Card>
            ))}
            <Group justify="flex-end">
              <Text size="xs" c="dimmed">{t('screening.saveHint')}</Text>
              <Button type="submit" size="md" loading={record.isPending}>{t('screening.save')}</Button>
            </Group>
          </Stack>
        </SafeForm>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Box pos="sticky" top={76}>
          <Card withBorder data-testid="live-result">
            <Title order={4}>{t('screening.result')}</Title>
            <Text size="xs" c="dimmed" mb="sm">{t('screening.resultLive')}</Text>
            {result && (
              <Stack gap={6}>
                <LevelBadge level={result.level} size="xl" />
                <Text size="sm" fw={500}>{t(`screening.actionText.${result.level}`)}</Text>
                <Text size="sm">{t('screening.deadline')}: {result.deadlineHours} h</Text>
                <Text size="sm" fw={600} mt="xs">{t('screening.reasons')}</Text>
                {result.reasons.length ? (
                  <List size="sm">{result.reasons.map((r) => <List.Item key={r}>{indicatorLabel(r)}</List.Item>)}</List>
                ) : (
                  <Text size="sm">{t('screening.noReasons')}</Text>
                )}
                {result.indicators.some((i) => !result.reasons.includes(i)) && (
                  <Text size="xs" c="dimmed">{t('screening.otherIndicators')}: {result.indicators.filter((i) => !result.reasons.includes(i)).map(indicatorLabel).join(', ')}</Text>
                )}
                <Text size="xs" c="dimmed">{t('screening.rulesVersion', { version: result.rulesVersion })}</Text>
              </Stack>
            )}
          </Card>
        </Box>
      </Grid.Col>
    </Grid>
  );
}

/** One question, keyboard first: Tab between questions, arrows inside a choice, Space to tick. */
function QuestionField({ question: q, value, prefilled, onChange }: { question: Question; value: FieldValue | undefined; prefilled: boolean; onChange: (v: FieldValue) => void }) {
  const { t } = useTranslation();
  const label = (
    <Group gap={6} component="span" wrap="nowrap">
      <span>{q.label[lang()]}</span>
      {prefilled && <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>{t('screening.prefilled')}</Badge>}
    </Group>
  );
  const description = q.help?.[lang()];
  const common = { label, description, 'data-question': q.id };
  switch (q.type) {
    case 'yes_no':
      return (
        <Radio.Group {...common} value={typeof value === 'string' ? value : ''} onChange={onChange}>
          <Group mt={6}>
            <Radio value="true" label={t('screening.yes')} />
            <Radio value="false" label={t('screening.no')} />
          </Group>
        </Radio.Group>
      );
    case 'single':
      return (
        <Radio.Group {...common} value={typeof value === 'string' ? value : ''} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {q.options!.map((o) => <Radio key={o.code} value={o.code} label={o.label[lang()]} />)}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {q.options!.map((o) => <Checkbox key={o.code} value={o.code} label={o.label[lang()]} />)}
          </Stack>
        </Checkbox.Group>
      );
    case 'number':
      return <NumberInput {...common} styles={{ wrapper: { maxWidth: 200 } }} min={q.min} max={q.max} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : '')} />;
    case 'date':
      return <TextInput {...common} styles={{ wrapper: { maxWidth: 200 } }} placeholder={t('common.datePlaceholder')} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'text':
      return <Textarea {...common} autosize minRows={2} maxLength={q.max ?? 2000} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
