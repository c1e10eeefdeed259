import { ALERT_LISTS, POLICE_LISTS, PROTECTION_LISTS, type AlertMatch } from '@core/domains/alerts/contract';
import { Alert, Badge, Button, Card, Checkbox, FileInput, Group, List, Select, SimpleGrid, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { toBase64 } from '../../app/files';
import { formatDateTime, formatPartialDate } from '../../app/format';
import { countryName, personName } from '../../app/labels';
import { notifySuccess } from '../../app/notify';

/** Station 4 for the alert officer: the review queue, the decisions taken, and the lists. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('review');
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('alerts.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="review">{t('alerts.review')}</Tabs.Tab>
          <Tabs.Tab value="decided">{t('alerts.decided')}</Tabs.Tab>
          <Tabs.Tab value="lists">{t('alerts.lists')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="review" pt="md"><Queue status="pending" /></Tabs.Panel>
        <Tabs.Panel value="decided" pt="md"><Queue status="decided" /></Tabs.Panel>
        <Tabs.Panel value="lists" pt="md"><Lists /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Queue({ status }: { status: 'pending' | 'decided' }) {
  const { t } = useTranslation();
  const queue = useCallQuery('alerts.queue', { status }, { staleTime: 0 });
  if (!queue.data) return null;
  if (queue.data.length === 0) return <Text c="dimmed">{t(status === 'pending' ? 'alerts.noPending' : 'alerts.noDecided')}</Text>;
  return (
    <Stack>
      {queue.data.map((m) => (
        <MatchCard key={m.id} match={m} />
      ))}
    </Stack>
  );
}

const side = (label: string, value: string | null | undefined) => (
  <div>
    <Text size="xs" c="dimmed">{label}</Text>
    <Text size="sm">{value || '—'}</Text>
  </div>
);

/** The person and the list record side by side, the reasons, and the decision with its reason. */
function MatchCard({ match }: { match: AlertMatch }) {
  const { t } = useTranslation();
  const decide = useCallMutation('alerts.decide', ['alerts.queue']);
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  const draft = useFormDraft(match.status === 'pending' ? `alert-decision:${match.id}` : null, form.values, form.setValues);
  const send = async (decision: 'confirmed' | 'dismissed', reason: string) => {
    await decide.mutateAsync({ matchId: match.id, decision, reason });
    await draft.discard();
    notifySuccess(t(decision === 'confirmed' ? 'alerts.confirmed' : 'alerts.dismissed'));
  };
  const submit = (decision: 'confirmed' | 'dismissed') =>
    form.onSubmit(({ reason }) => {
      if (reason.trim().length < 5) return form.setFieldError('reason', t('alerts.reasonNeeded'));
      if (decision === 'dismissed') return void send(decision, reason);
      // A confirmation acts on the person: say what will happen before it does.
      modals.openConfirmModal({
        title: t('alerts.confirmTitle'),
        children: <ConfirmConsequences match={match} />,
        labels: { confirm: t('alerts.confirm'), cancel: t('common.cancel') },
        confirmProps: { color: 'red', 'data-autofocus': true },
        onConfirm: () => void send(decision, reason),
      });
    });
  const { person, record } = match;
  return (
    <Card withBorder data-testid="alert-match">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Badge color="red" variant="light">{t(`alerts.listTypes.${record.list}`)}</Badge>
          <Badge variant="outline">{t('alerts.score', { score: match.score.toFixed(2) })}</Badge>
          {!record.active && <Badge color="gray">{t('alerts.retired')}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">{formatDateTime(match.createdAt)}</Text>
      </Group>
      <SimpleGrid cols={2}>
        <Stack gap={6}>
          <Text fw={600}>{t('alerts.person')} · {person.caseNumber}</Text>
          <Text size="lg">{personName(person)}</Text>
          <SimpleGrid cols={3}>
            {side(t('registration.birthDate'), formatPartialDate(person.birthDate))}
            {side(t('registration.sex'), person.sex)}
            {side(t('registration.nationality'), countryName(person.nationality))}
            {side(t('registration.documentNumber'), person.documentNumber)}
          </SimpleGrid>
        </Stack>
        <Stack gap={6} style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', paddingLeft: 16 }}>
          <Text fw={600}>{t('alerts.record')} · {record.reference}</Text>
          <Text size="lg">{personName(record)}</Text>
          <SimpleGrid cols={3}>
            {side(t('registration.birthDate'), formatPartialDate(record.birthDate))}
            {side(t('registration.sex'), record.sex)}
            {side(t('registration.nationality'), countryName(record.nationality))}
          </SimpleGrid>
          {side(t('alerts.notes'), record.notes)}
        </Stack>
      </SimpleGrid>
      <Text size="sm" fw={600} mt="sm">{t('alerts.reasonsTitle')}</Text>
      <Group gap={4} mt={4}>
        {match.reasons.map((r) => (
          <Badge key={r} variant="light" tt="none" color={/different/.test(r) ? 'orange' : 'blue'}>{t(`alerts.reasons.${r}`)}</Badge>
        ))}
      </Group>
      {match.status === 'pending' ? (
        <form noValidate onSubmit={(e) => e.preventDefault()}>
          <DraftNotice draft={draft} onDiscard={() => form.reset()} />
          <Textarea
            mt="md"
            label={t('alerts.decisionReason')}
            description={t('alerts.decisionReasonHelp')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => submit('dismissed')()} loading={decide.isPending}>{t('alerts.dismiss')}</Button>
            <Button color="red" onClick={() => submit('confirmed')()} loading={decide.isPending}>{t('alerts.confirm')}</Button>
          </Group>
        </form>
      ) : (
        <Alert mt="md" color={match.status === 'confirmed' ? 'red' : 'gray'}>
          {t('alerts.decidedBy', { decision: t(`alerts.decisions.${match.status}`), by: match.decidedBy ?? '—', at: formatDateTime(match.decidedAt), reason: match.decisionReason ?? '' })}
        </Alert>
      )}
    </Card>
  );
}

/** What confirming this match will do to the person, by kind of list. */
function ConfirmConsequences({ match }: { match: AlertMatch }) {
  const { t } = useTranslation();
  const kind = POLICE_LISTS.includes(match.record.list) ? 'hold' : PROTECTION_LISTS.includes(match.record.list) ? 'protection' : 'other';
  return (
    <Stack gap="xs" data-testid="confirm-consequences">
      <Text size="sm">{t('alerts.confirmWho', { name: personName(match.person), caseNumber: match.person.caseNumber, list: t(`alerts.listTypes.${match.record.list}`), reference: match.record.reference })}</Text>
      <Text size="sm" fw={600}>{t('alerts.confirmWhat')}</Text>
      <List size="sm" spacing={4}>
        {(t(`alerts.consequences.${kind}`, { returnObjects: true }) as string[]).map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Lists() {
  const { t } = useTranslation();
  const versions = useCallQuery('alerts.lists', {}, { staleTime: 0 });
  const importer = useCallMutation('alerts.import', ['alerts.lists', 'alerts.queue']);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ row: number; column: string | null; header: string | null; message: string }[]>([]);
  const form = useForm({ mode: 'controlled', initialValues: { list: 'interpol' as (typeof ALERT_LISTS)[number], replace: false } });
  const submit = form.onSubmit(async (values) => {
    if (!file) return;
    setErrors([]);
    try {
      const result = await importer.mutateAsync({ list: values.list, replace: values.replace, fileName: file.name, contentBase64: await toBase64(file) });
      notifySuccess(t('alerts.imported', result));
      setFile(null);
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.details?.errors)) setErrors(error.details.errors as typeof errors);
    }
  });
  return (
    <Stack>
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Text fw={600} mb="xs">{t('alerts.importTitle')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('alerts.listType')} data={ALERT_LISTS.map((l) => ({ value: l, label: t(`alerts.listTypes.${l}`) }))} allowDeselect={false} {...form.getInputProps('list')} />
            <FileInput label={t('alerts.file')} description={t('alerts.fileHelp')} accept=".csv,.txt,.xlsx" leftSection={<IconFileSpreadsheet size={16} />} value={file} onChange={setFile} clearable />
          </SimpleGrid>
          <Checkbox mt="sm" label={t('alerts.replace')} description={t('alerts.replaceHelp')} {...form.getInputProps('replace', { type: 'checkbox' })} />
          <Group justify="flex-end" mt="sm">
            <Button type="submit" disabled={!file} loading={importer.isPending}>{t('alerts.import')}</Button>
          </Group>
        </form>
        {errors.length > 0 && (
          <Alert color="red" icon={<IconAlertTriangle />} mt="sm" data-testid="alert-list-errors">
            {errors.map((e, i) => (
              <Text key={i} size="sm">{t('manifest.row')} {e.row}{e.header ? ` (${e.header})` : ''}: {e.message}</Text>
            ))}
          </Alert>
        )}
      </Card>
      <Text fw={600}>{t('alerts.versions')}</Text>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('alerts.listType')}</Table.Th>
            <Table.Th>{t('alerts.file')}</Table.Th>
            <Table.Th>{t('alerts.rows')}</Table.Th>
            <Table.Th>{t('alerts.active')}</Table.Th>
            <Table.Th>{t('alerts.importedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(versions.data ?? []).map((v) => (
            <Table.Tr key={v.id} data-testid="alert-version">
              <Table.Td>{t(`alerts.listTypes.${v.list}`)} · {t(`alerts.mode.${v.mode}`)}</Table.Td>
              <Table.Td>{v.sourceFile}</Table.Td>
              <Table.Td>{v.rowCount}</Table.Td>
              <Table.Td>{v.activeRecords}</Table.Td>
              <Table.Td>{v.importedBy} · {formatDateTime(v.importedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
