import { z } from 'zod';

/**
 * One event of a person's timeline (the case file), as every role may see it. Each domain
 * declares the events it contributes in its contract.ts with `timelineEvent`, and adds a
 * contributor to the timeline (electron/core/domains/persons/timeline.ts): the contract is then a
 * union discriminated by `kind`, so an event with an unknown kind or detail does not leave the core.
 */
export function timelineEvent<const K extends string, D extends z.ZodRawShape>(kind: K, detail: D) {
  return z.object({ at: z.string(), kind: z.literal(kind), arrivalId: z.string().nullable(), detail: z.object(detail) });
}

/** What the case file names a stay by (the arrival it belongs to). */
export const StayDetail = {
  arrivalKind: z.string().nullable(),
  reference: z.string().nullable(),
  carrier: z.string().nullable(),
  originCountry: z.string().nullable(),
  date: z.string().nullable(),
};
