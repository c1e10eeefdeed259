import type { Output } from '@core/contract';
import { PERMISSIONS, roleAllows } from '@core/permissions';
import { Badge, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDate } from '../../app/format';
import { optionList } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';
import { ShareWithSelect } from './ShareWithSelect';

type ConsentState = Output<'consent.status'>[number];
const YES_NO = ['registration', 'follow_up', 'replication'] as const;
/** Care is offered, and may be declined: asked yes or no, or not asked yet (station 7). */
const CARE = ['psychological_care', 'medical_care'] as const;
type Asked = 'unasked' | 'yes' | 'no';

/**
 * The consent in force (per purpose, and per institution for sharing), with what staff who
 * explain consent can do: update it with the person (a new decision, explained by them) or
 * withdraw one with the reason.
 */
export function ConsentSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const consent = useCallQuery('consent.status', { personId }, { staleTime: 0 });
  const [updating, setUpdating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentState | null>(null);
  const canRecord = roleAllows(PERMISSIONS['consent.record'], session.roles);
  const state = consent.data ?? [];

  return (
    <>
      <Group justify="space-between" mt="md" mb="xs">
        <Text fw={600}>{t('caseFile.consent')}</Text>
        {canRecord && (
          <Button size="xs" variant="light" onClick={() => setUpdating(true)}>
            {t('consent.update')}
          </Button>
        )}
      </Group>
      {state.length ? (
        <Stack gap={8} data-testid="consent-state">
          {state.map((c) => (
            <div key={`${c.purpose}${c.institution}`}>
              <Group gap="xs" wrap="nowrap">
                <Badge color={c.granted ? 'teal' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
                  {c.granted ? t('caseFile.granted') : t('caseFile.refused')}
                </Badge>
                <Text size="sm" style={{ flex: 1 }}>
                  {t(`registration.purposes.${c.purpose}`)}
                  {c.institutionCode && <Text span fw={600} title={c.institutionName ?? undefined}>: {c.institutionCode}</Text>}
                </Text>
                {canRecord && c.granted && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setWithdrawing(c)}>
                    {t('caseFile.withdraw')}
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed" ml={4}>
                {formatDate(c.recordedAt)} · {c.explainedBy}{c.notes ? ` · ${c.notes}` : ''}
              </Text>
            </div>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">{t('caseFile.noConsent')}</Text>
      )}
      <Modal opened={updating} onClose={() => setUpdating(false)} title={t('consent.updateTitle')} size="lg" centered>
        {updating && <UpdateConsentForm personId={personId} state={state} onClose={() => setUpdating(false)} />}
      </Modal>
      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t('consent.withdrawTitle')} centered>
        {withdrawing && <WithdrawForm personId={personId} consent={withdrawing} onClose={() => setWithdrawing(null)} />}
      </Modal>
    </>
  );
}

function UpdateConsentForm({ personId, state, onClose }: { personId: string; state: ConsentState[]; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useCallMutation('consent.record', ['consent.status', 'persons.get', 'flow.board']);
  const granted = (purpose: string) => state.some((c) => c.purpose === purpose && c.granted);
  const asked = (purpose: string): Asked => {
    const c = state.find((x) => x.purpose === purpose);
    return !c ? 'unasked' : c.granted ? 'yes' : 'no';
  };
  const sharedWith = state.filter((c) => c.purpose === 'sharing' && c.granted).map((c) => c.institution);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      registration: granted('registration'),
      follow_up: granted('follow_up'),
      replication: granted('replication'),
      psychological_care: asked('psychological_care'),
      medical_care: asked('medical_care'),
      shareWith: sharedWith,
      language: state[0]?.language ?? 'es',
      notes: '',
    },
  });
  const submit = form.onSubmit(async (values) => {
    // Only what changed becomes a new decision; an institution taken off the list is a "no".
    const decisions = [
      ...YES_NO.filter((p) => values[p] !== granted(p)).map((purpose) => ({ purpose, institution: '', granted: values[purpose] })),
      ...CARE.filter((p) => values[p] !== 'unasked' && values[p] !== asked(p)).map((purpose) => ({ purpose, institution: '', granted: values[purpose] === 'yes' })),
      ...values.shareWith.filter((i) => !sharedWith.includes(i)).map((institution) => ({ purpose: 'sharing' as const, institution, granted: true })),
      ...sharedWith.filter((i) => !values.shareWith.includes(i)).map((institution) => ({ purpose: 'sharing' as const, institution, granted: false })),
    ];
    if (decisions.length === 0) return form.setFieldError('notes', t('consent.noChange'));
    await record.mutateAsync({ personId, language: values.language, decisions, ...(values.notes ? { notes: values.notes } : {}) });
    notifySuccess(t('consent.recorded'));
    onClose();
  });
  const keep = state.filter((c) => c.purpose === 'sharing').map((c) => ({ value: c.institution, label: c.institutionCode ?? c.institution }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('registration.consentHelp')}</Text>
        {YES_NO.map((purpose) => (
          <Checkbox key={purpose} label={t(`registration.purposes.${purpose}`)} {...form.getInputProps(purpose, { type: 'checkbox' })} />
        ))}
        {CARE.map((purpose) => (
          <div key={purpose}>
            <Text size="sm" mb={2}>{t(`registration.purposes.${purpose}`)}</Text>
            <SegmentedControl
              size="xs"
              aria-label={t(`registration.purposes.${purpose}`)}
              data={(['unasked', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`consent.asked.${v}`) }))}
              {...form.getInputProps(purpose)}
            />
          </div>
        ))}
        <ShareWithSelect keep={keep} {...form.getInputProps('shareWith')} />
        <Select label={t('registration.consentLanguage')} data={optionList('languages')} allowDeselect={false} {...form.getInputProps('language')} />
        <Textarea label={t('consent.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={record.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawForm({ personId, consent, onClose }: { personId: string; consent: ConsentState; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useCallMutation('consent.withdraw', ['consent.status', 'persons.get', 'flow.board']);
  const form = useForm({ mode: 'controlled', initialValues: { notes: '' } });
  const submit = form.onSubmit(async ({ notes }) => {
    if (notes.trim().length < 3) return form.setFieldError('notes', t('consent.reasonNeeded'));
    await withdraw.mutateAsync({ personId, purpose: consent.purpose, institution: consent.institution, notes });
    notifySuccess(t('consent.withdrawn'));
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t(`registration.purposes.${consent.purpose}`)}
          {consent.institutionCode ? `: ${consent.institutionCode}` : ''}
        </Text>
        <Textarea label={t('consent.reason')} required autoFocus data-autofocus autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={withdraw.isPending}>{t('caseFile.withdraw')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
