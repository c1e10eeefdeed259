import { syncContract } from '@core/domains/sync/contract';
import { Alert, Button, Card, Code, Group, PasswordInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { contractResolver } from '../../app/form';
import { formatDateTime, formatNumber } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';
import { syncChipText } from './SyncChip';

/**
 * Servidor central (admin; read-only for the manager): this desk's sync state, the connection
 * (test, join), the conflicts the merge resolved and the changes in quarantine.
 */
export function SyncPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const isAdmin = session.roles.includes('admin');
  const status = useCallQuery('sync.status', {}, { refetchInterval: 5000 });
  const now = useCallMutation('sync.now', ['sync.status', 'sync.conflicts', 'sync.quarantine']);
  const data = status.data;
  return (
    <Stack maw={980}>
      <Title order={2}>{t('sync.title')}</Title>
      <Text size="sm" c="dimmed">{t('sync.intro')}</Text>
      <Card withBorder>
        <Text fw={600} mb="xs">{t('sync.statusSection')}</Text>
        {data && data.state === 'off' && <Text size="sm">{t('sync.off')}</Text>}
        {data && data.state !== 'off' && (
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} data-testid="sync-state">{syncChipText(t, data)}</Text>
                <Text size="sm" c="dimmed">{data.lastOkAt ? t('sync.lastOk', { time: formatDateTime(data.lastOkAt) }) : t('sync.never')}</Text>
                {data.url && (
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {t('sync.current', { url: '' })}
                    <Code>{data.url}</Code>
                  </Text>
                )}
              </div>
              <Button
                leftSection={<IconRefresh size={16} />}
                loading={now.isPending}
                onClick={() => now.mutate({}, { onSuccess: (c) => notifySuccess(t('sync.nowDone', { pushed: c.pushed, pulled: c.pulled })) })}
              >
                {t('sync.now')}
              </Button>
            </Group>
            {data.error && <Alert color="red">{data.error.message}</Alert>}
            {data.clockWarning && <Alert color="orange">{t('sync.clockWarning', { minutes: Math.round(Math.abs(data.clockSkewMs ?? 0) / 60_000) })}</Alert>}
            <SimpleGrid cols={3}>
              <Figure label={t('sync.pending')} value={data.pending} />
              <Figure label={t('sync.conflicts')} value={data.conflicts} />
              <Figure label={t('sync.quarantined')} value={data.quarantined} />
            </SimpleGrid>
          </Stack>
        )}
      </Card>
      {isAdmin && <Connection />}
      <Conflicts />
      <Quarantine />
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg">{formatNumber(value)}</Text>
    </div>
  );
}

function Connection() {
  const { t } = useTranslation();
  const test = useCallMutation('sync.test');
  const configure = useCallMutation('sync.configure', ['sync.status']);
  const form = useForm({ mode: 'uncontrolled', initialValues: { url: '' }, validate: contractResolver(syncContract['sync.test'].input) });
  return (
    <Card withBorder>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          configure.mutate(values, {
            onSuccess: () => {
              form.reset();
              notifySuccess(t('sync.joined'));
            },
          }),
        )}
      >
        <Stack gap="sm">
          <Text fw={600}>{t('sync.configSection')}</Text>
          <Text size="sm" c="dimmed">{t('sync.configHelp')}</Text>
          <PasswordInput
            label={t('sync.url')}
            placeholder={t('sync.urlPlaceholder')}
            autoComplete="off"
            maxLength={2000}
            key={form.key('url')}
            {...form.getInputProps('url')}
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              loading={test.isPending}
              onClick={() => {
                if (form.validate().hasErrors) return;
                test.mutate(form.getValues(), { onSuccess: (r) => notifySuccess(t('sync.testOk', { centre: r.centreName })) });
              }}
            >
              {t('sync.test')}
            </Button>
            <Button type="submit" loading={configure.isPending}>
              {t('sync.join')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Conflicts() {
  const { t } = useTranslation();
  const conflicts = useCallQuery('sync.conflicts', { limit: 100 });
  const value = (v: string | null) => (v === null ? t('sync.hidden') : v.length > 80 ? `${v.slice(0, 80)}…` : v);
  return (
    <Card withBorder>
      <Text fw={600}>{t('sync.conflictsSection')}</Text>
      <Text size="sm" c="dimmed" mb="xs">{t('sync.conflictsHelp')}</Text>
      {conflicts.data && !conflicts.data.entries.length && <Text size="sm">{t('sync.noConflicts')}</Text>}
      {conflicts.data && conflicts.data.entries.length > 0 && (
        <Table fz="sm" aria-label={t('sync.conflictsSection')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.record')}</Table.Th>
              <Table.Th>{t('sync.field')}</Table.Th>
              <Table.Th>{t('sync.kept')}</Table.Th>
              <Table.Th>{t('sync.lost')}</Table.Th>
              <Table.Th>{t('sync.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.data.entries.map((c) => (
              <Table.Tr key={c.id} data-testid="sync-conflict">
                <Table.Td>{c.table}</Table.Td>
                <Table.Td><Code>{c.field}</Code></Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{value(c.keptValue)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{value(c.lostValue)}</Table.Td>
                <Table.Td>{formatDateTime(c.keptAt)} / {formatDateTime(c.lostAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Quarantine() {
  const { t } = useTranslation();
  const list = useCallQuery('sync.quarantine', {});
  return (
    <Card withBorder>
      <Text fw={600}>{t('sync.quarantineSection')}</Text>
      <Text size="sm" c="dimmed" mb="xs">{t('sync.quarantineHelp')}</Text>
      {list.data && !list.data.length && <Text size="sm">{t('sync.noQuarantine')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table fz="sm" aria-label={t('sync.quarantineSection')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.record')}</Table.Th>
              <Table.Th>{t('sync.reason')}</Table.Th>
              <Table.Th>{t('sync.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((q) => (
              <Table.Tr key={q.seq}>
                <Table.Td>{q.table}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{q.reason}</Table.Td>
                <Table.Td>{formatDateTime(q.quarantinedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
