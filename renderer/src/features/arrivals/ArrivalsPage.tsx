import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallQuery } from '../../api/hooks';
import { centreToday } from '../../app/centre-time';
import { formatDate, formatTime } from '../../app/format';
import { countryName } from '../../app/labels';
import { NewArrivalModal } from './NewArrivalModal';

export function ArrivalsPage() {
  const { t } = useTranslation();
  const arrivals = useCallQuery('arrivals.list', {}, { staleTime: 0 });
  const [creating, setCreating] = useState(false);
  const today = centreToday();
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t('arrivals.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('arrivals.new')}
        </Button>
      </Group>
      <Table striped highlightOnHover withTableBorder aria-label={t('arrivals.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('arrivals.date')}</Table.Th>
            <Table.Th>{t('arrivals.kind')}</Table.Th>
            <Table.Th>{t('arrivals.reference')}</Table.Th>
            <Table.Th>{t('arrivals.origin')}</Table.Th>
            <Table.Th>{t('arrivals.pointOfEntry')}</Table.Th>
            <Table.Th>{t('arrivals.people')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {arrivals.data?.map((a) => (
            <Table.Tr key={a.id} data-testid="arrival-row">
              <Table.Td>
                {formatDate(a.date)} {formatTime(a.actualAt ?? a.scheduledAt)}
              </Table.Td>
              <Table.Td>
                {t(`arrivals.kinds.${a.kind}`)} · {t(`arrivals.routes.${a.route}`)}
              </Table.Td>
              <Table.Td>
                <Text component={Link} to={`/arribos/${a.id}`} c="teal.8" fw={600}>
                  {[a.carrier, a.reference].filter(Boolean).join(' ') || t(`arrivals.kinds.${a.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>{countryName(a.originCountry)}</Table.Td>
              <Table.Td>{a.pointOfEntry}</Table.Td>
              <Table.Td>
                {a.counts.arrived}/{a.counts.total}
                {a.counts.noShow > 0 && ` · ${a.counts.noShow} ${t('arrivals.noShow').toLowerCase()}`}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {a.date > today ? (
                  <Badge color="blue" variant="light" miw="max-content" data-testid="arrival-scheduled">{t('arrivals.scheduled')}</Badge>
                ) : a.closedAt ? (
                  <Badge color="gray" miw="max-content">{t('arrivals.closed')}</Badge>
                ) : (
                  <Badge variant="dot" miw="max-content">{t('arrivals.open')}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {arrivals.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>{t('arrivals.empty')}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <NewArrivalModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
