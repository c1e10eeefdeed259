import type { AidType } from '@core/domains/aid/contract';
import { Badge, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { notifySuccess } from '../../app/notify';
import { aidTypeName, aidUnit, repeatRule } from '../aid/labels';

/** The manager's list of kits and services: whether each uses stock, its repeat rule, its threshold. */
export function TypesEditor() {
  const { t } = useTranslation();
  const types = useCallQuery('aid.types', { includeInactive: true, category: 'all' });
  const [editing, setEditing] = useState<AidType | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setEditing('new')}>{t('stock.newType')}</Button>
      </Group>
      <Table striped withTableBorder fz="sm" aria-label={t('stock.typesTab')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aid.type')}</Table.Th>
            <Table.Th>{t('stock.unit')}</Table.Th>
            <Table.Th>{t('stock.usesStock')}</Table.Th>
            <Table.Th>{t('stock.repeat')}</Table.Th>
            <Table.Th>{t('stock.threshold')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.data?.map((x) => (
            <Table.Tr key={x.id} data-testid="type-row">
              <Table.Td>
                <Text size="sm" fw={500}>{aidTypeName(x)}</Text>
                <Group gap={4}>
                  <Text size="xs" c="dimmed" ff="monospace">{x.code}</Text>
                  {!x.active && <Badge size="xs" color="gray">{t('stock.inactive')}</Badge>}
                  {x.category === 'medicine' && <Badge size="xs" color="blue" variant="light">{t('stock.medicine')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{aidUnit(x)}</Table.Td>
              <Table.Td>{x.usesStock ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>{repeatRule(x)}</Table.Td>
              <Table.Td>{x.lowStock ?? '—'}</Table.Td>
              <Table.Td ta="right">
                <Button size="compact-sm" variant="light" onClick={() => setEditing(x)} aria-label={`${t('stock.edit')}: ${aidTypeName(x)}`}>{t('stock.edit')}</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('stock.newType') : editing ? t('stock.editType', { name: aidTypeName(editing) }) : ''} size="lg" centered>
        {editing && <TypeForm type={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function TypeForm({ type, onDone }: { type: AidType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCallMutation('aid.createType', ['aid.types', 'stock.report', 'care.medicines']);
  const update = useCallMutation('aid.updateType', ['aid.types', 'stock.report']);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      code: type?.code ?? '',
      nameEs: type?.nameEs ?? '',
      nameEn: type?.nameEn ?? '',
      unitEs: type?.unitEs ?? '',
      unitEn: type?.unitEn ?? '',
      usesStock: type?.usesStock ?? true,
      repeatKind: type?.repeat.kind ?? 'per_arrival',
      hours: (type?.repeat.kind === 'hours' ? type.repeat.hours : 4) as number | '',
      lowStock: (type?.lowStock ?? '') as number | '',
      active: type?.active ?? true,
      medicine: type?.category === 'medicine',
    },
    validate: {
      code: (v) => (type || /^[a-z][a-z0-9_]{1,39}$/.test(v.trim()) ? null : t('validation.aidCode')),
      nameEs: (v) => (v.trim().length >= 2 ? null : t('validation.required')),
      nameEn: (v) => (v.trim().length >= 2 ? null : t('validation.required')),
      unitEs: (v) => (v.trim() ? null : t('validation.required')),
      unitEn: (v) => (v.trim() ? null : t('validation.required')),
      hours: (v, values) => (values.repeatKind !== 'hours' || (typeof v === 'number' && v >= 1 && v <= 720) ? null : t('validation.required')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        const fields = {
          nameEs: v.nameEs.trim(),
          nameEn: v.nameEn.trim(),
          unitEs: v.unitEs.trim(),
          unitEn: v.unitEn.trim(),
          usesStock: v.usesStock,
          repeat: v.repeatKind === 'hours' ? { kind: 'hours' as const, hours: Number(v.hours) } : { kind: 'per_arrival' as const },
          lowStock: v.usesStock && v.lowStock !== '' ? Number(v.lowStock) : null,
        };
        if (type) await update.mutateAsync({ id: type.id, ...fields, active: v.active });
        else await create.mutateAsync({ code: v.code.trim(), ...fields, category: v.medicine ? 'medicine' : 'aid' });
        notifySuccess(t('stock.saved'));
        onDone();
      })}
    >
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label={t('stock.code')} required disabled={!!type} data-autofocus={!type || undefined} {...form.getInputProps('code')} />
          <div />
          <TextInput label={t('stock.nameEs')} required data-autofocus={type ? true : undefined} {...form.getInputProps('nameEs')} />
          <TextInput label={t('stock.nameEn')} required {...form.getInputProps('nameEn')} />
          <TextInput label={t('stock.unitEs')} required {...form.getInputProps('unitEs')} />
          <TextInput label={t('stock.unitEn')} required {...form.getInputProps('unitEn')} />
        </SimpleGrid>
        {!type && <Checkbox label={t('stock.isMedicine')} description={t('stock.isMedicineHelp')} {...form.getInputProps('medicine', { type: 'checkbox' })} />}
        <Checkbox label={t('stock.usesStock')} {...form.getInputProps('usesStock', { type: 'checkbox' })} />
        {form.values.usesStock && <NumberInput label={t('stock.lowStock')} min={0} allowDecimal={false} allowNegative={false} {...form.getInputProps('lowStock')} />}
        <div>
          <Text size="sm" fw={500} mb={4}>{t('stock.repeat')}</Text>
          <SegmentedControl fullWidth data={(['per_arrival', 'hours'] as const).map((k) => ({ value: k, label: t(`stock.repeatKinds.${k}`) }))} {...form.getInputProps('repeatKind')} />
        </div>
        {form.values.repeatKind === 'hours' && <NumberInput label={t('stock.repeatHours')} min={1} max={720} allowDecimal={false} required {...form.getInputProps('hours')} />}
        {type && <Checkbox label={t('stock.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending || update.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
