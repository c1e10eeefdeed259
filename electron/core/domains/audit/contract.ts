import { z } from 'zod';
import { Empty, IsoDate, IsoDateTime } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: IsoDateTime,
  username: z.string(),
  roles: z.array(z.string()),
  method: z.string(),
  recordIds: z.array(z.string()),
  /** What each record is, as people name it (a person's case number, an arrival's flight). */
  records: z.array(z.object({ id: z.string(), label: z.string() })),
  outcome: z.string(),
  sensitive: z.boolean(),
  workstationId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const AuditBreakReason = z.enum([
  'hash-mismatch',
  'rewritten-since-push',
  'deleted-since-push',
  'chain-broken',
  'missing-entries',
  'tail-missing',
  'marker-missing',
  'marker-forged',
  'head-missing',
  'head-forged',
  'head-mismatch',
  'truncated',
]);

export const auditContract = {
  /** Audit entries, newest first, filtered by user, method and date range (inclusive). */
  'audit.list': method({ access: ['admin', 'manager'], sensitive: true, input: z.strictObject({
      username: z.string().trim().max(64).optional(),
      method: z.string().trim().max(64).optional(),
      /** Entries that touched this person (their record, stays, screenings, alert questions). */
      caseNumber: z.string().trim().min(1).max(40).optional(),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(AuditEntry), nextBeforeSeq: z.number().int().nullable() }),
  }),
  /** Re-computes the hash chain and reports the first broken link, if any. */
  'audit.verify': method({ access: ['admin', 'manager'], input: Empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBroken: z.object({ seq: z.number().int(), reason: AuditBreakReason }).nullable(),
      /** Each check and whether it passed: where the keyed chain starts, the chain itself, the head file. */
      checks: z.array(z.object({ name: z.enum(['keyed-from', 'chain', 'head', 'upstream']), ok: z.boolean(), reason: AuditBreakReason.nullable(), seq: z.number().int().nullable() })),
    }),
  }),
};

/** The audit domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'audit',
  methods: auditContract,
  errors: {},
  messages,
  tables: {},
});
