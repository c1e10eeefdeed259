import type { AidType } from '@core/domains/aid/contract';
import type { StockLot } from '@core/domains/stock/contract';
import { DONORS } from '@core/reference';
import { Autocomplete, Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/hooks';
import { centreToday } from '../../app/centre-time';
import { accentInsensitiveFilter } from '../../app/filter';
import { DATE_FORMAT } from '../../app/format';
import { useFormDraft } from '../../app/drafts';
import { notifySuccess } from '../../app/notify';
import { aidTypeName } from '../aid/labels';

export const STOCK_INVALIDATES = ['stock.report', 'stock.movements'] as const;

/** A donated lot arrives: type, lot code, donor, quantity, expiry. */
export function ReceiveLotModal({ opened, onClose, types, typeId }: { opened: boolean; onClose: () => void; types: AidType[]; typeId: string | null }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('stock.receiveTitle')} size="lg" centered>
      {opened && <ReceiveForm types={types.filter((x) => x.usesStock && x.active)} typeId={typeId} onDone={onClose} />}
    </Modal>
  );
}

function ReceiveForm({ types, typeId, onDone }: { types: AidType[]; typeId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const receive = useCallMutation('stock.receive', [...STOCK_INVALIDATES]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { typeId: typeId ?? '', lotCode: '', donor: '', quantity: '' as number | '', expiry: null as string | null, note: '' },
    validate: {
      typeId: (v) => (v ? null : t('validation.required')),
      lotCode: (v) => (v.trim() ? null : t('validation.required')),
      donor: (v) => (v.trim().length >= 2 ? null : t('validation.required')),
      quantity: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : t('validation.required')),
    },
  });
  const receiveDraft = useFormDraft('stock-receive', form.values, form.setValues);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        const lot = await receive.mutateAsync({ typeId: v.typeId, lotCode: v.lotCode.trim(), donor: v.donor.trim(), quantity: Number(v.quantity), expiry: v.expiry || null, ...(v.note.trim() ? { note: v.note.trim() } : {}) });
        await receiveDraft.discard();
        notifySuccess(t('stock.receivedOk', { lot: lot.lotCode, count: lot.balance }));
        onDone();
      })}
    >
      <Stack>
        <SimpleGrid cols={2}>
          <Select label={t('aid.type')} data={types.map((x) => ({ value: x.id, label: aidTypeName(x) }))} searchable filter={accentInsensitiveFilter} required data-autofocus {...form.getInputProps('typeId')} />
          <TextInput label={t('stock.lotCode')} required {...form.getInputProps('lotCode')} />
          <Autocomplete label={t('stock.donor')} data={DONORS} required {...form.getInputProps('donor')} />
          <NumberInput label={t('stock.quantityReceived')} min={1} max={1_000_000} allowDecimal={false} allowNegative={false} thousandSeparator="," required {...form.getInputProps('quantity')} />
          <DateInput
            label={t('stock.expiryOptional')}
            valueFormat={DATE_FORMAT}
            clearable
            {...form.getInputProps('expiry')}
            // Expired means before today at the centre, as the core counts it when it delivers.
            description={form.values.expiry && form.values.expiry < centreToday() ? <Text span size="xs" c="orange.8" data-testid="lot-expired-note">{t('stock.expiredOnArrival')}</Text> : undefined}
          />
          <TextInput label={t('stock.note')} {...form.getInputProps('note')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void receiveDraft.discard().then(onDone)}>{t('common.cancel')}</Button>
          <Button type="submit" loading={receive.isPending}>{t('stock.receive')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A count, a loss or a transfer: one more movement on the lot, with its reason. */
export function CorrectLotModal({ lot, onClose }: { lot: StockLot | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={lot !== null} onClose={onClose} title={lot ? t('stock.correctTitle', { lot: lot.lotCode }) : ''} centered>
      {lot && <CorrectForm lot={lot} onDone={onClose} />}
    </Modal>
  );
}

function CorrectForm({ lot, onDone }: { lot: StockLot; onDone: () => void }) {
  const { t } = useTranslation();
  const correct = useCallMutation('stock.correct', [...STOCK_INVALIDATES]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: 'adjustment' as 'adjustment' | 'loss' | 'transfer', amount: '' as number | '', reason: '' },
    validate: {
      amount: (v, values) => (typeof v === 'number' && Number.isInteger(v) && v >= (values.kind === 'adjustment' ? 0 : 1) ? null : t('validation.required')),
      reason: (v) => (v.trim().length >= 5 ? null : t('validation.reasonNeeded')),
    },
  });
  const correctDraft = useFormDraft(`stock-correct:${lot.id}`, form.values, form.setValues);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ kind, amount, reason }) => {
        const input =
          kind === 'adjustment'
            ? { lotId: lot.id, kind, counted: Number(amount), reason: reason.trim() }
            : { lotId: lot.id, kind, quantity: Number(amount), reason: reason.trim() };
        const after = await correct.mutateAsync(input);
        await correctDraft.discard();
        notifySuccess(t('stock.corrected', { lot: after.lotCode, balance: after.balance }));
        onDone();
      })}
    >
      <Stack>
        <Text size="sm" c="dimmed">{t('stock.correctHelp', { balance: lot.balance })}</Text>
        <SegmentedControl fullWidth data={(['adjustment', 'loss', 'transfer'] as const).map((k) => ({ value: k, label: t(`stock.correctKinds.${k}`) }))} {...form.getInputProps('kind')} />
        <NumberInput
          label={form.values.kind === 'adjustment' ? t('stock.counted') : t('stock.correctQuantity')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          required
          data-autofocus
          {...form.getInputProps('amount')}
        />
        <Textarea label={t('stock.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void correctDraft.discard().then(onDone)}>{t('common.cancel')}</Button>
          <Button type="submit" loading={correct.isPending}>{t('stock.correct')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
