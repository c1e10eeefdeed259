import type { Screening } from '@core/domains/screening/contract';
import { LEVELS, type Level } from '@core/screening/rules';
import { Alert, Button, Card, Group, List, Modal, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/hooks';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { formatDateTime } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';
import { Countdown, indicatorLabel, LevelBadge } from './level';
import { ScreeningAnswers } from './ScreeningAnswers';

const INVALIDATES = ['screening.history', 'screening.queue', 'flow.board', 'persons.get', 'screening.form'] as const;

/**
 * One screening: the colour, what to do and by when, the indicators that decided it in plain
 * words, any override and the attention given. Protection officers change the colour or record
 * the attention from here.
 */
export function ScreeningCard({ screening }: { screening: Screening }) {
  const { t } = useTranslation();
  const roles = useCurrentSession().roles;
  const canAct = roles.includes('protection_officer');
  const canRead = roles.some((r) => r === 'protection_officer' || r === 'psychologist' || r === 'manager');
  const [dialog, setDialog] = useState<'override' | 'attend' | null>(null);
  const [reading, setReading] = useState(false);
  const notify = useCallMutation('screening.notifyPsychology', [...INVALIDATES, 'screening.notices']);
  const others = screening.indicators.filter((i) => !screening.reasons.includes(i));
  return (
    <Card withBorder data-testid="screening-card">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('screening.sequence', { sequence: screening.sequence })} · {t('screening.screenedBy', { by: screening.screenedBy, date: formatDateTime(screening.screenedAt) })}
          </Text>
          <Group gap="xs">
            <LevelBadge level={screening.level} size="xl" />
            {screening.overrides.length > 0 && <Text size="sm" c="dimmed">{t('screening.computed', { level: t(`screening.levelShort.${screening.computedLevel}`) })}</Text>}
          </Group>
          <Text fw={500}>{t(`screening.actionText.${screening.level}`)}</Text>
          <Countdown deadlineAt={screening.deadlineAt} attendedAt={screening.attention?.at ?? null} size="md" />
          <Text size="xs" c="dimmed">{t('screening.deadlineAt', { date: formatDateTime(screening.deadlineAt) })} · {t('screening.rulesVersion', { version: screening.rulesVersion })}</Text>
        </Stack>
        <Group>
          {canRead && <Button variant="subtle" onClick={() => setReading(true)}>{t('screening.readAnswers')}</Button>}
          {canAct && <Button variant="default" onClick={() => setDialog('override')}>{t('screening.override')}</Button>}
          {canAct && !screening.attention && <Button onClick={() => setDialog('attend')}>{t('screening.attend')}</Button>}
        </Group>
      </Group>
      {screening.psychologyNotice ? (
        <Alert color="grape" variant="light" mt="sm" data-testid="psychology-notified">
          {t('screening.psychologyNotified', { by: screening.psychologyNotice.by, date: formatDateTime(screening.psychologyNotice.at) })}
        </Alert>
      ) : (
        screening.notifyPsychology &&
        canAct && (
          <Alert color="red" variant="light" mt="sm" title={t('screening.notifyTitle')} data-testid="notify-psychology">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('screening.notifyText')}</Text>
              <Button
                color="red"
                loading={notify.isPending}
                onClick={async () => {
                  await notify.mutateAsync({ screeningId: screening.id });
                  notifySuccess(t('screening.notified'));
                }}
              >
                {t('screening.notify')}
              </Button>
            </Group>
          </Alert>
        )
      )}
      <ScreeningAnswers screeningId={reading ? screening.id : null} onClose={() => setReading(false)} />
      <Title order={5} mt="md">{t('screening.reasons')}</Title>
      {screening.reasons.length ? (
        <List size="sm" data-testid="screening-reasons">
          {screening.reasons.map((r) => <List.Item key={r}>{indicatorLabel(r)}</List.Item>)}
        </List>
      ) : (
        <Text size="sm" data-testid="screening-reasons">{t('screening.noReasons')}</Text>
      )}
      {others.length > 0 && (
        <Text size="sm" c="dimmed" mt={4}>{t('screening.otherIndicators')}: {others.map(indicatorLabel).join(', ')}</Text>
      )}
      {screening.overrides.map((o, i) => (
        <Text key={i} size="sm" mt={4} data-testid="screening-override">
          {t('screening.overrideBy', { from: t(`screening.levelShort.${o.from}`), to: t(`screening.levelShort.${o.to}`), by: o.by, date: formatDateTime(o.at), reason: o.reason })}
        </Text>
      ))}
      {screening.attention && (
        <Text size="sm" mt={4} c="teal.8">{t('screening.attention', { action: screening.attention.action, by: screening.attention.by, date: formatDateTime(screening.attention.at) })}</Text>
      )}
      <Modal opened={dialog === 'override'} onClose={() => setDialog(null)} title={t('screening.overrideTitle')} centered>
        {dialog === 'override' && <OverrideForm screening={screening} onDone={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog === 'attend'} onClose={() => setDialog(null)} title={t('screening.attendTitle')} centered>
        {dialog === 'attend' && <AttendForm screening={screening} onDone={() => setDialog(null)} />}
      </Modal>
    </Card>
  );
}

