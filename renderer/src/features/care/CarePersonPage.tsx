import type { Input, Output } from '@core/contract';
import { CONCERNS, INTERVENTIONS, PFA_MODALITIES, REACTIONS, RISK_ACTIONS, type Asq } from '@core/domains/care/contract';
import { asqResult } from '@core/domains/care/asq';
import { Alert, Badge, Button, Card, Checkbox, Group, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { centreInstant, centreNow } from '../../app/centre-time';
import { DATE_FORMAT, formatDateTime } from '../../app/format';
import { personName } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { KeyNotice } from './KeyNotice';
import { MedicalForm } from './MedicalForm';
import { ChipList, KindChoice } from './CareInputs';

type CareRecord = Output<'care.history'>[number];
const KINDS = ['pfa', 'individual', 'family', 'group', 'crisis'] as const;
const ASQ_QUESTIONS = ['wishedDead', 'betterOffDead', 'thoughtsOfKilling', 'everTried'] as const;
type AsqValues = Record<(typeof ASQ_QUESTIONS)[number] | 'thoughtsNow', '' | 'yes' | 'no' | 'refused'>;

/**
 * One person at station 7: what earlier care recorded (opened for the caller's service), an open
 * risk case to close, and the form for the care given now (psychology or medical, by the route).
 */
export const PsychologyPersonPage = () => <CarePersonPage service="psychology" />;
export const MedicalPersonPage = () => <CarePersonPage service="medical" />;

function CarePersonPage({ service }: { service: 'psychology' | 'medical' }) {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const file = useCallQuery('persons.get', { id: personId }, { staleTime: 0 });
  const history = useCallQuery('care.history', { personId }, { staleTime: 0, gcTime: 0 });
  const facts = useCallQuery('care.facts', { personId }, { staleTime: 0 });
  const [closing, setClosing] = useState(false);
  if (!file.data) return null;
  const person = file.data.person;
  const risk = facts.data?.risk;
  const declined = facts.data?.declined.includes(service);
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <div>
          <Title order={2}>{personName(person)}</Title>
          <Text size="sm" c="dimmed">{person.caseNumber}{person.age !== null ? ` · ${person.age}` : ''}</Text>
        </div>
        <Button variant="default" component={Link} to={service === 'psychology' ? '/atencion' : '/salud'}>{t('common.back', { defaultValue: '←' })}</Button>
      </Group>
      <KeyNotice service={service} />
      {risk && !risk.closedAt && (
        <Alert color="red" title={t('care.urgent')} data-testid="risk-open">
          <Group justify="space-between">
            <Text size="sm">{t('care.urgentHelp')}</Text>
            <Button color="red" onClick={() => setClosing(true)}>{t('care.closeRisk')}</Button>
          </Group>
        </Alert>
      )}
      {declined && <Alert color="gray">{t('care.declined', { service: t(`care.services.${service}`) })}</Alert>}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          {service === 'psychology' ? <SessionForm personId={personId} /> : <MedicalForm personId={personId} />}
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">{t('care.history')}</Text>
          {history.data?.length ? (
            <Stack gap="sm" data-testid="care-history">
              {history.data.map((r) => <RecordView key={r.id} record={r} />)}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">{t('care.noHistory')}</Text>
          )}
        </Card>
      </SimpleGrid>
      <Modal opened={closing} onClose={() => setClosing(false)} title={t('care.closeRiskTitle')} centered>
        {closing && risk && <CloseRiskForm flagId={risk.flagId} onClose={() => setClosing(false)} />}
      </Modal>
    </Stack>
  );
}

