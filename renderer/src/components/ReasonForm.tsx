import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What cannot be done without saying why (void a delivery, undo an import): what will happen,
 * the reason (at least 5 characters, checked here and again by the core), cancel or confirm.
 */
export function ReasonForm({ help, label, confirm, loading, onConfirm, onCancel }: { help: ReactNode; label: string; confirm: string; loading: boolean; onConfirm: (reason: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ reason }) => {
        if (reason.trim().length < 5) return form.setFieldError('reason', t('validation.reasonNeeded'));
        await onConfirm(reason.trim());
      })}
    >
      <Stack>
        <Text size="sm" c="dimmed">{help}</Text>
        <Textarea label={label} required autosize minRows={2} maxLength={500} data-autofocus {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={loading}>{confirm}</Button>
        </Group>
      </Stack>
    </form>
  );
}