function OverrideForm({ screening, onDone }: { screening: Screening; onDone: () => void }) {
  const { t } = useTranslation();
  const override = useCallMutation('screening.override', [...INVALIDATES]);
  const choices = LEVELS.filter((l) => l !== screening.level);
  const form = useForm({ mode: 'controlled', initialValues: { level: choices[0] as Level, reason: '' } });
  const draft = useFormDraft(`screening-override:${screening.id}`, form.values, form.setValues);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ level, reason }) => {
        if (reason.trim().length < 5) return form.setFieldError('reason', t('validation.reasonNeeded'));
        await override.mutateAsync({ screeningId: screening.id, level, reason });
        await draft.discard();
        notifySuccess(t('screening.overrideSaved', { level: t(`screening.levels.${level}`) }));
        onDone();
      })}
    >
      <Stack>
        <DraftNotice draft={draft} onDiscard={() => form.reset()} />
        <Text size="sm" c="dimmed">{t('screening.overrideHelp')}</Text>
        <div>
          <Text size="sm" fw={500} mb={4}>{t('screening.newLevel')}</Text>
          <SegmentedControl fullWidth data={choices.map((l) => ({ value: l, label: t(`screening.levels.${l}`) }))} {...form.getInputProps('level')} />
        </div>
        <Textarea label={t('screening.reason')} required autosize minRows={3} data-autofocus {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void draft.discard().then(onDone)}>{t('common.cancel')}</Button>
          <Button type="submit" loading={override.isPending}>{t('screening.override')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function AttendForm({ screening, onDone }: { screening: Screening; onDone: () => void }) {
  const { t } = useTranslation();
  const attend = useCallMutation('screening.attend', [...INVALIDATES]);
  const form = useForm({ mode: 'controlled', initialValues: { action: '' } });
  const draft = useFormDraft(`screening-attend:${screening.id}`, form.values, form.setValues);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ action }) => {
        if (action.trim().length < 5) return form.setFieldError('action', t('validation.reasonNeeded'));
        await attend.mutateAsync({ screeningId: screening.id, action });
        await draft.discard();
        notifySuccess(t('screening.attended'));
        onDone();
      })}
    >
      <Stack>
        <DraftNotice draft={draft} onDiscard={() => form.reset()} />
        <Text size="sm" c="dimmed">{t('screening.attendHelp')}</Text>
        <Textarea label={t('screening.action')} required autosize minRows={3} data-autofocus {...form.getInputProps('action')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void draft.discard().then(onDone)}>{t('common.cancel')}</Button>
          <Button type="submit" loading={attend.isPending}>{t('screening.attend')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
