import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/**
 * A repeat within the type's rule needs a reason (docs/spec.md, station 6): the core refused the delivery
 * with its message, which is shown here; the reason goes with the second try.
 */
export function RepeatReasonModal({ message, onConfirm, onClose, loading }: { message: string | null; onConfirm: (reason: string) => void; onClose: () => void; loading: boolean }) {
  const { t } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  return (
    <Modal opened={message !== null} onClose={() => (form.reset(), onClose())} title={t('aid.repeatTitle')} centered>
      <form
        noValidate
        onSubmit={form.onSubmit(({ reason }) => {
          if (reason.trim().length < 5) return form.setFieldError('reason', t('validation.reasonNeeded'));
          onConfirm(reason.trim());
          form.reset();
        })}
      >
        <Stack>
          <Text size="sm">{t('aid.repeatHelp', { message })}</Text>
          <Textarea label={t('aid.repeatReason')} required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => (form.reset(), onClose())}>{t('common.cancel')}</Button>
            <Button type="submit" loading={loading}>{t('aid.repeatConfirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
