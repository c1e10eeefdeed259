import type { PersonArrivalRow } from '@core/contract/persons-common';
import { Button, Card, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallQuery } from '../../api/hooks';
import { BelongingsList } from './BelongingsList';
import { ReceiveBelongingsModal } from './ReceiveBelongingsModal';

/** The case file's belongings: held and returned, with receive and return for reception staff. */
export function BelongingsCard({ personId, arrivals, canManage }: { personId: string; arrivals: PersonArrivalRow[]; canManage: boolean }) {
  const { t } = useTranslation();
  const list = useCallQuery('belongings.list', { personId }, { staleTime: 0 });
  const [receiving, setReceiving] = useState(false);
  const current = arrivals.find((a) => a.status === 'arrived');
  return (
    <Card withBorder data-testid="belongings-card">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('belongings.caseTitle')}</Text>
        {canManage && current && <Button size="compact-sm" variant="light" onClick={() => setReceiving(true)}>{t('belongings.receive')}</Button>}
      </Group>
      {list.data && !list.data.length && <Text size="sm" c="dimmed">{t('belongings.caseNone')}</Text>}
      {list.data && list.data.length > 0 && <BelongingsList items={list.data} showPerson={false} canReturn={canManage} />}
      {current && <ReceiveBelongingsModal opened={receiving} onClose={() => setReceiving(false)} personArrivalId={current.personArrivalId} />}
    </Card>
  );
}
