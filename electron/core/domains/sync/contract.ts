import { z } from 'zod';
import { Empty, IsoDateTime } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

/** The upstream URL as typed: checked further in the core (electron/core/sync/connection.ts). */
export const UpstreamUrlInput = z.string().trim().min(1).max(2000);

export const SyncCounts = z.object({
  pushed: z.number().int(),
  pulled: z.number().int(),
  conflicts: z.number().int(),
  pending: z.number().int(),
  quarantined: z.number().int(),
});

export const SyncState = z.enum(['off', 'synced', 'pending', 'offline', 'error']);

export const SyncStatus = z.object({
  /** off: no upstream; synced: nothing waiting; pending: changes waiting; offline: the server does not answer; error: it answers but refused. */
  state: SyncState,
  configured: z.boolean(),
  /** The upstream without its password (admins only; null for the others). */
  url: z.string().nullable(),
  pending: z.number().int(),
  lastOkAt: IsoDateTime.nullable(),
  offlineSince: IsoDateTime.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  clockSkewMs: z.number().int().nullable(),
  /** This desk's clock is more than five minutes off the server's. */
  clockWarning: z.boolean(),
  quarantined: z.number().int(),
  conflicts: z.number().int(),
  /** The last upstream change applied here: when it moves, the screens reload what they show. */
  cursor: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const ConflictEntry = z.object({
  id: z.number().int(),
  table: z.string(),
  rowId: z.string(),
  field: z.string(),
  keptValue: z.string().nullable(),
  lostValue: z.string().nullable(),
  keptAt: IsoDateTime,
  lostAt: IsoDateTime,
  detectedAt: IsoDateTime,
});

export const QuarantineEntry = z.object({
  seq: z.number().int(),
  table: z.string(),
  rowId: z.string(),
  reason: z.string(),
  quarantinedAt: IsoDateTime,
});

export const syncContract = {
  /** The sync chip: whether this desk is in step with the upstream (polled in the background). */
  'sync.status': method({ access: 'signed-in', input: Empty, output: SyncStatus }),
  /** Sincronizar ahora: push and pull at once. */
  'sync.now': method({ access: 'signed-in', input: Empty, output: SyncCounts }),
  /** Tries a URL: reachable, schema known, this desk's centre registered for that login. */
  'sync.test': method({ access: ['admin'], input: z.strictObject({ url: UpstreamUrlInput }),
    output: z.object({ centreName: z.string(), clockSkewMs: z.number().int() }),
  }),
  /** Joins this desk to the centre's upstream (the URL is kept sealed) and starts syncing. */
  'sync.configure': method({ access: ['admin'], input: z.strictObject({ url: UpstreamUrlInput }), output: SyncStatus }),
  /** Values overwritten by a later write of the same field on another desk. */
  'sync.conflicts': method({ access: ['admin', 'manager'], sensitive: true, input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ total: z.number().int(), entries: z.array(ConflictEntry) }),
  }),
  /** Changes pulled from upstream that could not be applied, with why. */
  'sync.quarantine': method({ access: ['admin', 'manager'], input: Empty, output: z.array(QuarantineEntry) }),
};

/** The sync domain: the desk's link to the centre's upstream (electron/core/sync does the work). */
export const domain = defineDomain({
  name: 'sync',
  methods: syncContract,
  errors: {
    'sync.not-configured': 409,
    'sync.url-invalid': 400,
    'sync.url-insecure': 400,
    'sync.url-unreadable': 500,
    'sync.offline': 503,
    'sync.login-refused': 502,
    'sync.permission-denied': 502,
    'sync.upstream-failed': 502,
    'sync.upstream-newer': 409,
    'sync.upstream-not-migrated': 409,
    'sync.centre-unknown': 409,
    'sync.centre-mismatch': 409,
    'sync.audit-chain-refused': 409,
    'sync.centre-exists': 409,
  },
  messages,
  tables: {},
});
