import type { Institution } from '@core/domains/institutions/contract';
import { normalize } from '@core/names';
import { ActionIcon, Badge, Button, Group, Select, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallQuery } from '../../api/hooks';
import { institutionCountry, serviceLabel, serviceOptions } from '../../app/labels';
import { useCurrentSession } from '../../app/session';
import { InstitutionFormModal } from './InstitutionFormModal';

/**
 * The directory of institutions (mapeo de actores, docs/spec.md, station 8). Everyone who works with
 * returnees can look up an institution; the manager keeps the directory.
 */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canEdit = session.roles.includes('manager');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [text, setText] = useState('');
  const [service, setService] = useState<string | null>(null);
  const [editing, setEditing] = useState<Institution | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useCallQuery('institutions.list', { includeInactive });

  const needle = normalize(text);
  const shown = (list.data ?? []).filter(
    (i) =>
      (!needle || normalize(`${i.code} ${i.name} ${i.address ?? ''}`).includes(needle)) &&
      (!service || i.services.includes(service)),
  );

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t('institutions.title')}</Title>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('institutions.add')}
          </Button>
        )}
      </Group>
      <Group align="end">
        <TextInput
          label={t('institutions.search')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={320}
        />
        <Select label={t('institutions.services')} data={serviceOptions()} value={service} onChange={setService} clearable searchable w={300} />
        <Switch label={t('institutions.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} mb={8} />
      </Group>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs" aria-label={t('institutions.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('institutions.code')}</Table.Th>
            <Table.Th>{t('institutions.name')}</Table.Th>
            <Table.Th>{t('institutions.country')}</Table.Th>
            <Table.Th>{t('institutions.services')}</Table.Th>
            <Table.Th>{t('institutions.contact')}</Table.Th>
            {canEdit && (
              <Table.Th w={60}>
                <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((i) => (
            <Table.Tr key={i.id} data-testid="institution-row" opacity={i.active ? 1 : 0.55}>
              <Table.Td>
                <Text fw={700}>{i.code}</Text>
                {!i.active && <Badge color="gray" size="xs">{t('institutions.inactive')}</Badge>}
              </Table.Td>
              <Table.Td>
                <Text>{i.name}</Text>
                <Text size="xs" c="dimmed">{t(`institutions.levels.${i.level}`)}</Text>
              </Table.Td>
              <Table.Td>{institutionCountry(i.country)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {i.services.map((s) => (
                    <Badge key={s} variant="light" tt="none" size="sm">{serviceLabel(s)}</Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.contact}</Text>
                <Text size="xs" c="dimmed">{[i.hours, i.address].filter(Boolean).join(' · ')}</Text>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <ActionIcon variant="subtle" aria-label={t('institutions.edit', { code: i.code })} onClick={() => setEditing(i)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && shown.length === 0 && <Text c="dimmed">{t('institutions.none')}</Text>}
      <InstitutionFormModal institution={null} opened={creating} onClose={() => setCreating(false)} />
      <InstitutionFormModal institution={editing} opened={editing !== null} onClose={() => setEditing(null)} />
    </Stack>
  );
}
