import { Badge, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { centreInstant } from '../../app/centre-time';
import { DATE_FORMAT, formatDateTime } from '../../app/format';
import { notifySuccess } from '../../app/notify';

const INVALIDATE = ['referrals.followUps', 'referrals.followUpsDue'] as const;

/** Follow-up after departure on the case file: the case's state, the contacts so far, the next one; close or reopen the case. */
export function FollowUpSection({ personId, canRecord }: { personId: string; canRecord: boolean }) {
  const { t } = useTranslation();
  const data = useCallQuery('referrals.followUps', { personId }, { staleTime: 0 });
  const record = useCallMutation('referrals.followUp', [...INVALIDATE]);
  const [closing, setClosing] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { channel: 'phone', outcome: 'reached', note: '', nextDate: null as string | null, nextTime: '' } });
  if (!data.data) return null;
  const { state, followUps } = data.data;
  return (
    <Stack gap={6} mt="md" data-testid="follow-ups">
      <Group justify="space-between">
        <Text size="sm" fw={500}>{t('referrals.followUps')}</Text>
        <Badge color={state === 'closed' ? 'teal' : state === 'unreachable' ? 'orange' : 'blue'} variant="light">{t(`referrals.caseState.${state}`)}</Badge>
      </Group>
      {followUps.slice(0, 5).map((f) => (
        <Text key={f.id} size="xs">
          {formatDateTime(f.at)} · {t(`referrals.channels.${f.channel}`)} · {t(`referrals.outcomes.${f.outcome}`)}{f.note ? ` · ${f.note}` : ''} · {f.by}
          {f.nextAt ? ` → ${formatDateTime(f.nextAt)}` : ''}
        </Text>
      ))}
      {canRecord && (
        <form
          noValidate
          onSubmit={form.onSubmit(async (v) => {
            await record.mutateAsync({ personId, channel: v.channel as 'phone', outcome: v.outcome as 'reached', ...(v.note.trim() ? { note: v.note.trim() } : {}), ...(v.nextDate ? { nextAt: centreInstant(v.nextDate, v.nextTime || '09:00') } : {}) });
            notifySuccess(t('referrals.followUpSaved'));
            form.reset();
          })}
        >
          <Stack gap={6}>
            <Group grow align="flex-start">
              <Select label={t('referrals.channel')} allowDeselect={false} data={(['phone', 'visit', 'message'] as const).map((c) => ({ value: c, label: t(`referrals.channels.${c}`) }))} {...form.getInputProps('channel')} />
              <Radio.Group label={t('referrals.outcome')} {...form.getInputProps('outcome')}>
                <Group gap="sm" mt={6}>{(['reached', 'not_reached'] as const).map((o) => <Radio key={o} value={o} label={t(`referrals.outcomes.${o}`)} />)}</Group>
              </Radio.Group>
            </Group>
            <Textarea label={t('referrals.followUpNote')} autosize minRows={1} maxLength={1000} {...form.getInputProps('note')} />
            <Group grow>
              <DateInput label={t('referrals.nextDate')} valueFormat={DATE_FORMAT} clearable {...form.getInputProps('nextDate')} />
              <TimeInput label="&nbsp;" aria-label={t('referrals.nextDate')} {...form.getInputProps('nextTime')} />
            </Group>
            <Group justify="space-between">
              <Button size="xs" variant="subtle" onClick={() => setClosing(true)}>{state === 'closed' ? t('referrals.reopenCase') : t('referrals.closeCase')}</Button>
              <Button size="xs" type="submit" loading={record.isPending}>{t('referrals.saveFollowUp')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      <Modal opened={closing} onClose={() => setClosing(false)} title={state === 'closed' ? t('referrals.reopenCase') : t('referrals.closeCase')} centered>
        {closing && <CaseForm personId={personId} action={state === 'closed' ? 'reopened' : 'closed'} onClose={() => setClosing(false)} />}
      </Modal>
    </Stack>
  );
}

function CaseForm({ personId, action, onClose }: { personId: string; action: 'closed' | 'reopened'; onClose: () => void }) {
  const { t } = useTranslation();
  const set = useCallMutation('referrals.setCase', [...INVALIDATE]);
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' }, validate: { reason: (v) => (v.trim().length >= 5 ? null : t('validation.reasonNeeded')) } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        const done = await set.mutateAsync({ personId, action, reason: v.reason.trim() });
        notifySuccess(t('referrals.caseSaved', { state: t(`referrals.caseState.${done.state}`) }));
        onClose();
      })}
    >
      <Stack>
        <Textarea label={t('referrals.caseReason')} required autosize minRows={2} maxLength={1000} data-autofocus {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={set.isPending}>{action === 'closed' ? t('referrals.closeCase') : t('referrals.reopenCase')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
