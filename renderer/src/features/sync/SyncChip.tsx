import type { SyncStatus } from '@core/domains/sync/contract';
import { Alert, Badge, Button, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconCloudCheck, IconCloudOff, IconCloudUpload, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDateTime, formatTime } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';

/** How often the chip asks the core (a background call: it never holds off the idle lock). */
const POLL_MS = 5000;

export function syncChipText(t: (key: string, options?: Record<string, unknown>) => string, status: SyncStatus): string {
  switch (status.state) {
    case 'synced':
      return t('sync.chipSynced');
    case 'pending':
      return t('sync.chipPending', { count: status.pending });
    case 'offline':
      return status.offlineSince ? t('sync.chipOffline', { time: formatTime(status.offlineSince) }) : t('sync.chipOfflineNoTime');
    case 'error':
      return t('sync.chipError');
    default:
      return '';
  }
}

const LOOK: Record<Exclude<SyncStatus['state'], 'off'>, { color: string; icon: typeof IconCloudCheck }> = {
  synced: { color: 'teal', icon: IconCloudCheck },
  pending: { color: 'yellow', icon: IconCloudUpload },
  offline: { color: 'gray', icon: IconCloudOff },
  error: { color: 'red', icon: IconAlertTriangle },
};

/**
 * The sync chip in the header, for everyone on a desk with a central server: in sync, N changes
 * waiting, offline since 14:05, or the translated error; Sincronizar ahora in its popover. When
 * changes from other desks arrive, every screen reloads what it shows.
 */
export function SyncChip() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const client = useQueryClient();
  const status = useCallQuery('sync.status', {}, { refetchInterval: POLL_MS });
  const now = useCallMutation('sync.now', ['sync.status']);
  const cursor = useRef<number | null>(null);

  useEffect(() => {
    const next = status.data?.cursor;
    if (next === undefined) return;
    if (cursor.current !== null && next !== cursor.current) void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'sync.status' });
    cursor.current = next;
  }, [status.data?.cursor, client]);

  const data = status.data;
  if (!data || data.state === 'off') return null;
  const look = LOOK[data.state];
  const text = syncChipText(t, data);
  const canOpenPage = session.roles.includes('admin') || session.roles.includes('manager');
  return (
    <Popover position="bottom-end" withArrow shadow="md" width={320}>
      <Popover.Target>
        <UnstyledButton aria-label={t('sync.chipLabel', { state: text })} data-testid="sync-chip" data-state={data.state}>
          <Group gap={4} wrap="nowrap">
            <Badge color={look.color} variant="light" leftSection={<look.icon size={14} />} tt="none" size="lg">
              {text}
            </Badge>
            {data.clockWarning && (
              <Badge color="orange" variant="light" leftSection={<IconClock size={14} />} tt="none" size="lg" data-testid="sync-clock-warning">
                {Math.round(Math.abs(data.clockSkewMs ?? 0) / 60_000)} min
              </Badge>
            )}
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm" fw={600}>{text}</Text>
          {data.error && <Text size="sm" c="red.8">{data.error.message}</Text>}
          <Text size="xs" c="dimmed">{data.lastOkAt ? t('sync.lastOk', { time: formatDateTime(data.lastOkAt) }) : t('sync.never')}</Text>
          {data.clockWarning && (
            <Alert color="orange" p="xs">
              <Text size="xs">{t('sync.clockWarning', { minutes: Math.round(Math.abs(data.clockSkewMs ?? 0) / 60_000) })}</Text>
            </Alert>
          )}
          {data.quarantined > 0 && <Text size="xs" c="orange.8">{t('sync.quarantinedNote', { count: data.quarantined })}</Text>}
          <Group justify="space-between">
            {canOpenPage ? (
              <Button component={Link} to="/servidor-central" variant="subtle" size="xs">
                {t('sync.openPage')}
              </Button>
            ) : (
              <span />
            )}
            <Button
              size="xs"
              leftSection={<IconRefresh size={14} />}
              loading={now.isPending}
              onClick={() =>
                now.mutate({}, { onSuccess: (counts) => notifySuccess(t('sync.nowDone', { pushed: counts.pushed, pulled: counts.pulled })) })
              }
            >
              {t('sync.now')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