function RecordView({ record }: { record: CareRecord }) {
  const { t } = useTranslation();
  const c = record.content;
  const codes = (prefix: string, list: readonly string[]) => list.map((x) => t(`care.${prefix}.${x}`)).join(', ');
  return (
    <div data-testid="care-record">
      <Group gap="xs">
        <Badge variant="light">{t(`care.kinds.${record.kind}`)}</Badge>
        {record.groupId && <Badge variant="outline" color="gray">{t('care.groupLabel')}</Badge>}
        {record.asqResult && record.asqResult !== 'negative' && <Badge color="red">{t(`care.asq.results.${record.asqResult}`)}</Badge>}
        <Text size="xs" c="dimmed">{formatDateTime(record.heldAt)} · {t('care.by', { by: record.recordedBy, minutes: record.durationMinutes })}</Text>
      </Group>
      {!c && <Text size="sm" c="dimmed" fs="italic">{t('care.unreadable')}</Text>}
      {c?.form === 'pfa' && (
        <Text size="sm">{t(`care.modalities.${c.modality}`)}{c.reactions.length ? ` · ${codes('reactions', c.reactions)}` : ''}</Text>
      )}
      {c?.form === 'session' && (
        <Stack gap={2}>
          {c.concerns.length > 0 && <Text size="sm"><b>{t('care.form.concerns')}:</b> {codes('concerns', c.concerns)}</Text>}
          {c.interventions.length > 0 && <Text size="sm"><b>{t('care.form.interventions')}:</b> {codes('interventions', c.interventions)}</Text>}
          {c.plan && <Text size="sm"><b>{t('care.form.plan')}:</b> {c.plan}</Text>}
          {c.proposedReferral && <Text size="sm"><b>{t('care.form.proposedReferral')}:</b> {c.proposedReferral}</Text>}
        </Stack>
      )}
      {c?.form === 'triage' && (
        <Text size="sm">
          {t(`care.medical.priorities.${c.priority}`)} · {Object.entries(c.vitals).filter(([, v]) => v !== null).map(([k, v]) => `${t(`care.medical.${k}`)} ${String(v)}`).join(' · ')}
          {c.chronicIllness ? ` · ${c.chronicIllness}` : ''}
        </Text>
      )}
      {c?.form === 'attention' && (
        <Stack gap={2}>
          {c.attention && <Text size="sm">{c.attention}</Text>}
          {c.medicines.length > 0 && <Text size="sm"><b>{t('care.medical.medicines')}:</b> {c.medicines.map((m) => `${m.name} ×${m.quantity}`).join(', ')}</Text>}
          {c.hospitalReferral && <Text size="sm"><b>{t('care.medical.hospital')}:</b> {t(`care.medical.hospitals.${c.hospitalReferral.to}`)} — {c.hospitalReferral.reason}</Text>}
        </Stack>
      )}
      {c && c.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="care-notes">{c.notes}</Text>}
      {record.nextAppointmentAt && <Text size="xs" c="dimmed">{t('care.nextAt', { time: formatDateTime(record.nextAppointmentAt) })}</Text>}
    </div>
  );
}

function SessionForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useCallMutation('care.record', ['care.history', 'care.facts', 'care.queue', 'flow.board', 'persons.get']);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      kind: 'individual' as (typeof KINDS)[number],
      durationMinutes: 45 as number | string,
      modality: 'individual',
      reactions: [] as string[],
      concerns: [] as string[],
      useAsq: true,
      asq: { wishedDead: '', betterOffDead: '', thoughtsOfKilling: '', everTried: '', thoughtsNow: '' } as AsqValues,
      howAndWhen: '',
      acuteRisk: false,
      interventions: [] as string[],
      plan: '',
      proposedReferral: '',
      heldDate: null as string | null,
      heldTime: '',
      nextDate: null as string | null,
      nextTime: '',
      notes: '',
    },
    validate: {
      asq: (value, values) => (values.kind !== 'pfa' && values.useAsq && ASQ_QUESTIONS.some((q) => !value[q]) ? t('validation.required') : null),
    },
  });
  // What is typed survives the idle lock: kept as a draft sealed under the psychology key.
  const draft = useFormDraft(`care-psychology:${personId}`, form.values, form.setValues);
  const v = form.values;
  const pfa = v.kind === 'pfa';
  const asq: Asq | null = !pfa && v.useAsq && ASQ_QUESTIONS.every((q) => v.asq[q])
    ? { wishedDead: v.asq.wishedDead as 'no', betterOffDead: v.asq.betterOffDead as 'no', thoughtsOfKilling: v.asq.thoughtsOfKilling as 'no', everTried: v.asq.everTried as 'no', ...(v.asq.thoughtsNow ? { thoughtsNow: v.asq.thoughtsNow as 'no' } : {}), ...(v.howAndWhen ? { howAndWhen: v.howAndWhen } : {}) }
    : null;
  const result = asq ? asqResult(asq) : null;
  const positive = !!result && result !== 'negative';
  const submit = form.onSubmit(async (values) => {
    const input: Input<'care.record'> = {
      personId,
      kind: values.kind,
      durationMinutes: Number(values.durationMinutes),
      notes: values.notes,
      ...(pfa
        ? { modality: values.modality as 'individual', reactions: values.reactions as never }
        : {
            concerns: values.concerns as never,
            asq,
            acuteRisk: values.acuteRisk,
            interventions: values.interventions as never,
            plan: values.plan,
            proposedReferral: values.proposedReferral,
          }),
      ...(values.nextDate ? { nextAppointmentAt: centreInstant(values.nextDate, values.nextTime || '09:00') } : {}),
      // Left empty: now. A session written up later says when it was held.
      ...(values.heldDate && values.heldTime ? { heldAt: centreInstant(values.heldDate, values.heldTime) } : {}),
    };
    const saved = await save.mutateAsync(input);
    await draft.discard();
    const risky = values.acuteRisk || (saved.asqResult !== null && saved.asqResult !== 'negative');
    notifySuccess(t(risky ? 'care.form.savedRisk' : 'care.form.saved'));
    form.reset();
    if (!risky) void navigate('/atencion');
  });
  const codes = (prefix: string, list: readonly string[]) => list.map((x) => ({ value: x, label: t(`care.${prefix}.${x}`) }));
  return (
    <form onSubmit={submit} noValidate onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) void submit(); }}>
      <Stack gap="sm">
        <DraftNotice draft={draft} onDiscard={() => form.reset()} />
        <KindChoice kinds={KINDS} {...form.getInputProps('kind')} />
        <Group grow>
          <DateInput label={t('care.form.heldAt')} description={t('care.form.heldAtHelp')} valueFormat={DATE_FORMAT} clearable maxDate={centreNow()} {...form.getInputProps('heldDate')} />
          <TimeInput label="&nbsp;" aria-label={t('care.form.heldAt')} {...form.getInputProps('heldTime')} />
        </Group>
        <Group grow>
          <NumberInput label={t('care.form.duration')} min={1} max={600} {...form.getInputProps('durationMinutes')} />
          {pfa && <Select label={t('care.form.modality')} data={codes('modalities', PFA_MODALITIES)} allowDeselect={false} {...form.getInputProps('modality')} />}
        </Group>
        {pfa ? (
          <ChipList label={t('care.form.reactions')} data={codes('reactions', REACTIONS)} {...form.getInputProps('reactions')} />
        ) : (
          <>
            <ChipList label={t('care.form.concerns')} data={codes('concerns', CONCERNS)} {...form.getInputProps('concerns')} />
            <Card withBorder bg={positive ? 'red.0' : 'gray.0'} p="sm" data-testid="asq">
              <Group justify="space-between" mb={4}>
                <Text fw={600} size="sm">{t('care.asq.title')}</Text>
                {result && <Badge color={positive ? 'red' : 'teal'} data-testid="asq-result">{t(`care.asq.results.${result}`)}</Badge>}
              </Group>
              <Text size="xs" c="dimmed" mb="xs">{t('care.asq.help')}</Text>
              <Checkbox size="xs" mb="xs" label={t('care.asq.skip')} checked={!v.useAsq} onChange={(e) => form.setFieldValue('useAsq', !e.currentTarget.checked)} />
              {v.useAsq && (
                <Stack gap={6}>
                  {ASQ_QUESTIONS.map((q) => <AsqQuestion key={q} label={t(`care.asq.${q}`)} {...form.getInputProps(`asq.${q}`)} />)}
                  {v.asq.everTried === 'yes' && <TextInput size="xs" label={t('care.asq.howAndWhen')} maxLength={500} {...form.getInputProps('howAndWhen')} />}
                  {positive && <AsqQuestion label={t('care.asq.thoughtsNow')} {...form.getInputProps('asq.thoughtsNow')} />}
                  {form.errors.asq && <Text size="xs" c="red">{form.errors.asq}</Text>}
                </Stack>
              )}
              <Checkbox size="xs" mt="xs" label={t('care.form.acuteRisk')} {...form.getInputProps('acuteRisk', { type: 'checkbox' })} />
            </Card>
            <ChipList label={t('care.form.interventions')} data={codes('interventions', INTERVENTIONS)} {...form.getInputProps('interventions')} />
            <Textarea label={t('care.form.plan')} autosize minRows={2} maxLength={4000} {...form.getInputProps('plan')} />
            <TextInput label={t('care.form.proposedReferral')} maxLength={500} {...form.getInputProps('proposedReferral')} />
          </>
        )}
        <Group grow>
          <DateInput label={t('care.form.nextAppointment')} valueFormat={DATE_FORMAT} clearable {...form.getInputProps('nextDate')} />
          <TimeInput label="&nbsp;" aria-label={t('care.form.nextAppointment')} {...form.getInputProps('nextTime')} />
        </Group>
        <Textarea label={t('care.form.notes')} description={t('care.form.notesHelp', { service: t('care.services.psychology') })} autosize minRows={3} maxLength={4000} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>{t('care.form.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function AsqQuestion({ label, value = '', onChange, error }: { label: string; value?: string; onChange: (v: string) => void; error?: unknown }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} value={value} onChange={onChange} size="xs" error={error ? String(error) : undefined}>
      <Group gap="md" mt={2}>
        {(['yes', 'no', 'refused'] as const).map((a) => <Radio key={a} value={a} label={t(`care.asq.answers.${a}`)} />)}
      </Group>
    </Radio.Group>
  );
}

function CloseRiskForm({ flagId, onClose }: { flagId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useCallMutation('care.closeRisk', ['care.facts', 'care.queue', 'care.riskFlags', 'flow.board', 'persons.get']);
  const form = useForm({ mode: 'controlled', initialValues: { action: null as string | null, details: '' }, validate: { action: (a) => (a ? null : t('validation.required')) } });
  const submit = form.onSubmit(async (values) => {
    await close.mutateAsync({ flagId, action: values.action as 'safety_plan', details: values.details });
    notifySuccess(t('care.riskClosed'));
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select label={t('care.riskAction')} data={RISK_ACTIONS.map((a) => ({ value: a, label: t(`care.riskActions.${a}`) }))} required data-autofocus {...form.getInputProps('action')} />
        <Textarea label={t('care.riskDetails')} autosize minRows={2} maxLength={4000} {...form.getInputProps('details')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={close.isPending}>{t('care.closeRisk')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
