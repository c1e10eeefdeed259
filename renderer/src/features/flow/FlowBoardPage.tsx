import type { FlowRow } from '@core/domains/flow/contract';
import { ActionIcon, Anchor, Badge, Group, Select, Stack, Table, Text, TextInput, ThemeIcon, Title, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconClipboardHeart,
  IconDoorExit,
  IconGift,
  IconHandStop,
  IconHeartHandshake,
  IconMinus,
  IconPointFilled,
  IconRoute,
  IconSearch,
  IconShieldCheck,
  IconSignature,
  IconUserPlus,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { centreToday } from '../../app/centre-time';
import { IsoDate } from '@core/contract/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallQuery } from '../../api/hooks';
import { formatDate } from '../../app/format';
import { searchKey } from '../../app/filter';
import { personName } from '../../app/labels';
import { useCurrentSession } from '../../app/session';
import { AttentionTags } from '../../components/AttentionTags';
import { Countdown, isOverdue, LevelBadge, useNow } from '../screening/level';

const STAGES = ['registered', 'consent', 'alerts', 'screening', 'kits', 'care', 'referral', 'departed'] as const;
/** Each station as an icon, so the whole board fits a 1366-pixel screen; the legend names them. */
const STAGE_ICONS = {
  registered: IconUserPlus,
  consent: IconSignature,
  alerts: IconShieldCheck,
  screening: IconClipboardHeart,
  kits: IconGift,
  care: IconHeartHandshake,
  referral: IconRoute,
  departed: IconDoorExit,
} as const;
const FILTERS = ['all', 'waiting', 'expected', 'arrived', 'registered', 'alerts-pending', 'protection', 'on-hold', 'screening-pending', 'overdue', 'urgent-risk', 'referral-overdue', 'departed'] as const;

/** Today's arrivals and where each person is, longest waiting first. */
export function FlowBoardPage() {
  const { t } = useTranslation();
  const [arrivalId, setArrivalId] = useState<string | null>(null);
  // A link from the daily summary opens the board of its day with its filter (?fecha=&filtro=).
  const [params] = useSearchParams();
  const linkedDate = IsoDate.safeParse(params.get('fecha')).data;
  const linkedFilter = FILTERS.find((f) => f === params.get('filtro'));
  const [status, setStatus] = useState<(typeof FILTERS)[number]>(linkedFilter ?? 'all');
  const now = useNow();
  const givesKits = useCurrentSession().roles.some((r) => r === 'clerk' || r === 'manager');
  const board = useCallQuery('flow.board', { status, ...(arrivalId ? { arrivalId } : {}), ...(linkedDate ? { date: linkedDate } : {}) }, { staleTime: 0, refetchInterval: 30_000 });
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    // Every word typed, in any order, without accents: "mejia marvin" finds Marvin … Mejía.
    const words = search.split(/\s+/).map(searchKey).filter(Boolean);
    const all = board.data?.rows ?? [];
    return words.length ? all.filter((r) => words.every((w) => searchKey(`${personName(r)} ${r.caseNumber ?? ''} ${r.ticketCode}`).includes(w))) : all;
  }, [board.data, search]);
  /** How many of the people shown have passed each station (of those where it applies). */
  const totals = Object.fromEntries(STAGES.map((s) => [s, { done: rows.filter((r) => r.stages[s] === true).length, of: rows.filter((r) => r.stages[s] !== null).length }]));
  const stage = (row: FlowRow, s: (typeof STAGES)[number]) => {
    const value = row.stages[s];
    if (s === 'alerts' && row.onHold)
      return (
        <Tooltip label={t('alerts.hold.badge')}>
          <ThemeIcon size="sm" color="red" radius="xl" aria-label={t('alerts.hold.badge')} data-testid="alert-hold">
            <IconHandStop size={12} />
          </ThemeIcon>
        </Tooltip>
      );
    if (s === 'alerts' && row.alertStatus === 'pending')
      return (
        <Tooltip label={t('alerts.status.pending')}>
          <ThemeIcon size="sm" color="orange" radius="xl" aria-label={t('alerts.status.pending')} data-testid="alert-pending">
            <IconAlertTriangle size={12} />
          </ThemeIcon>
        </Tooltip>
      );
    if (value === null)
      return (
        <Tooltip label={t('flow.notInstalled')}>
          <IconMinus size={14} color="var(--mantine-color-gray-4)" aria-label={t('flow.notInstalled')} />
        </Tooltip>
      );
    return value ? (
      <ThemeIcon size="sm" color="teal" radius="xl" aria-label={t(`flow.stages.${s}`)}>
        <IconCheck size={12} />
      </ThemeIcon>
    ) : (
      <IconPointFilled size={14} color="var(--mantine-color-gray-5)" aria-label="—" />
    );
  };
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('flow.title')}</Title>
          {board.data && (
            <Text size="sm" c="dimmed" data-testid="board-date">
              {linkedDate && linkedDate !== centreToday() ? (
                <>
                  {t('flow.pastDay', { date: formatDate(board.data.date) })} · <Anchor component={Link} to="/flujo" size="sm">{t('flow.backToToday')}</Anchor>
                </>
              ) : (
                t('flow.dayOf', { date: formatDate(board.data.date) })
              )}
            </Text>
          )}
        </div>
        <Group>
          <TextInput
            aria-label={t('flow.search')}
            placeholder={t('flow.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={200}
          />
          <Select
            aria-label={t('flow.arrival')}
            placeholder={t('flow.allArrivals')}
            data={board.data?.arrivals.map((a) => ({ value: a.id, label: a.label })) ?? []}
            value={arrivalId}
            onChange={setArrivalId}
            clearable
            w={200}
          />
          <Select
            aria-label={t('flow.filterLabel')}
            data={FILTERS.map((f) => ({ value: f, label: t(`flow.filter.${f}`) }))}
            value={status}
            onChange={(v) => setStatus((v ?? 'all') as typeof status)}
            allowDeselect={false}
            w={170}
          />
        </Group>
      </Group>
      <Group gap="md" data-testid="stage-legend">
        {STAGES.map((s) => {
          const Icon = STAGE_ICONS[s];
          return (
            <Group key={s} gap={4} wrap="nowrap">
              <Icon size={14} color="var(--mantine-color-gray-7)" aria-hidden />
              <Text size="xs" c="dimmed">{t(`flow.stages.${s}`)}</Text>
            </Group>
          );
        })}
      </Group>
      <Table.ScrollContainer minWidth={960}>
        <Table striped withTableBorder highlightOnHover fz="sm" aria-label={t('flow.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('flow.person')}</Table.Th>
              <Table.Th>{t('flow.arrival')}</Table.Th>
              <Table.Th>{t('flow.waiting')}</Table.Th>
              <Table.Th>{t('flow.priority')}</Table.Th>
              {STAGES.map((s) => {
                const Icon = STAGE_ICONS[s];
                return (
                  <Table.Th key={s} ta="center" px={4} aria-label={t(`flow.stages.${s}`)} data-testid={`stage-head-${s}`}>
                    <Tooltip label={t(`flow.stages.${s}`)}>
                      <Stack gap={0} align="center">
                        <Icon size={18} aria-hidden />
                        <Text size="xs" c="dimmed" fw={400} data-testid={`stage-total-${s}`}>{totals[s]!.of ? `${totals[s]!.done}/${totals[s]!.of}` : '—'}</Text>
                      </Stack>
                    </Tooltip>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.personArrivalId} data-testid="flow-row" data-overdue={isOverdue(r.screening, now) || undefined} bg={r.urgentRisk || r.referralOverdue || isOverdue(r.screening, now) ? 'red.0' : undefined}>
                <Table.Td style={{ minWidth: 200 }}>
                  <Text component={Link} to={`/personas/${r.personId}`} fw={500} c="teal.8">{personName(r)}</Text>
                  <Group gap={4}>
                    <Badge size="xs" variant="light" color={r.status === 'arrived' ? 'teal' : r.status === 'no_show' ? 'gray' : 'blue'}>{t(`arrivals.status.${r.status}`)}</Badge>
                    {r.groupType === 'unaccompanied_minor' && <Badge size="xs" color="red">{t('arrivals.group.unaccompanied_minor')}</Badge>}
                    {r.onHold && <Badge size="xs" color="red" variant="filled" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }} data-testid="on-hold">{t('alerts.hold.badge')}</Badge>}
                    {r.referralOverdue && <Badge size="xs" color="orange" variant="filled" data-testid="referral-overdue">{t('referrals.overdueBadge')}</Badge>}
                    {r.urgentRisk && <Badge size="xs" color="red" variant="filled" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }} data-testid="urgent-risk" title={t('care.urgentHelp')}>{t('care.urgent')}</Badge>}
                    {r.protectionCase && <Badge size="xs" color="grape" data-testid="protection-case">{t('alerts.protectionCase')}</Badge>}
                    {r.belongingsHeld > 0 && <Badge size="xs" variant="outline" color="gray" data-testid="belongings-held">{t('belongings.held')}: {r.belongingsHeld}</Badge>}
                  </Group>
                  <AttentionTags tags={r.tags} />
                </Table.Td>
                <Table.Td style={{ minWidth: 120 }}>{r.arrivalLabel}</Table.Td>
                <Table.Td>{r.waitingMinutes !== null ? t('flow.minutes', { count: r.waitingMinutes }) : '—'}</Table.Td>
                <Table.Td style={{ minWidth: 150 }} data-testid="flow-priority">
                  {r.screening ? (
                    <Stack gap={2}>
                      <LevelBadge level={r.screening.level} short size="sm" />
                      <Countdown deadlineAt={r.screening.deadlineAt} attendedAt={r.screening.attendedAt} size="xs" />
                    </Stack>
                  ) : '—'}
                </Table.Td>
                {STAGES.map((s) => (
                  <Table.Td key={s} ta="center">
                    {s === 'kits' && givesKits && r.status === 'arrived' && !r.stages.departed ? (
                      <Tooltip label={t('aid.openPanel')}>
                        <ActionIcon component={Link} to={`/ayuda?llegada=${r.arrivalId}&buscar=${encodeURIComponent(r.caseNumber ?? personName(r))}`} variant="subtle" size="sm" aria-label={`${t('aid.openPanel')}: ${personName(r)}`}>
                          {stage(r, s)}
                        </ActionIcon>
                      </Tooltip>
                    ) : (
                      stage(r, s)
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {board.data && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4 + STAGES.length}>{t('flow.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
