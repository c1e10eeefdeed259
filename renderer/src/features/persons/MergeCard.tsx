import { Autocomplete, Button, Card, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { notifySuccess } from '../../app/notify';

/** Merge this record into another one of the same person (found by name, document or case number). */
export function MergeCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [reason, setReason] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const hits = useCallQuery('persons.search', { text: debounced, limit: 8 }, { enabled: debounced.length >= 2 });
  const merge = useCallMutation('persons.merge', ['persons.get']);
  const options = (hits.data ?? []).filter((h) => h.personId !== personId).map((h) => ({ value: h.caseNumber, label: `${h.caseNumber} · ${h.fullName}` }));
  const target = hits.data?.find((h) => h.caseNumber === query.trim() && h.personId !== personId);
  return (
    <Card withBorder>
      <Text fw={600}>{t('caseFile.mergeTitle')}</Text>
      <Text size="sm" c="dimmed" mb="xs">{t('caseFile.mergeHelp')}</Text>
      <Group align="flex-end" grow>
        <Autocomplete label={t('caseFile.mergeTarget')} data={options} value={query} onChange={setQuery} filter={({ options: o }) => o} />
        <TextInput label={t('caseFile.mergeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button
          variant="light"
          disabled={!target || reason.trim().length < 3}
          loading={merge.isPending}
          onClick={async () => {
            const result = await merge.mutateAsync({ sourceId: personId, targetId: target!.personId, reason });
            notifySuccess(t('caseFile.linked'));
            void navigate(`/personas/${result.personId}`);
          }}
        >
          {t('caseFile.mergeButton')}
        </Button>
      </Group>
    </Card>
  );
}
