import type { Belonging } from '@core/domains/aid/contract';
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/hooks';
import { notifySuccess } from '../../app/notify';
import { BELONGINGS_INVALIDATES } from './ReceiveBelongingsModal';

/** Gives items back: the clerk ticks what is returned and the person's confirmation. */
export function ReturnBelongingsModal({ items, onClose }: { items: Belonging[] | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={items !== null} onClose={onClose} title={items?.[0] ? t('belongings.returnTitle', { name: items[0].personName }) : ''} centered size="lg">
      {items && <ReturnForm items={items} onDone={onClose} />}
    </Modal>
  );
}

function ReturnForm({ items, onDone }: { items: Belonging[]; onDone: () => void }) {
  const { t } = useTranslation();
  const giveBack = useCallMutation('belongings.return', [...BELONGINGS_INVALIDATES]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { ids: items.map((i) => i.id), confirmed: false, note: '' },
    validate: {
      ids: (v) => (v.length ? null : t('validation.required')),
      confirmed: (v) => (v ? null : t('validation.returnConfirmed')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ ids, note }) => {
        await giveBack.mutateAsync({ ids, confirmed: true, ...(note.trim() ? { note: note.trim() } : {}) });
        notifySuccess(t('belongings.returnedOk'));
        onDone();
      })}
    >
      <Stack>
        <Checkbox.Group label={t('belongings.items')} {...form.getInputProps('ids')}>
          <Stack gap={6} mt={6}>
            {items.map((i) => (
              <Checkbox key={i.id} value={i.id} label={`${i.tagNumber} — ${i.description}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox label={t('belongings.confirm')} data-autofocus {...form.getInputProps('confirmed', { type: 'checkbox' })} />
        <TextInput label={t('belongings.returnNote')} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={giveBack.isPending}>{t('belongings.return')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
