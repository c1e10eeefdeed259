import { z } from 'zod';
import { Id } from '../../contract/common';
import { method } from '../../contract/method';
import { CASEWORK, CONSENT } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';
import { timelineEvent } from '../../contract/timeline';

export const ConsentPurpose = z.enum(['registration', 'sharing', 'replication', 'follow_up', 'psychological_care', 'medical_care']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const ConsentState = z.object({
  purpose: ConsentPurpose,
  /** For sharing: the id of an institution of the directory; '' for the other purposes. */
  institution: z.string(),
  institutionCode: z.string().nullable(),
  institutionName: z.string().nullable(),
  granted: z.boolean(),
  language: z.string(),
  explainedBy: z.string(),
  recordedAt: z.string(),
  notes: z.string().nullable(),
});

const Institution = z.string().trim().max(40).default('');

/** What the person decided, in which language: recorded with who explained it and when. */
export const ConsentInput = {
  decisions: z.array(z.strictObject({ purpose: ConsentPurpose, institution: Institution, granted: z.boolean() })).min(1).max(40),
  language: z.string().trim().min(2).max(12),
  notes: z.string().trim().max(500).optional(),
};

/** Consent decisions as the case file shows them (who explained it, in which language). */
export const ConsentEvents = (['consent-granted', 'consent-refused'] as const).map((kind) =>
  timelineEvent(kind, { purpose: z.string(), institution: z.string().nullable(), language: z.string(), by: z.string().nullable() }),
);

export const consentContract = {
  /** Records what the person agreed to (or refused), in which language, explained by the caller. */
  'consent.record': method({ access: CONSENT, input: z.strictObject({ personId: Id, ...ConsentInput }),
    output: z.array(ConsentState),
  }),
  /** Withdraws a consent given earlier; what follows no longer shares for that purpose. */
  'consent.withdraw': method({ access: CONSENT, input: z.strictObject({ personId: Id, purpose: ConsentPurpose, institution: Institution, notes: z.string().trim().min(3).max(500) }),
    output: z.array(ConsentState),
  }),
  /** The consent in force for each purpose (and institution) of a person. */
  'consent.status': method({ access: CASEWORK, input: z.strictObject({ personId: Id }), output: z.array(ConsentState) }),
};

/** The consent domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'consent',
  methods: consentContract,
  errors: {},
  messages,
  tables: {
    consents: { kind: 'append-only', naturalKey: [] },
  },
});
