import type { Output } from '@core/contract';
import { Anchor, Badge, Button, Card, Checkbox, Group, Modal, MultiSelect, NumberInput, ScrollArea, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REACTIONS, PFA_MODALITIES } from '@core/domains/care/contract';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDateTime } from '../../app/format';
import { personName } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { Countdown, indicatorLabel } from '../screening/level';
import { KeyNotice } from './KeyNotice';

type Queue = Output<'care.queue'>;
type Entry = Queue['present'][number];

/**
 * The psychologist's queue (docs/spec.md, station 7): open suicide risk first, then red
 * screenings for psychosocial reasons by deadline, colleagues' requests, everyone present not
 * yet seen; and the caller's follow-ups due today. First aid for a whole bus or flight is one
 * action from here.
 */
export function CarePage() {
  const { t } = useTranslation();
  const queue = useCallQuery('care.queue', {}, { staleTime: 0, refetchInterval: 60_000 });
  const [group, setGroup] = useState(false);
  if (!queue.data) return null;
  const q = queue.data;
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t('care.title')}</Title>
        <Group>
          <Button variant="default" component={Link} to="/atencion/llaves">{t('care.keysLink')}</Button>
          <Button onClick={() => setGroup(true)}>{t('care.groupPfa')}</Button>
        </Group>
      </Group>
      <KeyNotice service="psychology" />
      <Section title={t('care.sectionUrgent')} rows={q.urgent} testId="care-urgent" color="red" extra={() => <Badge color="red">{t('care.urgent')}</Badge>} />
      <Section
        title={t('care.sectionScreening')}
        rows={q.screening}
        testId="care-screening"
        extra={(r) => (
          <Stack gap={0}>
            <Countdown deadlineAt={r.screening.deadlineAt} />
            <Text size="xs" c="dimmed">{r.indicators.map(indicatorLabel).join(', ')}</Text>
          </Stack>
        )}
      />
      <Section title={t('care.sectionFlagged')} rows={q.flagged} testId="care-flagged" extra={(r) => <Text size="xs">{t('care.notifiedBy', { by: r.notifiedBy, time: formatDateTime(r.notifiedAt) })}</Text>} />
      <Section title={t('care.sectionFollowUps')} rows={q.followUps} testId="care-followups" extra={(r) => <Text size="xs">{t('care.followUpAt', { time: formatDateTime(r.nextAppointmentAt) })}</Text>} />
      <Section title={t('care.sectionPresent')} rows={q.present} testId="care-present" extra={(r) => <Text size="xs" c="dimmed">{r.checkedInAt ? t('care.arrivedAt', { time: formatDateTime(r.checkedInAt) }) : ''}</Text>} />
      <Modal opened={group} onClose={() => setGroup(false)} title={t('care.group.title')} size="xl" centered>
        {group && <GroupPfaForm onClose={() => setGroup(false)} />}
      </Modal>
    </Stack>
  );
}

function Section<R extends Entry>({ title, rows, extra, testId, color }: { title: string; rows: R[]; extra: (r: R) => ReactNode; testId: string; color?: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid={testId} bg={color && rows.length ? `${color}.0` : undefined}>
      <Text fw={600} mb="xs">{title} ({rows.length})</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('care.emptyQueue')}</Text>
      ) : (
        <Table fz="sm">
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.personId} data-testid="care-row">
                <Table.Td>
                  <Anchor component={Link} to={`/personas/${r.personId}`} fw={500}>{personName(r)}</Anchor>
                  <Text size="xs" c="dimmed">{r.caseNumber}{r.age !== null ? ` · ${r.age}` : ''}</Text>
                </Table.Td>
                <Table.Td>{extra(r)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" component={Link} to={`/atencion/persona/${r.personId}`}>{t('care.attend')}</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** First aid for a bus or a flight: everyone present on the arrival is ticked; untick who was not there. */
function GroupPfaForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const board = useCallQuery('flow.board', { status: 'waiting' }, { staleTime: 0 });
  const [arrivalId, setArrivalId] = useState<string | null>(null);
  const [absent, setAbsent] = useState<Set<string>>(new Set());
  const save = useCallMutation('care.recordGroup', ['care.queue', 'flow.board']);
  const form = useForm({ mode: 'controlled', initialValues: { modality: 'group', durationMinutes: 30 as number | string, reactions: [] as string[], notes: '' } });
  if (!board.data) return null;
  const arrivals = board.data.arrivals;
  const chosen = arrivalId ?? arrivals[0]?.id ?? null;
  const people = board.data.rows.filter((r) => r.arrivalId === chosen);
  const present = people.filter((p) => !absent.has(p.personId));
  const submit = form.onSubmit(async (values) => {
    const result = await save.mutateAsync({
      personIds: present.map((p) => p.personId),
      kind: 'pfa',
      modality: values.modality as 'group',
      durationMinutes: Number(values.durationMinutes),
      reactions: values.reactions as never,
      notes: values.notes,
    });
    notifySuccess(t('care.group.saved', { count: result.count }));
    onClose();
  });
  if (!arrivals.length) return <Text c="dimmed">{t('care.group.noArrivals')}</Text>;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select label={t('care.group.arrival')} data={arrivals.map((a) => ({ value: a.id, label: a.label }))} value={chosen} onChange={(v) => { setArrivalId(v); setAbsent(new Set()); }} allowDeselect={false} />
          <Select label={t('care.form.modality')} data={PFA_MODALITIES.map((m) => ({ value: m, label: t(`care.modalities.${m}`) }))} allowDeselect={false} {...form.getInputProps('modality')} />
          <NumberInput label={t('care.form.duration')} min={1} max={600} {...form.getInputProps('durationMinutes')} />
        </Group>
        <MultiSelect label={t('care.form.reactions')} data={REACTIONS.map((r) => ({ value: r, label: t(`care.reactions.${r}`) }))} searchable {...form.getInputProps('reactions')} />
        <Group justify="space-between">
          <Text fw={600} size="sm">{t('care.group.attendance')} — {t('care.group.count', { count: present.length, total: people.length })}</Text>
          <Group gap="xs">
            <Button size="compact-xs" variant="subtle" onClick={() => setAbsent(new Set())}>{t('care.group.all')}</Button>
            <Button size="compact-xs" variant="subtle" onClick={() => setAbsent(new Set(people.map((p) => p.personId)))}>{t('care.group.none')}</Button>
          </Group>
        </Group>
        <ScrollArea.Autosize mah={260} type="auto">
          <Stack gap={4} data-testid="attendance">
            {people.map((p) => (
              <Checkbox
                key={p.personId}
                label={`${personName(p)} · ${p.caseNumber}`}
                checked={!absent.has(p.personId)}
                onChange={(e) => {
                  const next = new Set(absent);
                  if (e.currentTarget.checked) next.delete(p.personId);
                  else next.add(p.personId);
                  setAbsent(next);
                }}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Textarea label={t('care.form.notes')} description={t('care.form.notesHelp', { service: t('care.services.psychology') })} autosize minRows={2} maxLength={4000} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending} disabled={!present.length}>{t('care.group.save', { count: present.length })}</Button>
        </Group>
      </Stack>
    </form>
  );
}
