import type { Delivery } from '@core/domains/aid/contract';
import type { PersonArrivalRow } from '@core/contract/persons-common';
import { Badge, Button, Card, Group, Modal, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { ReasonForm } from '../../components/ReasonForm';
import { accentInsensitiveFilter } from '../../app/filter';
import { formatDateTime } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { aidTypeName } from './labels';
import { AID_INVALIDATES, useDeliver } from './useDeliver';

/**
 * The case file's kits and services: everything the person received (voided deliveries stay,
 * marked), a quick delivery for the arrival they are on, and voiding with a reason.
 */
export function DeliveriesCard({ personId, personName, arrivals, canGive }: { personId: string; personName: string; arrivals: PersonArrivalRow[]; canGive: boolean }) {
  const { t } = useTranslation();
  const list = useCallQuery('aid.deliveries', { personId }, { staleTime: 0 });
  const types = useCallQuery('aid.types', {});
  const [typeId, setTypeId] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<Delivery | null>(null);
  const current = arrivals.find((a) => a.status === 'arrived');
  const { deliver, element, isPending } = useDeliver((_r, input) => notifySuccess(t('aid.delivered', { type: aidTypeName(types.data?.find((x) => x.id === input.typeId)), name: personName })));
  const name = (d: Delivery) => aidTypeName(types.data?.find((x) => x.id === d.typeId)) || d.typeCode;
  return (
    <Card withBorder data-testid="deliveries-card">
      <Text fw={600} mb="xs">{t('aid.deliveriesTitle')}</Text>
      {canGive && current && (
        <Group align="flex-end" mb="sm">
          <Select
            label={t('aid.type')}
            placeholder={t('aid.chooseType')}
            data={(types.data ?? []).map((x) => ({ value: x.id, label: aidTypeName(x) }))}
            value={typeId}
            onChange={setTypeId}
            searchable
            filter={accentInsensitiveFilter}
            selectFirstOptionOnChange
            w={280}
          />
          <Button disabled={!typeId} loading={isPending} onClick={() => deliver({ typeId: typeId!, target: { personArrivalId: current.personArrivalId } })}>
            {t('aid.deliverTo')}
          </Button>
        </Group>
      )}
      {list.data && !list.data.length && <Text size="sm" c="dimmed">{t('aid.noDeliveries')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table fz="sm">
          <Table.Tbody>
            {list.data.map((d) => (
              <Table.Tr key={d.id} data-testid="delivery-row" data-voided={d.voidedAt ? true : undefined}>
                <Table.Td>
                  <Text size="sm" fw={500} td={d.voidedAt ? 'line-through' : undefined}>{name(d)}{d.quantity > 1 ? ` ×${d.quantity}` : ''}</Text>
                  <Text size="xs" c="dimmed">
                    {t('aid.deliveredBy', { by: d.deliveredBy, date: formatDateTime(d.deliveredAt) })}
                    {d.lots.length > 0 && ` · ${t('aid.lots', { lots: d.lots.join(', ') })}`}
                  </Text>
                  {d.repeatReason && <Text size="xs" c="orange.8">{t('aid.repeatNote', { reason: d.repeatReason })}</Text>}
                  {d.voidedAt && <Text size="xs" c="red.8">{t('aid.voidedNote', { by: d.voidedBy, date: formatDateTime(d.voidedAt), reason: d.voidReason })}</Text>}
                </Table.Td>
                <Table.Td ta="right">
                  {d.voidedAt ? (
                    <Badge color="red" variant="light" size="sm">{t('aid.void')}</Badge>
                  ) : (
                    canGive && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(d)}>{t('aid.void')}</Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={voiding !== null} onClose={() => setVoiding(null)} title={voiding ? t('aid.voidTitle', { type: name(voiding) }) : ''} centered>
        {voiding && <VoidForm delivery={voiding} onDone={() => setVoiding(null)} />}
      </Modal>
      {element}
    </Card>
  );
}

function VoidForm({ delivery, onDone }: { delivery: Delivery; onDone: () => void }) {
  const { t } = useTranslation();
  const voidIt = useCallMutation('aid.void', [...AID_INVALIDATES]);
  return (
    <ReasonForm
      help={t('aid.voidHelp')}
      label={t('aid.voidReason')}
      confirm={t('aid.void')}
      loading={voidIt.isPending}
      onCancel={onDone}
      onConfirm={async (reason) => {
        await voidIt.mutateAsync({ deliveryId: delivery.id, reason });
        notifySuccess(t('aid.voided'));
        onDone();
      }}
    />
  );
}
