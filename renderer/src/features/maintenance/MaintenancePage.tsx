import { Alert, Badge, Button, Card, Code, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabaseExport, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDateTime } from '../../app/format';
import { notifySuccess } from '../../app/notify';

const size = (bytes: number) => (bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(1)} GB` : bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Respaldos y mantenimiento (admin): the database file and its size, the last integrity check,
 * the backups kept and where, Respaldar ahora, and how to restore (issue 20).
 */
export function MaintenancePage() {
  const { t } = useTranslation();
  const status = useCallQuery('maintenance.status', {}, { staleTime: 0 });
  const backupNow = useCallMutation('maintenance.backupNow', ['maintenance.status']);
  const checkNow = useCallMutation('maintenance.checkNow', ['maintenance.status']);
  const s = status.data;
  if (!s) return null;
  const checkText = (c: { integrity: string; ms: number }) => (c.integrity === 'ok' ? t('maintenance.checkOk', { ms: c.ms }) : t('maintenance.checkBad', { integrity: c.integrity }));
  return (
    <Stack maw={980}>
      <Title order={2}>{t('maintenance.title')}</Title>
      <Text size="sm" c="dimmed">{t('maintenance.intro')}</Text>
      {s.restoredFrom && (
        <Alert color={s.restoredFrom.upstream && !s.restoredFrom.resyncedAt ? 'yellow' : 'blue'} title={t('maintenance.restoredTitle')} data-testid="restored-from">
          <Text size="sm">{t('maintenance.restoredBody', { backup: s.restoredFrom.backup, at: formatDateTime(s.restoredFrom.at), previous: s.restoredFrom.previousCode, current: s.restoredFrom.code })}</Text>
          <Text size="sm">
            {!s.restoredFrom.upstream
              ? t('maintenance.restoredAlone')
              : s.restoredFrom.resyncedAt
                ? t('maintenance.restoredSynced', { at: formatDateTime(s.restoredFrom.resyncedAt) })
                : t('maintenance.restoredWaiting')}
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">{t('maintenance.database')}</Text>
          <Stack gap={4}>
            <Text size="sm">{t('maintenance.file')}: <Code>{s.database.file}</Code></Text>
            <Text size="sm">{t('maintenance.size')}: <b data-testid="db-size">{size(s.database.sizeBytes)}</b> · {t('maintenance.wal')}: {size(s.database.walBytes)}</Text>
            <Text size="sm" data-testid="last-check">
              {t('maintenance.lastCheck')}: {s.lastCheck ? `${formatDateTime(s.lastCheck.at)} — ${checkText(s.lastCheck)}` : t('maintenance.never')}
            </Text>
          </Stack>
          <Button mt="sm" variant="default" leftSection={<IconShieldCheck size={16} />} loading={checkNow.isPending}
            onClick={() => checkNow.mutate({}, { onSuccess: (c) => notifySuccess(t('maintenance.checked', { result: checkText(c) })) })}>
            {t('maintenance.checkNow')}
          </Button>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">{t('maintenance.backups')}</Text>
          <Stack gap={4}>
            <Text size="sm">{t('maintenance.folder')}: <Code>{s.backupDir}</Code></Text>
            <Text size="sm" data-testid="last-backup">
              {t('maintenance.lastBackup')}: {s.lastBackup ? `${formatDateTime(s.lastBackup.at)} (${t(`maintenance.kinds.${s.lastBackup.kind}`)}, ${size(s.lastBackup.sizeBytes)})` : t('maintenance.never')}
            </Text>
          </Stack>
          {s.lastBackupError && <Alert color="red" mt="xs">{t('maintenance.lastError', { error: s.lastBackupError })}</Alert>}
          <Button mt="sm" leftSection={<IconDatabaseExport size={16} />} loading={backupNow.isPending}
            onClick={() => backupNow.mutate({}, { onSuccess: (b) => notifySuccess(t('maintenance.backedUp', { file: b.file })) })}>
            {t('maintenance.backupNow')}
          </Button>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        {s.backups.length === 0 ? (
          <Text size="sm" c="dimmed">{t('maintenance.none')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('maintenance.when')}</Table.Th>
                <Table.Th>{t('maintenance.kind')}</Table.Th>
                <Table.Th>{t('maintenance.size')}</Table.Th>
                <Table.Th>{t('maintenance.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.backups.map((b) => (
                <Table.Tr key={b.file}>
                  <Table.Td>{formatDateTime(b.at)}</Table.Td>
                  <Table.Td><Badge variant="light" color={b.kind === 'manual' ? 'blue' : b.kind === 'weekly' ? 'grape' : 'gray'}>{t(`maintenance.kinds.${b.kind}`)}</Badge></Table.Td>
                  <Table.Td>{size(b.sizeBytes)}</Table.Td>
                  <Table.Td><Code>{b.file.split(/[\\/]/).pop()}</Code></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">{t('maintenance.restoreTitle')}</Text>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>{t('maintenance.restore1')}</List.Item>
          <List.Item>{t('maintenance.restore2')}</List.Item>
          <List.Item>{t('maintenance.restore3', { db: s.database.file })}</List.Item>
          <List.Item>{t('maintenance.restore4')}</List.Item>
        </List>
        <Group mt="xs"><Text size="sm" c="dimmed">{t('maintenance.restoreKey')}</Text></Group>
      </Card>
    </Stack>
  );
}
