import type { Input } from '@core/contract';
import { HOSPITAL_REFERRAL, PREGNANCY, TRIAGE_PRIORITY } from '@core/domains/care/contract';
import { ActionIcon, Anchor, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDate } from '../../app/format';
import { personName } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { KeyNotice } from './KeyNotice';
import { KindChoice } from './CareInputs';

const VITALS = ['systolic', 'diastolic', 'heartRate', 'temperature', 'respiratoryRate', 'oxygenSaturation'] as const;
type Vitals = Record<(typeof VITALS)[number], number | string>;

/** Triage at arrival, or attention given with the medicines dispensed (out of the stock's lots). */
export function MedicalForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const save = useCallMutation('care.medical', ['care.history', 'care.facts', 'care.medicines', 'flow.board', 'persons.get']);
  const medicines = useCallQuery('care.medicines', {}, { staleTime: 0 });
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      kind: 'triage' as 'triage' | 'first_aid' | 'consultation',
      durationMinutes: 15 as number | string,
      priority: 'routine',
      vitals: Object.fromEntries(VITALS.map((v) => [v, ''])) as Vitals,
      injuries: '',
      chronicIllness: '',
      medicationNeeds: '',
      pregnancy: 'unknown',
      attention: '',
      medicines: [] as { lotId: string | null; quantity: number | string }[],
      hospital: 'none',
      hospitalReason: '',
      notes: '',
    },
  });
  // What is typed survives the idle lock: kept as a draft sealed under the medical key.
  const draft = useFormDraft(`care-medical:${personId}`, form.values, form.setValues);
  const v = form.values;
  const submit = form.onSubmit(async (values) => {
    const vital = (x: number | string) => (x === '' ? null : Number(x));
    const input: Input<'care.medical'> =
      values.kind === 'triage'
        ? {
            personId,
            kind: 'triage',
            durationMinutes: Number(values.durationMinutes),
            notes: values.notes,
            triage: {
              priority: values.priority as 'routine',
              vitals: Object.fromEntries(VITALS.map((k) => [k, vital(values.vitals[k])])) as Record<(typeof VITALS)[number], number | null>,
              injuries: values.injuries,
              chronicIllness: values.chronicIllness,
              medicationNeeds: values.medicationNeeds,
              pregnancy: values.pregnancy as 'unknown',
            },
          }
        : {
            personId,
            kind: values.kind,
            durationMinutes: Number(values.durationMinutes),
            notes: values.notes,
            attention: values.attention,
            medicines: values.medicines.filter((m) => m.lotId).map((m) => ({ lotId: m.lotId!, quantity: Number(m.quantity) })),
            hospitalReferral: values.hospital === 'none' ? null : { to: values.hospital as 'hospital', reason: values.hospitalReason },
          };
    await save.mutateAsync(input);
    await draft.discard();
    notifySuccess(t('care.form.saved'));
    form.reset();
  });
  const lots = (medicines.data ?? []).map((l) => ({ value: l.lotId, label: t('care.medical.medicineOption', { name: l.name, lot: l.lotCode, expiry: l.expiry ? formatDate(l.expiry) : '—', balance: l.balance }) }));
  return (
    <form onSubmit={submit} noValidate onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) void submit(); }}>
      <Stack gap="sm">
        <DraftNotice draft={draft} onDiscard={() => form.reset()} />
        <KindChoice kinds={['triage', 'first_aid', 'consultation']} {...form.getInputProps('kind')} />
        <NumberInput label={t('care.form.duration')} min={1} max={600} {...form.getInputProps('durationMinutes')} />
        {v.kind === 'triage' ? (
          <>
            <Select label={t('care.medical.priority')} data={TRIAGE_PRIORITY.map((p) => ({ value: p, label: t(`care.medical.priorities.${p}`) }))} allowDeselect={false} {...form.getInputProps('priority')} />
            <Text size="sm" fw={500}>{t('care.medical.vitals')}</Text>
            <SimpleGrid cols={3}>
              {VITALS.map((k) => <NumberInput key={k} label={t(`care.medical.${k}`)} decimalScale={k === 'temperature' ? 1 : 0} {...form.getInputProps(`vitals.${k}`)} />)}
            </SimpleGrid>
            <TextInput label={t('care.medical.injuries')} maxLength={500} {...form.getInputProps('injuries')} />
            <TextInput label={t('care.medical.chronicIllness')} maxLength={500} {...form.getInputProps('chronicIllness')} />
            <TextInput label={t('care.medical.medicationNeeds')} maxLength={500} {...form.getInputProps('medicationNeeds')} />
            <Select label={t('care.medical.pregnancy')} data={PREGNANCY.map((p) => ({ value: p, label: t(`care.medical.pregnancies.${p}`) }))} allowDeselect={false} {...form.getInputProps('pregnancy')} />
          </>
        ) : (
          <>
            <TextInput label={t('care.medical.attention')} maxLength={500} {...form.getInputProps('attention')} />
            <Text size="sm" fw={500}>{t('care.medical.medicines')}</Text>
            {v.medicines.map((_, i) => (
              <Group key={i} align="flex-end" wrap="nowrap">
                <Select style={{ flex: 1 }} label={t('care.medical.medicine')} data={lots} searchable {...form.getInputProps(`medicines.${i}.lotId`)} />
                <NumberInput w={100} label={t('care.medical.quantity')} min={1} max={1000} {...form.getInputProps(`medicines.${i}.quantity`)} />
                <ActionIcon variant="subtle" color="red" aria-label={t('common.delete', { defaultValue: 'Quitar' })} onClick={() => form.removeListItem('medicines', i)}><IconTrash size={16} /></ActionIcon>
              </Group>
            ))}
            <Button variant="light" size="xs" w="fit-content" onClick={() => form.insertListItem('medicines', { lotId: null, quantity: 1 })}>{t('care.medical.addMedicine')}</Button>
            <Select label={t('care.medical.hospital')} data={['none', ...HOSPITAL_REFERRAL].map((h) => ({ value: h, label: t(`care.medical.hospitals.${h}`) }))} allowDeselect={false} {...form.getInputProps('hospital')} />
            {v.hospital !== 'none' && <TextInput label={t('care.medical.hospitalReason')} maxLength={500} {...form.getInputProps('hospitalReason')} />}
          </>
        )}
        <Textarea label={t('care.form.notes')} description={t('care.form.notesHelp', { service: t('care.services.medical') })} autosize minRows={2} maxLength={4000} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>{t('care.form.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Health staff's list: everyone present today, with the open risk cases first. */
export function MedicalPage() {
  const { t } = useTranslation();
  const board = useCallQuery('flow.board', { status: 'waiting' }, { staleTime: 0, refetchInterval: 60_000 });
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t('care.medicalTitle')}</Title>
        <Button variant="default" component={Link} to="/atencion/llaves">{t('care.keysLink')}</Button>
      </Group>
      <KeyNotice service="medical" />
      <Card withBorder>
        <Text fw={600} mb="xs">{t('care.medical.queue')} ({board.data?.rows.length ?? 0})</Text>
        <Table fz="sm" data-testid="medical-queue">
          <Table.Tbody>
            {(board.data?.rows ?? []).map((r) => (
              <Table.Tr key={r.personArrivalId} bg={r.urgentRisk ? 'red.0' : undefined}>
                <Table.Td>
                  <Anchor component={Link} to={`/personas/${r.personId}`} fw={500}>{personName(r)}</Anchor>
                  <Text size="xs" c="dimmed">{r.caseNumber} · {r.arrivalLabel}</Text>
                </Table.Td>
                <Table.Td>{r.urgentRisk && <Text size="xs" c="red" fw={600}>{t('care.urgent')}</Text>}</Table.Td>
                <Table.Td ta="right"><Button size="xs" component={Link} to={`/salud/persona/${r.personId}`}>{t('care.medical.open')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
