import type { Input, Output } from '@core/contract';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useCallMutation } from '../../api/hooks';
import { RepeatReasonModal } from './RepeatReasonModal';

export const AID_INVALIDATES = ['aid.deliveries', 'stock.report', 'stock.movements', 'flow.board', 'persons.get'] as const;

type DeliverInput = Input<'aid.deliver'>;
type DeliverResult = Output<'aid.deliver'>;

/**
 * Delivers through the core; when it answers that this is a repeat, asks for the reason and
 * tries once more with it. `element` is the reason dialog, to be rendered by the screen.
 */
export function useDeliver(onDone: (result: DeliverResult, input: DeliverInput) => void) {
  const mutation = useCallMutation('aid.deliver', [...AID_INVALIDATES], ['aid.repeat']);
  const [pending, setPending] = useState<{ input: DeliverInput; message: string } | null>(null);
  const deliver = async (input: DeliverInput) => {
    try {
      onDone(await mutation.mutateAsync(input), input);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'aid.repeat') setPending({ input, message: error.message });
    }
  };
  const element = (
    <RepeatReasonModal
      message={pending?.message ?? null}
      loading={mutation.isPending}
      onClose={() => setPending(null)}
      onConfirm={async (repeatReason) => {
        const input = { ...pending!.input, repeatReason };
        setPending(null);
        await deliver(input);
      }}
    />
  );
  return { deliver, element, isPending: mutation.isPending };
}
