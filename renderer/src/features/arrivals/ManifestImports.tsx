import { Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDateTime, formatNumber } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { ReasonForm } from '../../components/ReasonForm';

/**
 * The manifest files imported into an arrival. While nobody of a file has arrived (or been worked
 * with), its import can be undone with a reason: the wrong file, the wrong flight.
 */
export function ManifestImports({ arrivalId }: { arrivalId: string }) {
  const { t } = useTranslation();
  const imports = useCallQuery('manifests.imports', { arrivalId }, { staleTime: 0 });
  const [undoing, setUndoing] = useState<string | null>(null);
  if (!imports.data?.length) return null;
  return (
    <Card withBorder p="sm" data-testid="manifest-imports">
      <Stack gap={4}>
        {imports.data.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap">
            <Text size="sm" c={m.undoneAt ? 'dimmed' : undefined} td={m.undoneAt ? 'line-through' : undefined}>
              {t('manifest.importedLine', { file: m.fileName, count: m.imported, formatted: formatNumber(m.imported), date: formatDateTime(m.importedAt), by: m.importedBy })}
            </Text>
            {m.undoneAt ? (
              <Text size="xs" c="dimmed">{t('manifest.undoneLine', { date: formatDateTime(m.undoneAt), reason: m.undoReason })}</Text>
            ) : (
              m.undoable && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setUndoing(m.id)}>{t('manifest.undo')}</Button>
            )}
          </Group>
        ))}
      </Stack>
      <Modal opened={undoing !== null} onClose={() => setUndoing(null)} title={t('manifest.undoTitle')} centered>
        {undoing && <UndoForm importId={undoing} count={imports.data.find((m) => m.id === undoing)?.imported ?? 0} onDone={() => setUndoing(null)} />}
      </Modal>
    </Card>
  );
}

function UndoForm({ importId, count, onDone }: { importId: string; count: number; onDone: () => void }) {
  const { t } = useTranslation();
  const undo = useCallMutation('manifests.undo', ['manifests.imports', 'arrivals.get', 'arrivals.list', 'flow.board']);
  return (
    <ReasonForm
      help={t('manifest.undoText', { count })}
      label={t('manifest.undoReason')}
      confirm={t('manifest.undoConfirm', { count })}
      loading={undo.isPending}
      onCancel={onDone}
      onConfirm={async (reason) => {
        const result = await undo.mutateAsync({ importId, reason });
        notifySuccess(t('manifest.undone', { count: result.removed }));
        onDone();
      }}
    />
  );
}
