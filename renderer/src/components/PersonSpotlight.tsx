import { Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCallQuery } from '../api/hooks';

/** Ctrl+K anywhere: find a person by name, document or case number and open the case file. */
export function PersonSpotlight() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const results = useCallQuery('persons.search', { text: debounced, limit: 10 }, { enabled: debounced.length >= 2, staleTime: 5_000 });
  const hits = debounced.length >= 2 ? (results.data ?? []) : [];
  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={420}>
      <Spotlight.Search placeholder={t('search.placeholder')} leftSection={<IconSearch size={18} />} aria-label={t('search.placeholder')} />
      <Spotlight.ActionsList>
        {hits.map((h) => (
          <Spotlight.Action key={h.personId} onClick={() => void navigate(`/personas/${h.personId}`)} data-testid="search-hit">
            <Group wrap="nowrap" gap="sm">
              <IconUser size={18} />
              <div>
                <Text fw={500}>{h.fullName}</Text>
                <Text size="xs" c="dimmed">
                  {[h.caseNumber, h.birthDate?.split('-').reverse().join('/'), h.documentNumber].filter(Boolean).join(' · ')}
                </Text>
              </div>
            </Group>
          </Spotlight.Action>
        ))}
        {debounced.length >= 2 && results.isSuccess && hits.length === 0 && <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
