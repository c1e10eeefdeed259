import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconEraser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDateTime } from '../../app/format';
import { notifySuccess } from '../../app/notify';

/**
 * Erasure on request (issue 20): every role sees that a person's data were erased, when, by whom
 * and why; the manager erases them, with the reason, after reading what goes and what stays.
 */
export function ErasureCard({ personId, canErase }: { personId: string; canErase: boolean }) {
  const { t } = useTranslation();
  const status = useCallQuery('erasure.status', { personId }, { staleTime: 0 });
  if (status.data === undefined) return null;
  if (status.data)
    return (
      <Alert color="gray" icon={<IconEraser size={18} />} title={t('erasure.erasedTitle')} data-testid="erased">
        {t(status.data.kind === 'retention' ? 'erasure.erasedRetention' : 'erasure.erasedText', { at: formatDateTime(status.data.erasedAt), by: status.data.erasedBy, reason: status.data.reason })}
      </Alert>
    );
  if (!canErase) return null;
  return (
    <Group justify="flex-end">
      <Button variant="subtle" color="red" size="xs" leftSection={<IconEraser size={14} />}
        onClick={() => modals.open({ title: t('erasure.title'), size: 'lg', children: <EraseForm personId={personId} onDone={() => modals.closeAll()} /> })}>
        {t('erasure.open')}
      </Button>
    </Group>
  );
}

function EraseForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const erase = useCallMutation('erasure.erase', ['erasure.status', 'persons.get', 'flow.board']);
  const submit = async () => {
    await erase.mutateAsync({ personId, reason });
    notifySuccess(t('erasure.done'));
    onDone();
  };
  return (
    <Stack>
      <Text size="sm">{t('erasure.goes')}</Text>
      <List size="sm">
        <List.Item>{t('erasure.goesList')}</List.Item>
      </List>
      <Text size="sm">{t('erasure.stays')}</Text>
      <Text size="sm" c="dimmed">{t('erasure.everywhere')}</Text>
      <Textarea label={t('erasure.reason')} description={t('erasure.reasonHelp')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={1000} data-autofocus
 />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button color="red" loading={erase.isPending} disabled={reason.trim().length < 10} onClick={() => void submit().catch(() => undefined)}>{t('erasure.confirm')}</Button>
      </Group>
    </Stack>
  );
}
