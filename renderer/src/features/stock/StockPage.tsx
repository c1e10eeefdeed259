import type { StockLine, StockLot } from '@core/domains/stock/contract';
import { Alert, Badge, Button, Card, Group, List, Stack, Table, Tabs, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconPackageImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallQuery } from '../../api/hooks';
import { formatDate, formatDateTime, formatNumber, formatPartialDate } from '../../app/format';
import { useCurrentSession } from '../../app/session';
import { aidTypeName, aidUnit } from '../aid/labels';
import { CorrectLotModal, ReceiveLotModal } from './StockModals';
import { TypesEditor } from './TypesEditor';

/**
 * The stock of kits (docs/spec.md, station 6): balances by type with low-stock warnings, the lots of a
 * type (expiring first) and its ledger of movements. Managers receive donations, correct lots
 * after a count, a loss or a transfer, and keep the list of kit and service types.
 */
export function StockPage() {
  const { t } = useTranslation();
  const manager = useCurrentSession().roles.includes('manager');
  const report = useCallQuery('stock.report', {}, { staleTime: 0 });
  const types = useCallQuery('aid.types', { category: 'all' }); // kits and medicines are both stock
  const [selected, setSelected] = useState<string | null>(null);
  const [receiving, setReceiving] = useState(false);
  const [correcting, setCorrecting] = useState<StockLot | null>(null);
  const lines = report.data?.lines ?? [];
  const line = lines.find((l) => l.typeId === selected) ?? null;
  const low = lines.filter((l) => l.low);
  const overview = (
    <Stack>
      {low.length > 0 && <LowStockAlert lines={low} />}
      <Table striped withTableBorder highlightOnHover fz="sm" aria-label={t('stock.overview')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aid.type')}</Table.Th>
            <Table.Th ta="right">{t('stock.balance')}</Table.Th>
            <Table.Th ta="right">{t('stock.threshold')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.typeId} data-testid="stock-line" bg={l.typeId === selected ? 'teal.0' : undefined} onClick={() => setSelected(l.typeId)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <UnstyledButton onClick={() => setSelected(l.typeId)} fw={500} fz="sm">{aidTypeName(l)}</UnstyledButton>
              </Table.Td>
              <Table.Td ta="right" fw={600} data-testid="stock-balance">{formatNumber(l.balance)} {aidUnit(l)}</Table.Td>
              <Table.Td ta="right">{l.lowStock ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {l.low && <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} />}>{t('stock.low')}</Badge>}
                  {l.expiredBalance > 0 && <Badge color="red" variant="light">{t('stock.expiredUnits', { count: l.expiredBalance })}</Badge>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {line ? <LineDetail line={line} manager={manager} onCorrect={setCorrecting} /> : <Text c="dimmed" size="sm">{t('stock.choose')}</Text>}
    </Stack>
  );
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('stock.title')}</Title>
        {manager && <Button leftSection={<IconPackageImport size={16} />} onClick={() => setReceiving(true)}>{t('stock.receive')}</Button>}
      </Group>
      {manager ? (
        <Tabs defaultValue="overview">
          <Tabs.List>
            <Tabs.Tab value="overview">{t('stock.overview')}</Tabs.Tab>
            <Tabs.Tab value="types">{t('stock.typesTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">{overview}</Tabs.Panel>
          <Tabs.Panel value="types" pt="md"><TypesEditor /></Tabs.Panel>
        </Tabs>
      ) : (
        overview
      )}
      <ReceiveLotModal opened={receiving} onClose={() => setReceiving(false)} types={types.data ?? []} typeId={selected} />
      <CorrectLotModal lot={correcting} onClose={() => setCorrecting(null)} />
    </Stack>
  );
}

/** Managers see this on the stock screen and on their home page. */
export function LowStockAlert({ lines }: { lines: StockLine[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title={t('home.lowStockTitle')} data-testid="low-stock">
      <List size="sm">
        {lines.map((l) => (
          <List.Item key={l.typeId}>{t('home.lowStockItem', { type: aidTypeName(l), count: l.balance, unit: aidUnit(l), threshold: l.lowStock })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function LineDetail({ line, manager, onCorrect }: { line: StockLine; manager: boolean; onCorrect: (lot: StockLot) => void }) {
  const { t } = useTranslation();
  const movements = useCallQuery('stock.movements', { typeId: line.typeId, limit: 100 }, { enabled: manager, staleTime: 0 });
  return (
    <Stack>
      <Card withBorder>
        <Text fw={600} mb="xs">{t('stock.lots', { type: aidTypeName(line) })}</Text>
        {!line.lots.length ? (
          <Text size="sm" c="dimmed">{t('stock.noLots')}</Text>
        ) : (
          <Table fz="sm" aria-label={t('stock.lots', { type: aidTypeName(line) })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stock.lot')}</Table.Th>
                <Table.Th>{t('stock.donor')}</Table.Th>
                <Table.Th>{t('stock.expiry')}</Table.Th>
                <Table.Th>{t('stock.receivedAt')}</Table.Th>
                <Table.Th ta="right">{t('stock.balance')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line.lots.map((lot) => (
                <Table.Tr key={lot.id} data-testid="stock-lot" c={lot.expired ? 'red.8' : undefined}>
                  <Table.Td ff="monospace">{lot.lotCode}</Table.Td>
                  <Table.Td>{lot.donor}</Table.Td>
                  <Table.Td>
                    {lot.expiry ? formatPartialDate(lot.expiry) : t('stock.noExpiry')}
                    {lot.expired && <Badge ml={6} size="xs" color="red">{t('stock.expired')}</Badge>}
                  </Table.Td>
                  <Table.Td>{formatDate(lot.receivedAt)}</Table.Td>
                  <Table.Td ta="right" fw={500}>
                    {formatNumber(lot.balance)}
                    {lot.balance < 0 && (
                      <Tooltip label={t('stock.shortfallHelp')} multiline w={260}>
                        <Badge ml={6} size="xs" color="orange" data-testid="stock-shortfall">{t('stock.shortfall')}</Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {manager && <Button size="compact-xs" variant="light" onClick={() => onCorrect(lot)} aria-label={`${t('stock.correct')}: ${lot.lotCode}`}>{t('stock.correct')}</Button>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {manager && (
        <Card withBorder>
          <Text fw={600} mb="xs">{t('stock.movements', { type: aidTypeName(line) })}</Text>
          {movements.data && !movements.data.length && <Text size="sm" c="dimmed">{t('stock.noMovements')}</Text>}
          {movements.data && movements.data.length > 0 && (
            <Table fz="sm" striped aria-label={t('stock.movements', { type: aidTypeName(line) })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('stock.at')}</Table.Th>
                  <Table.Th>{t('stock.kind')}</Table.Th>
                  <Table.Th>{t('stock.lot')}</Table.Th>
                  <Table.Th ta="right">{t('stock.quantity')}</Table.Th>
                  <Table.Th>{t('stock.reason')}</Table.Th>
                  <Table.Th>{t('stock.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {movements.data.map((m) => (
                  <Table.Tr key={m.id} data-testid="stock-movement">
                    <Table.Td>{formatDateTime(m.recordedAt)}</Table.Td>
                    <Table.Td>{t(`stock.kinds.${m.kind}`)}</Table.Td>
                    <Table.Td ff="monospace">{m.lotCode}</Table.Td>
                    <Table.Td ta="right" c={m.quantity < 0 ? 'red.8' : 'teal.8'} fw={500}>{m.quantity > 0 ? `+${formatNumber(m.quantity)}` : formatNumber(m.quantity)}</Table.Td>
                    <Table.Td>{m.reason ?? ''}</Table.Td>
                    <Table.Td>{m.recordedBy}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}
