import type { Input, MethodName, Output } from '@core/contract';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { call } from './client';

/** Reads through a contract method; cached under [method, input]. */
export function useCallQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery({ queryKey: [method, input], queryFn: () => call(method, input), ...options });
}

/**
 * Writes through a contract method; refreshes the listed reads when it succeeds. Error codes in
 * `handled` are not notified (the screen answers them itself, e.g. by asking for a reason).
 */
export function useCallMutation<M extends MethodName>(method: M, invalidate: MethodName[] = [], handled: string[] = []) {
  const client = useQueryClient();
  return useMutation({
    meta: { handled },
    mutationFn: (input: Input<M>) => call(method, input),
    onSuccess: async () => {
      await Promise.all(invalidate.map((m) => client.invalidateQueries({ queryKey: [m] })));
    },
  });
}
