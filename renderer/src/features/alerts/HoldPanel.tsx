import { ResolveHold } from '@core/domains/alerts/contract';
import { Alert, Autocomplete, Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconHandStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { centreInstant, centreNow, centreTime, centreToday } from '../../app/centre-time';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { contractResolver } from '../../app/form';
import { formatDateTime } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { CentreZoneNote } from '../../components/CentreZoneNote';
import { SafeForm } from '../../components/SafeForm';

/** Who usually receives a person held at the centre (typed freely if another). */
const AUTHORITIES = ['PNC', 'PNC División de Fronteras', 'INTERPOL (PNC)', 'Ministerio Público', 'Policía Nacional (Honduras)', 'DGME'];

/**
 * "Retenido — consulte a verificación" on a person's file: every role sees it, nobody can record
 * the departure, and the alert officer or the manager record how the hold ends.
 */
export function HoldPanel({ personId, personName, canResolve }: { personId: string; personName: string; canResolve: boolean }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'handover' | 'release' | null>(null);
  const info = useCallQuery('alerts.hold', { personId }, { enabled: canResolve, staleTime: 0 });
  return (
    <Alert color="red" variant="filled" icon={<IconHandStop />} title={t('alerts.hold.title')} data-testid="hold-banner">
      <Text size="sm">{t('alerts.hold.text')}</Text>
      {info.data?.heldSince && <Text size="xs" mt={4}>{t('alerts.hold.since', { at: formatDateTime(info.data.heldSince) })}</Text>}
      {canResolve && (
        <Group mt="sm" gap="xs">
          <Button size="xs" color="white" variant="white" c="red.9" onClick={() => setOutcome('handover')}>{t('alerts.hold.handover')}</Button>
          <Button size="xs" color="white" variant="outline" onClick={() => setOutcome('release')}>{t('alerts.hold.release')}</Button>
        </Group>
      )}
      <Modal opened={outcome !== null} onClose={() => setOutcome(null)} title={t(outcome === 'release' ? 'alerts.hold.releaseTitle' : 'alerts.hold.handoverTitle', { name: personName })} centered size="lg">
        {outcome && <ResolveForm personId={personId} initial={outcome} onDone={() => setOutcome(null)} />}
      </Modal>
    </Alert>
  );
}

function ResolveForm({ personId, initial, onDone }: { personId: string; initial: 'handover' | 'release'; onDone: () => void }) {
  const { t } = useTranslation();
  const resolve = useCallMutation('alerts.resolveHold', ['persons.get', 'alerts.status', 'alerts.hold', 'flow.board']);
  const [opened] = useState(() => centreTime(centreNow()));
  const form = useForm({
    mode: 'controlled',
    initialValues: { outcome: initial, institution: 'PNC', receivedBy: '', time: opened, reason: '' },
  });
  const draft = useFormDraft(`hold:${personId}`, form.values, form.setValues);
  const submit = form.onSubmit(async (v) => {
    const input = {
      personId,
      outcome: v.outcome,
      ...(v.outcome === 'handover' ? { institution: v.institution.trim(), receivedBy: v.receivedBy.trim() } : {}),
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
      // Left as it opened: it happens now (to the second). Changed: the time typed, today at the centre.
      ...(v.time && v.time !== opened ? { at: centreInstant(centreToday(), v.time) } : {}),
    };
    const errors = contractResolver(ResolveHold)(input as never);
    if (Object.keys(errors).length) return form.setErrors(errors);
    await resolve.mutateAsync(input);
    await draft.discard();
    notifySuccess(t(v.outcome === 'handover' ? 'alerts.hold.handedOver' : 'alerts.hold.released'));
    onDone();
  });
  const handover = form.values.outcome === 'handover';
  return (
    <SafeForm onSubmit={submit} errors={form.errors}>
      <Stack>
        <DraftNotice draft={draft} onDiscard={() => form.reset()} />
        <SegmentedControl
          data={(['handover', 'release'] as const).map((o) => ({ value: o, label: t(`alerts.hold.${o}`) }))}
          {...form.getInputProps('outcome')}
        />
        <Text size="sm" c="dimmed">{t(handover ? 'alerts.hold.handoverHelp' : 'alerts.hold.releaseHelp')}</Text>
        {handover && (
          <SimpleGrid cols={2}>
            <Autocomplete label={t('alerts.hold.institution')} data={AUTHORITIES} required {...form.getInputProps('institution')} />
            <TextInput label={t('alerts.hold.receivedBy')} placeholder={t('alerts.hold.receivedByPlaceholder')} required data-autofocus maxLength={160} {...form.getInputProps('receivedBy')} />
          </SimpleGrid>
        )}
        <TimeInput label={t(handover ? 'alerts.hold.handoverTime' : 'alerts.hold.releaseTime')} description={<CentreZoneNote />} {...form.getInputProps('time')} />
        <Textarea
          label={t(handover ? 'alerts.hold.notes' : 'alerts.hold.reason')}
          required={!handover}
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus={!handover || undefined}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void draft.discard().then(onDone)}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={resolve.isPending}>{t(handover ? 'alerts.hold.handoverSave' : 'alerts.hold.releaseSave')}</Button>
        </Group>
      </Stack>
    </SafeForm>
  );
}
