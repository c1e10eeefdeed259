import { ActionIcon, Button, FileInput, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCamera, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { useFormDraft } from '../../app/drafts';
import { accentInsensitiveFilter } from '../../app/filter';
import { personName } from '../../app/labels';
import { notifySuccess } from '../../app/notify';

export const BELONGINGS_INVALIDATES = ['belongings.list', 'persons.get', 'flow.board'] as const;
const MAX_PHOTO = 1_500_000;

interface Item {
  description: string;
  tagNumber: string;
  photo: string | null;
}

const readPhoto = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * Takes belongings into custody: what each item is, the number on its tag, a photo if one is
 * taken. From the case file the person is known; from the belongings screen the clerk picks
 * someone present today.
 */
export function ReceiveBelongingsModal({ opened, onClose, personArrivalId }: { opened: boolean; onClose: () => void; personArrivalId?: string }) {
  const { t } = useTranslation();
  const board = useCallQuery('flow.board', { status: 'arrived' }, { enabled: opened && !personArrivalId, staleTime: 0 });
  const receive = useCallMutation('belongings.receive', [...BELONGINGS_INVALIDATES]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { personArrivalId: personArrivalId ?? '', items: [{ description: '', tagNumber: '', photo: null }] as Item[] },
    validate: {
      personArrivalId: (v) => (v ? null : t('validation.required')),
      items: {
        description: (v) => (v.trim().length >= 2 ? null : t('validation.required')),
        tagNumber: (v, values, path) => {
          if (!v.trim()) return t('validation.required');
          const index = Number(path.split('.')[1]);
          return values.items.some((o, i) => i < index && o.tagNumber.trim().toUpperCase() === v.trim().toUpperCase()) ? t('errors.belongings.tag-taken', { tag: v.trim().toUpperCase() }) : null;
        },
      },
    },
  });
  const present = (board.data?.rows ?? []).filter((r) => !r.stages.departed);
  // Descriptions and tags survive the lock; photos (up to 1.5 MB each) are taken again.
  const draft = useFormDraft(opened ? `belongings-receive:${personArrivalId ?? 'any'}` : null, { ...form.values, items: form.values.items.map((i) => ({ ...i, photo: null })) }, form.setValues);
  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={form.reset} title={t('belongings.receiveTitle')} size="lg" centered>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          const saved = await receive.mutateAsync({
            personArrivalId: values.personArrivalId,
            items: values.items.map((i) => ({ description: i.description.trim(), tagNumber: i.tagNumber.trim(), ...(i.photo ? { photo: i.photo } : {}) })),
          });
          await draft.discard();
          notifySuccess(t('belongings.receivedOk', { count: saved.length }));
          onClose();
        })}
      >
        <Stack>
          {!personArrivalId && (
            <Select
              label={t('belongings.person')}
              placeholder={t('belongings.choosePerson')}
              data={present.map((r) => ({ value: r.personArrivalId, label: `${personName(r)}${r.caseNumber ? ` · ${r.caseNumber}` : ''}` }))}
              searchable
              filter={accentInsensitiveFilter}
              required
              data-autofocus
              {...form.getInputProps('personArrivalId')}
            />
          )}
          {form.values.items.map((_, i) => (
            <Group key={i} align="flex-start" wrap="nowrap" data-testid="belonging-item">
              <TextInput label={t('belongings.description')} required style={{ flex: 3 }} data-autofocus={personArrivalId && i === 0 ? true : undefined} {...form.getInputProps(`items.${i}.description`)} />
              <TextInput label={t('belongings.tag')} required style={{ flex: 1, minWidth: 130 }} {...form.getInputProps(`items.${i}.tagNumber`)} />
              <FileInput
                label={t('belongings.photo')}
                accept="image/jpeg,image/png"
                leftSection={<IconCamera size={16} />}
                clearable
                style={{ flex: 2 }}
                error={form.errors[`items.${i}.photo`]}
                onChange={async (file) => {
                  form.clearFieldError(`items.${i}.photo`);
                  if (!file) return form.setFieldValue(`items.${i}.photo`, null);
                  if (file.size > MAX_PHOTO) return form.setFieldError(`items.${i}.photo`, t('validation.photoSize'));
                  if (!['image/jpeg', 'image/png'].includes(file.type)) return form.setFieldError(`items.${i}.photo`, t('validation.photo'));
                  form.setFieldValue(`items.${i}.photo`, await readPhoto(file));
                }}
              />
              {form.values.items.length > 1 && (
                <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('belongings.removeItem')} onClick={() => form.removeListItem('items', i)}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconPlus size={14} />} disabled={form.values.items.length >= 20} onClick={() => form.insertListItem('items', { description: '', tagNumber: '', photo: null })}>
              {t('belongings.addItem')}
            </Button>
            <Group>
              <Button variant="default" onClick={() => void draft.discard().then(onClose)}>{t('common.cancel')}</Button>
              <Button type="submit" loading={receive.isPending}>{t('belongings.receive')}</Button>
            </Group>
          </Group>
          <Text size="xs" c="dimmed">{t('belongings.heldHelp')}</Text>
        </Stack>
      </form>
    </Modal>
  );
}
