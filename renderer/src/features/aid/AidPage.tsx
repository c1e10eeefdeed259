import type { Output } from '@core/contract';
import { normalize } from '@core/names';
import type { AidType, Delivery } from '@core/domains/aid/contract';
import type { FlowRow } from '@core/domains/flow/contract';
import { Alert, Badge, Button, Card, CloseButton, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCallQuery } from '../../api/hooks';
import { centreToday } from '../../app/centre-time';
import { formatNumber, formatPartialDate } from '../../app/format';
import i18n from '../../app/i18n';
import { accentInsensitiveFilter } from '../../app/filter';
import { personName } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { AttentionTags } from '../../components/AttentionTags';
import { aidTypeName, aidUnit, repeatRule } from './labels';
import { useDeliver } from './useDeliver';

type Result = Output<'aid.deliver'> & { typeName: string };

/**
 * The kits station (docs/spec.md, station 6): choose the arrival and what to give, then give it to
 * everyone present in one action (a whole flight's snack kits), to a family, or to one person.
 * The core skips who cannot receive it and says why; a repeat asks for its reason.
 */
export function AidPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const arrivals = useCallQuery('aid.arrivals', {}, { staleTime: 0 });
  // By default the arrival with the most people still here: where the kits are needed now.
  const largest = arrivals.data?.reduce<(typeof arrivals.data)[number] | null>((best, a) => (!best || a.present > best.present ? a : best), null);
  const arrivalId = params.get('llegada') ?? largest?.id ?? null;
  const rows = useCallQuery('flow.board', { arrivalId: arrivalId ?? undefined }, { enabled: !!arrivalId, staleTime: 0 });
  const types = useCallQuery('aid.types', {});
  const stock = useCallQuery('stock.report', {}, { staleTime: 0 });
  const deliveries = useCallQuery('aid.deliveries', { arrivalId: arrivalId ?? '' }, { enabled: !!arrivalId, staleTime: 0 });
  const [typeId, setTypeId] = useState<string | null>(params.get('tipo'));
  const [filter, setFilter] = useState(params.get('buscar') ?? '');
  const [result, setResult] = useState<Result | null>(null);
  const type = types.data?.find((x) => x.id === typeId);
  const { deliver, element, isPending } = useDeliver((value, input) => {
    const name = aidTypeName(types.data?.find((x) => x.id === input.typeId));
    if ('personArrivalId' in input.target) {
      const row = rows.data?.rows.find((r) => r.personArrivalId === (input.target as { personArrivalId: string }).personArrivalId);
      notifySuccess(t('aid.delivered', { type: name, name: row ? personName(row) : '' }));
    } else setResult({ ...value, typeName: name });
  });

  const people = useMemo(() => {
    const all = [...(rows.data?.rows ?? [])].sort((a, b) => personName(a).localeCompare(personName(b), 'es'));
    const words = normalize(filter).split(' ').filter(Boolean);
    return words.length ? all.filter((r) => words.every((w) => normalize(`${personName(r)} ${r.caseNumber ?? ''}`).includes(w))) : all;
  }, [rows.data, filter]);
  const received = useMemo(() => {
    const map = new Map<string, Delivery[]>();
    for (const d of deliveries.data ?? []) if (!d.voidedAt) map.set(d.personArrivalId, [...(map.get(d.personArrivalId) ?? []), d]);
    return map;
  }, [deliveries.data]);
  const canGive = (r: FlowRow) => r.status === 'arrived' && !r.stages.departed;
  const present = (rows.data?.rows ?? []).filter(canGive).length;

  if (arrivals.data && !arrivals.data.length)
    return (
      <Stack maw={1100}>
        <Title order={2}>{t('aid.title')}</Title>
        <Text c="dimmed">{t('aid.noArrivals')}</Text>
      </Stack>
    );
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('aid.title')}</Title>
      <Group align="flex-end">
        <Select
          label={t('aid.arrival')}
          placeholder={t('aid.chooseArrival')}
          data={(arrivals.data ?? []).map((a) => ({ value: a.id, label: arrivalOption(a) }))}
          value={arrivalId}
          onChange={(v) => (setResult(null), setParams((p) => (v ? p.set('llegada', v) : p.delete('llegada'), p)))}
          allowDeselect={false}
          searchable
          filter={accentInsensitiveFilter}
          w={320}
        />
        {/* Mounted with its options, so what the clerk types at once is matched and Enter picks it. */}
        <Select
          key={types.data ? 'ready' : 'loading'}
          label={t('aid.type')}
          placeholder={t('aid.chooseType')}
          data={(types.data ?? []).map((x) => ({ value: x.id, label: aidTypeName(x) }))}
          value={typeId}
          onChange={(v) => (setTypeId(v), setResult(null))}
          disabled={!types.data}
          searchable
          filter={accentInsensitiveFilter}
          selectFirstOptionOnChange
          autoFocus={!!types.data}
          w={300}
        />
        {type && <StockLeft type={type} line={stock.data?.lines.find((l) => l.typeId === type.id)} />}
      </Group>
      {type && (
        <Group>
          <Button
            leftSection={<IconUsersGroup size={16} />}
            disabled={!arrivalId || !present}
            loading={isPending}
            onClick={() =>
              // Giving to everyone at once cannot be undone in one click: say what will happen first.
              modals.openConfirmModal({
                title: t('aid.deliverAllTitle', { type: aidTypeName(type) }),
                children: (
                  <Text size="sm" data-testid="deliver-all-summary">
                    {t('aid.deliverAllText', {
                      count: present,
                      type: aidTypeName(type),
                      arrival: arrivalOption(arrivals.data!.find((a) => a.id === arrivalId)!),
                      stock: type.usesStock ? t('aid.left', { amount: formatNumber(stock.data?.lines.find((l) => l.typeId === type.id)?.balance ?? 0), unit: aidUnit(type) }) : t('aid.service'),
                    })}
                  </Text>
                ),
                labels: { confirm: t('aid.deliverAllConfirm', { count: present }), cancel: t('common.cancel') },
                confirmProps: { 'data-autofocus': true },
                onConfirm: () => void deliver({ typeId: type.id, target: { arrivalId: arrivalId! } }),
              })
            }
          >
            {t('aid.deliverAll', { count: present })}
          </Button>
          <Text size="sm" c="dimmed">{repeatRule(type)}</Text>
        </Group>
      )}
      {result && <Summary result={result} onClose={() => setResult(null)} />}
      <TextInput
        label={t('aid.filter')}
        description={t('aid.filterHelp')}
        leftSection={<IconSearch size={16} />}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !type) return;
          const only = people.filter(canGive);
          if (only.length === 1) void deliver({ typeId: type.id, target: { personArrivalId: only[0]!.personArrivalId } });
        }}
        maw={420}
      />
      <Table striped withTableBorder fz="sm" aria-label={t('aid.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aid.person')}</Table.Th>
            <Table.Th>{t('aid.status')}</Table.Th>
            <Table.Th>{t('aid.received')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((r) => (
            <Table.Tr key={r.personArrivalId} data-testid="aid-row">
              <Table.Td>
                <Text component={Link} to={`/personas/${r.personId}`} fw={500} c="teal.8">{personName(r)}</Text>
                <Group gap={4}>
                  {r.caseNumber && <Text size="xs" c="dimmed">{r.caseNumber}</Text>}
                  {r.familyGroup && <Badge size="xs" variant="outline" color="gray">{t('aid.family')}</Badge>}
                </Group>
                <AttentionTags tags={r.tags} />
              </Table.Td>
              <Table.Td style={{ minWidth: 130 }}>
                <Badge size="sm" variant="light" color={r.stages.departed ? 'gray' : r.status === 'arrived' ? 'teal' : 'blue'}>
                  {r.stages.departed ? t('flow.stages.departed') : t(`arrivals.status.${r.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {summarize(received.get(r.personArrivalId) ?? [], types.data ?? []).map(([name, n]) => (
                    <Badge key={name} size="sm" variant="dot" color="teal">{n > 1 ? `${name} ×${n}` : name}</Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                {type && canGive(r) && (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant={received.get(r.personArrivalId)?.some((d) => d.typeId === type.id) ? 'default' : 'filled'}
                      onClick={() => deliver({ typeId: type.id, target: { personArrivalId: r.personArrivalId } })} aria-label={`${t('aid.deliverOne')}: ${personName(r)}`}>
                      {t('aid.deliverOne')}
                    </Button>
                    {r.familyGroup && (
                      <Button size="compact-sm" variant="light" onClick={() => deliver({ typeId: type.id, target: { familyOf: r.personArrivalId } })}>
                        {t('aid.deliverFamily')}
                      </Button>
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.data && !people.length && (
            <Table.Tr>
              <Table.Td colSpan={4}>{t('aid.noPeople')}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {element}
    </Stack>
  );
}

/** "GlobalX GXA 2245 · 60 presentes", with the date when it is not today's. */
function arrivalOption(a: Output<'aid.arrivals'>[number]): string {
  const when = a.date === centreToday() ? '' : ` · ${formatPartialDate(a.date)}`;
  return `${a.label}${when} · ${i18n.t('aid.presentCount', { count: a.present })}`;
}

/** What is left of a stock-using type (or that it is a service). */
function StockLeft({ type, line }: { type: AidType; line: Output<'stock.report'>['lines'][number] | undefined }) {
  const { t } = useTranslation();
  if (!type.usesStock) return <Badge size="lg" variant="light" color="gray">{t('aid.service')}</Badge>;
  const balance = line?.balance ?? 0;
  return (
    <Badge size="lg" variant="light" color={balance === 0 ? 'red' : line?.low ? 'orange' : 'teal'} data-testid="stock-left">
      {balance === 0 ? t('aid.outOfStock') : t('aid.left', { amount: formatNumber(balance), unit: aidUnit(type) })}
    </Badge>
  );
}

function summarize(list: Delivery[], types: AidType[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of list) {
    const name = aidTypeName(types.find((x) => x.id === d.typeId)) || d.typeCode;
    counts.set(name, (counts.get(name) ?? 0) + d.quantity);
  }
  return [...counts];
}

/** Who got it and who was skipped, grouped by the reason. */
function Summary({ result, onClose }: { result: Result; onClose: () => void }) {
  const { t } = useTranslation();
  const groups = new Map<string, string[]>();
  for (const s of result.skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.personName]);
  return (
    <Card withBorder data-testid="aid-summary">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('aid.summaryTitle', { type: result.typeName })}</Title>
        <CloseButton onClick={onClose} aria-label={t('common.close')} />
      </Group>
      <Alert color="teal" variant="light" mb={result.skipped.length ? 'sm' : 0}>{t('aid.summaryDelivered', { count: result.delivered.length })}</Alert>
      {result.skipped.length > 0 && (
        <Stack gap={6}>
          <Text fw={500}>{t('aid.summarySkipped', { count: result.skipped.length })}</Text>
          {[...groups].map(([reason, names]) => (
            <div key={reason} data-testid={`skipped-${reason}`}>
              <Badge color={reason === 'out-of-stock' ? 'red' : reason === 'repeat' ? 'orange' : 'gray'} variant="light">
                {t(`aid.skipReasons.${reason}`)} · {names.length}
              </Badge>
              <Text size="xs" c="dimmed" mt={2}>{names.slice(0, 30).join(', ')}{names.length > 30 ? ` … (+${names.length - 30})` : ''}</Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
