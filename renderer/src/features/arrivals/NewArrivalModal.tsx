import { ArrivalInput } from '@core/domains/arrivals/contract';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCallMutation } from '../../api/hooks';
import { centreInstant, centreToday } from '../../app/centre-time';
import { DATE_FORMAT } from '../../app/format';
import { CentreZoneNote } from '../../components/CentreZoneNote';
import { SafeForm } from '../../components/SafeForm';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { contractResolver } from '../../app/form';
import { countryOptions } from '../../app/labels';
import { notifySuccess } from '../../app/notify';

/** Times are typed as the centre's clock shows them, whatever the workstation's zone. */
function combine(date: string, time: string): string | null {
  return time ? centreInstant(date, time) : null;
}

export function NewArrivalModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('arrivals.new')} size="lg" centered>
      {opened && <NewArrivalForm onClose={onClose} />}
    </Modal>
  );
}

function NewArrivalForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCallMutation('arrivals.create', ['arrivals.list', 'flow.board']);
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: 'flight', route: 'air', originCountry: 'USA', carrier: '', reference: '', date: centreToday(), scheduled: '', actual: '', pointOfEntry: '' },
  });
  const draft = useFormDraft('new-arrival', form.values, form.setValues);
  const submit = form.onSubmit(async (v) => {
    const input = {
      kind: v.kind as 'flight' | 'bus',
      route: v.route as 'air' | 'land',
      originCountry: v.originCountry,
      carrier: v.carrier,
      reference: v.reference,
      date: v.date,
      scheduledAt: combine(v.date, v.scheduled),
      actualAt: combine(v.date, v.actual),
      pointOfEntry: v.pointOfEntry,
    };
    const errors = contractResolver(ArrivalInput)(input as never);
    if (Object.keys(errors).length) return form.setErrors(errors);
    const arrival = await create.mutateAsync(input);
    await draft.discard();
    notifySuccess(t('arrivals.created'));
    onClose();
    void navigate(`/arribos/${arrival.id}`);
  });
  return (
    <SafeForm onSubmit={submit} errors={form.errors}>
      <Stack gap="sm">
        <DraftNotice draft={draft} onDiscard={() => form.reset()} />
        <SimpleGrid cols={2}>
          <SegmentedControl
            data={(['flight', 'bus'] as const).map((k) => ({ value: k, label: t(`arrivals.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
            onChange={(kind) => {
              form.setFieldValue('kind', kind);
              form.setFieldValue('route', kind === 'flight' ? 'air' : 'land');
              form.setFieldValue('originCountry', kind === 'flight' ? 'USA' : 'MEX');
            }}
          />
          <Select label={null} aria-label={t('arrivals.origin')} data={countryOptions()} searchable allowDeselect={false} {...form.getInputProps('originCountry')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label={t('arrivals.carrier')} data-autofocus {...form.getInputProps('carrier')} />
          <TextInput label={t('arrivals.reference')} {...form.getInputProps('reference')} />
          <DateInput label={t('arrivals.date')} valueFormat={DATE_FORMAT} required {...form.getInputProps('date')} />
          <TextInput label={t('arrivals.pointOfEntry')} {...form.getInputProps('pointOfEntry')} />
          <TimeInput label={t('arrivals.scheduledAt')} description={<CentreZoneNote />} {...form.getInputProps('scheduled')} />
          <TimeInput label={t('arrivals.actualAt')} description={<CentreZoneNote />} {...form.getInputProps('actual')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void draft.discard().then(onClose)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </SafeForm>
  );
}
