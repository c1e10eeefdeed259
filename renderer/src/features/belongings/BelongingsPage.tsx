import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallQuery } from '../../api/hooks';
import { BelongingsList } from './BelongingsList';
import { ReceiveBelongingsModal } from './ReceiveBelongingsModal';

/** Belongings custody (docs/spec.md, station 6): what is held now, for closing time; receive and return. */
export function BelongingsPage() {
  const { t } = useTranslation();
  const held = useCallQuery('belongings.list', { held: true }, { staleTime: 0 });
  const [receiving, setReceiving] = useState(false);
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('belongings.title')}</Title>
        <Button leftSection={<IconPackageImport size={16} />} onClick={() => setReceiving(true)}>{t('belongings.receive')}</Button>
      </Group>
      <Text c="dimmed" size="sm">{t('belongings.heldHelp')}</Text>
      <Title order={4}>{t('belongings.held')} ({held.data?.length ?? 0})</Title>
      {held.data && !held.data.length && <Text c="dimmed">{t('belongings.none')}</Text>}
      {held.data && held.data.length > 0 && <BelongingsList items={held.data} showPerson canReturn />}
      <ReceiveBelongingsModal opened={receiving} onClose={() => setReceiving(false)} />
    </Stack>
  );
}
