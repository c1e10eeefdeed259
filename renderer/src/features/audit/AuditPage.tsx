import { METHOD_NAMES } from '@core/contract';
import { Alert, Autocomplete, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconEye, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DATE_FORMAT, formatDateTime, toIsoDate } from '../../app/format';

interface Filters {
  username?: string;
  method?: string;
  caseNumber?: string;
  from?: string;
  to?: string;
}

export function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<{ username: string; method: string | null; caseNumber: string; from: string | null; to: string | null }>({
    username: '',
    method: null,
    caseNumber: '',
    from: null,
    to: null,
  });
  const [filters, setFilters] = useState<Filters>({});
  const users = useCallQuery('users.list', { includeDisabled: true });
  const verify = useCallMutation('audit.verify');

  const entries = useInfiniteQuery({
    queryKey: ['audit.list', filters],
    queryFn: ({ pageParam }) => call('audit.list', { ...filters, limit: 100, ...(pageParam ? { beforeSeq: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
    staleTime: 0, // every call adds entries: always show the latest on opening
  });
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    setFilters({
      ...(draft.username.trim() ? { username: draft.username.trim() } : {}),
      ...(draft.method ? { method: draft.method } : {}),
      ...(draft.caseNumber.trim() ? { caseNumber: draft.caseNumber.trim().slice(0, 40) } : {}),
      ...(draft.from ? { from: toIsoDate(draft.from) } : {}),
      ...(draft.to ? { to: toIsoDate(draft.to) } : {}),
    });
  };

  const methodLabel = (m: string) => t(`methods.${m}`, { defaultValue: m });

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('audit.title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('audit.intro')}
          </Text>
        </div>
        <Button variant="light" leftSection={<IconShieldCheck size={16} />} loading={verify.isPending} onClick={() => verify.mutate({})}>
          {t('audit.verify')}
        </Button>
      </Group>
      {verify.data &&
        (verify.data.ok ? (
          <Alert color="teal" icon={<IconShieldCheck />} role="status">
            {t('audit.verifyOk', { checked: verify.data.checked })}
          </Alert>
        ) : (
          <Alert color="red" icon={<IconShieldX />} role="alert">
            {t('audit.verifyBroken', { seq: verify.data.firstBroken?.seq, reason: t(`auditReasons.${verify.data.firstBroken?.reason}`) })}
          </Alert>
        ))}
      <form onSubmit={apply}>
        <Group align="flex-end" gap="sm">
          <Autocomplete
            label={t('audit.user')}
            placeholder={t('audit.anyUser')}
            data={[...new Set([...(users.data?.map((u) => u.username) ?? []), 'cli'])]}
            value={draft.username}
            onChange={(username) => setDraft((d) => ({ ...d, username }))}
            w={180}
          />
          <Select
            label={t('audit.method')}
            placeholder={t('audit.anyMethod')}
            data={METHOD_NAMES.map((m) => ({ value: m, label: methodLabel(m) }))}
            value={draft.method}
            onChange={(method) => setDraft((d) => ({ ...d, method }))}
            clearable
            searchable
            w={240}
          />
          <TextInput
            label={t('audit.caseNumber')}
            placeholder={t('audit.anyPerson')}
            value={draft.caseNumber}
            maxLength={40}
            onChange={(e) => setDraft((d) => ({ ...d, caseNumber: e.currentTarget.value }))}
            w={180}
          />
          <DatePickerInput label={t('audit.from')} valueFormat={DATE_FORMAT} placeholder={t('common.datePlaceholder')} value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} clearable w={150} />
          <DatePickerInput label={t('audit.to')} valueFormat={DATE_FORMAT} placeholder={t('common.datePlaceholder')} value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} clearable w={150} />
          <Button type="submit">{t('audit.filter')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              setDraft({ username: '', method: null, caseNumber: '', from: null, to: null });
              setFilters({});
            }}
          >
            {t('audit.clear')}
          </Button>
        </Group>
      </form>
      <Table striped withTableBorder verticalSpacing={6} fz="sm" aria-label={t('audit.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.when')}</Table.Th>
            <Table.Th>{t('audit.who')}</Table.Th>
            <Table.Th>{t('audit.roles')}</Table.Th>
            <Table.Th>{t('audit.operation')}</Table.Th>
            <Table.Th>{t('audit.records')}</Table.Th>
            <Table.Th>{t('audit.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.seq} data-testid="audit-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
              <Table.Td>
                {e.username === 'anonymous' ? (
                  <Text size="sm" c="dimmed">
                    {t('audit.anonymous')}
                  </Text>
                ) : (
                  <Text ff="monospace" size="sm">
                    {e.username}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Tooltip label={e.method}>
                    <span>{methodLabel(e.method)}</span>
                  </Tooltip>
                  {e.sensitive && (
                    <Tooltip label={t('audit.sensitive')}>
                      <IconEye size={14} aria-label={t('audit.sensitive')} />
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td data-testid="audit-records">
                <RecordLabels labels={e.records.map((r) => r.label)} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {e.outcome === 'ok' ? (
                  <Badge color="teal" variant="light" size="sm">
                    {t('audit.ok')}
                  </Badge>
                ) : (
                  <Tooltip label={`${e.outcome}: ${t(`errors.${e.outcome}`, { defaultValue: '', until: '…', summary: '', method: e.method, username: '…' })}`}>
                    <Badge color={e.outcome === 'forbidden' || e.outcome.startsWith('auth.') ? 'orange' : 'red'} variant="light" size="sm">
                      {t(`audit.outcomes.${e.outcome}`, { defaultValue: t('audit.outcomes.other') })}
                    </Badge>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {entries.isSuccess && rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>{t('audit.empty')}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('audit.count', { count: rows.length })}
        </Text>
        {entries.hasNextPage && (
          <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The first few records by name (a person's stay and record name them alike: once), and how many more. */
function RecordLabels({ labels }: { labels: string[] }) {
  const distinct = [...new Set(labels)];
  return (
    <>
      {distinct.slice(0, 3).join(', ')}
      {distinct.length > 3 && ` +${distinct.length - 3}`}
    </>
  );
}
