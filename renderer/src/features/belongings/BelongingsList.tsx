import type { Belonging } from '@core/domains/aid/contract';
import { Anchor, Button, Group, Image, Popover, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import { ReturnBelongingsModal } from './ReturnBelongingsModal';

/** Items grouped by person, with who received them and a Return action for what is still held. */
export function BelongingsList({ items, showPerson, canReturn }: { items: Belonging[]; showPerson: boolean; canReturn: boolean }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState<Belonging[] | null>(null);
  const groups = new Map<string, Belonging[]>();
  for (const item of items) groups.set(item.personArrivalId, [...(groups.get(item.personArrivalId) ?? []), item]);
  return (
    <>
      <Table withTableBorder={showPerson} striped={showPerson} fz="sm" aria-label={t('belongings.title')}>
        <Table.Tbody>
          {[...groups.values()].map((group) => {
            const held = group.filter((i) => !i.returnedAt);
            return (
              <Table.Tr key={group[0]!.personArrivalId} data-testid="belongings-row">
                {showPerson && (
                  <Table.Td style={{ minWidth: 220 }}>
                    <Anchor component={Link} to={`/personas/${group[0]!.personId}`} fw={500}>{group[0]!.personName}</Anchor>
                    <Text size="xs" c="dimmed">{group[0]!.caseNumber}</Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Stack gap={4}>
                    {group.map((i) => (
                      <div key={i.id}>
                        <Group gap={6}>
                          <Text size="sm" fw={600} ff="monospace">{i.tagNumber}</Text>
                          <Text size="sm" td={i.returnedAt ? 'line-through' : undefined}>{i.description}</Text>
                          {i.photo && <Photo src={i.photo} description={i.description} />}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {t('belongings.receivedBy', { by: i.receivedBy, date: formatDateTime(i.receivedAt) })}
                          {i.returnedAt && ` · ${t('belongings.returned', { by: i.returnedBy, date: formatDateTime(i.returnedAt) })}`}
                          {i.returnNote && ` · ${i.returnNote}`}
                        </Text>
                      </div>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">
                  {canReturn && held.length > 0 && (
                    <Button size="compact-sm" variant="light" onClick={() => setReturning(held)}>{t('belongings.return')}</Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ReturnBelongingsModal items={returning} onClose={() => setReturning(null)} />
    </>
  );
}

function Photo({ src, description }: { src: string; description: string }) {
  const { t } = useTranslation();
  return (
    <Popover withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton aria-label={t('belongings.photoAlt', { description })}><IconPhoto size={16} /></UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Image src={src} alt={t('belongings.photoAlt', { description })} maw={280} />
      </Popover.Dropdown>
    </Popover>
  );
}
