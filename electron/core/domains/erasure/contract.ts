import { z } from 'zod';
import { Id } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

/**
 * Erasure on request (issue 20, item 6): a manager erases a person's personal data (spec.ts says
 * what goes and what stays for statistics and for the law). The erasure is a row of its own that
 * replicates: every desk that receives it erases the same data locally (sync/derived.ts), and
 * what arrives later about that person is erased as it arrives. The audit records who erased
 * whom and when; the reason is kept in the erasure row. The erased values are kept nowhere.
 */
export const Erasure = z.object({ personId: z.string(), reason: z.string(), kind: z.enum(['request', 'retention']), erasedBy: z.string(), erasedAt: z.string() });
export type Erasure = z.infer<typeof Erasure>;

export const erasureContract = {
  'erasure.erase': method({ access: ['manager'], sensitive: true,
    input: z.strictObject({ personId: Id, reason: z.string().trim().min(10, { error: 'validation.reasonNeeded' }).max(1000) }),
    output: Erasure.extend({ rows: z.number().int() }),
  }),
  /** Anonymises the cases closed longer ago than the retention setting (the schedule runs it daily). */
  'erasure.retain': method({ access: ['manager', 'admin'], input: z.strictObject({}), output: z.object({ erased: z.number().int(), retentionYears: z.number().int() }) }),
  'erasure.status': method({ access: ['manager', 'clerk', 'protection_officer', 'psychologist', 'health', 'alert_officer'], input: z.strictObject({ personId: Id }), output: Erasure.nullable() }),
};

export const domain = defineDomain({
  name: 'erasure',
  methods: erasureContract,
  errors: { 'erasure.not-found': 404, 'erasure.already': 409 },
  messages,
  tables: { erasures: { kind: 'append-only', naturalKey: [] } },
});
