import type { Output } from '@core/contract';
import { Anchor, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallQuery } from '../../api/hooks';
import { formatDateTime } from '../../app/format';
import { personName } from '../../app/labels';
import { useCurrentSession } from '../../app/session';
import { AttentionTags } from '../../components/AttentionTags';
import { Countdown, duration, indicatorLabel, isOverdue, LevelBadge, useNow } from './level';

type Queue = Output<'screening.queue'>;

/**
 * For protection officers: who is waiting for the interview (probable red first, from what
 * registration knows) and every screening whose attention is due, overdue ones first and in red.
 */
export function ScreeningQueuePage() {
  const { t } = useTranslation();
  const queue = useCallQuery('screening.queue', {}, { staleTime: 0, refetchInterval: 60_000 });
  const [tab, setTab] = useState<string | null>('pending');
  const canInterview = useCurrentSession().roles.includes('protection_officer');
  if (!queue.data) return null;
  const { pending, actions } = queue.data;
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t('screening.queueTitle')}</Title>
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="pending">{t('screening.pendingTab', { count: pending.length })}</Tabs.Tab>
          <Tabs.Tab value="actions">{t('screening.actionsTab', { count: actions.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pending" pt="md"><Pending rows={pending} canInterview={canInterview} /></Tabs.Panel>
        <Tabs.Panel value="actions" pt="md"><Actions rows={actions} canInterview={canInterview} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Pending({ rows, canInterview }: { rows: Queue['pending']; canInterview: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!rows.length) return <Text c="dimmed">{t('screening.noPending')}</Text>;
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('screening.pendingTab', { count: rows.length })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('flow.person')}</Table.Th>
          <Table.Th title={t('screening.probableHelp')}>{t('screening.probable')}</Table.Th>
          <Table.Th>{t('screening.waitingSince')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.personArrivalId} data-testid="pending-row">
            <Table.Td>
              <Anchor component={Link} to={`/personas/${r.personId}`} fw={500}>{personName(r)}</Anchor>
              <Text size="xs" c="dimmed">{r.caseNumber}{r.age !== null ? ` · ${r.age}` : ''}</Text>
              <AttentionTags tags={r.tags} />
            </Table.Td>
            <Table.Td style={{ minWidth: 170 }}>
              <LevelBadge level={r.probableLevel} variant="light" />
              {r.probableReasons.length > 0 && <Text size="xs" c="dimmed">{r.probableReasons.map(indicatorLabel).join(', ')}</Text>}
            </Table.Td>
            <Table.Td>
              {formatDateTime(r.checkedInAt)}
              {r.checkedInAt && <Text size="xs" c="dimmed">{t('screening.waitingFor', { time: duration(now - Date.parse(r.checkedInAt)) })}</Text>}
            </Table.Td>
            <Table.Td ta="right">
              {canInterview && <Button size="xs" component={Link} to={`/tamizaje/persona/${r.personId}`}>{t('screening.interview')}</Button>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Actions({ rows, canInterview }: { rows: Queue['actions']; canInterview: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!rows.length) return <Text c="dimmed">{t('screening.noActions')}</Text>;
  return (
    <Table withTableBorder fz="sm" aria-label={t('screening.actionsTab', { count: rows.length })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('flow.person')}</Table.Th>
          <Table.Th>{t('flow.priority')}</Table.Th>
          <Table.Th>{t('screening.deadline')}</Table.Th>
          <Table.Th>{t('screening.reasons')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const overdue = isOverdue(r.screening, now);
          return (
            <Table.Tr key={r.screening.screeningId} data-testid="action-row" data-overdue={overdue || undefined} bg={overdue ? 'red.0' : undefined}>
              <Table.Td>
                <Anchor component={Link} to={`/personas/${r.personId}`} fw={500}>{personName(r)}</Anchor>
                <Text size="xs" c="dimmed">{r.caseNumber}</Text>
                <AttentionTags tags={r.tags} />
              </Table.Td>
              <Table.Td style={{ minWidth: 150 }}><LevelBadge level={r.screening.level} /></Table.Td>
              <Table.Td>
                <Countdown deadlineAt={r.screening.deadlineAt} />
                <Text size="xs" c="dimmed">{formatDateTime(r.screening.deadlineAt)}</Text>
              </Table.Td>
              <Table.Td>
                {r.reasons.length ? r.reasons.map(indicatorLabel).join(', ') : '—'}
                {r.screening.overridden && <Text size="xs" c="dimmed">{t('screening.overridden')}</Text>}
              </Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="light" component={Link} to={canInterview ? `/tamizaje/persona/${r.personId}` : `/personas/${r.personId}`}>{t('screening.open')}</Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
