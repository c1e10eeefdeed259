import { z } from 'zod';
import { Id } from './common';
import { method } from './method';

export const ConsentPurpose = z.enum(['registration', 'sharing', 'replication', 'follow_up']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const ConsentState = z.object({
  purpose: ConsentPurpose,
  institution: z.string(),
  granted: z.boolean(),
  language: z.string(),
  explainedBy: z.string(),
  recordedAt: z.string(),
  notes: z.string().nullable(),
});

const Institution = z.string().trim().max(40).default('');

export const consentContract = {
  /** Records what the person agreed to (or refused), in which language, explained by the caller. */
  'consent.record': method({
    input: z.strictObject({
      personId: Id,
      decisions: z.array(z.strictObject({ purpose: ConsentPurpose, institution: Institution, granted: z.boolean() })).min(1).max(40),
      language: z.string().trim().min(2).max(12),
      notes: z.string().trim().max(500).optional(),
    }),
    output: z.array(ConsentState),
  }),
  /** Withdraws a consent given earlier; what follows no longer shares for that purpose. */
  'consent.withdraw': method({
    input: z.strictObject({ personId: Id, purpose: ConsentPurpose, institution: Institution, notes: z.string().trim().min(3).max(500) }),
    output: z.array(ConsentState),
  }),
  /** The consent in force for each purpose (and institution) of a person. */
  'consent.status': method({ input: z.strictObject({ personId: Id }), output: z.array(ConsentState) }),
};

