import { z } from 'zod';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

/**
 * Keeping a workstation's database safe (issue 20): backups (daily and weekly kept by rotation,
 * or now on request), and the scheduled care of the file (integrity check, WAL checkpoint,
 * PRAGMA optimize). Everything here is this workstation's own, never replicated.
 */
export const Backup = z.object({ file: z.string(), at: z.string(), kind: z.enum(['daily', 'weekly', 'manual']), sizeBytes: z.number().int() });
export type Backup = z.infer<typeof Backup>;
export const Check = z.object({ at: z.string(), integrity: z.string(), ms: z.number() });
export type Check = z.infer<typeof Check>;

export const MaintenanceStatus = z.object({
  database: z.object({ file: z.string(), sizeBytes: z.number().int(), walBytes: z.number().int() }),
  backupDir: z.string(),
  backups: z.array(Backup),
  lastBackup: Backup.nullable(),
  lastBackupError: z.string().nullable(),
  lastCheck: Check.nullable(),
  lastOptimize: z.string().nullable(),
  keep: z.object({ daily: z.number().int(), weekly: z.number().int() }),
  /**
   * Set when this desk was restored from a backup: it goes on under a new workstation id, whose
   * code its case numbers carry (`code`; `previousCode` before the restore).
   */
  restoredFrom: z
    .object({ backup: z.string(), at: z.string(), previousCode: z.string(), code: z.string(), upstream: z.boolean(), resyncedAt: z.string().nullable() })
    .nullable(),
});
export type MaintenanceStatus = z.infer<typeof MaintenanceStatus>;

const Empty = z.strictObject({});

export const maintenanceContract = {
  /** The admin's view: the database file and its size, the backups and the last checks. */
  'maintenance.status': method({ access: ['admin'], input: Empty, output: MaintenanceStatus }),
  /** Respaldar ahora: a backup made at once, kept until the admin deletes it. */
  'maintenance.backupNow': method({ access: ['admin'], input: Empty, output: Backup }),
  /** The integrity check now (it also runs once a day on its own). */
  'maintenance.checkNow': method({ access: ['admin'], input: Empty, output: Check }),
};

export const domain = defineDomain({
  name: 'maintenance',
  methods: maintenanceContract,
  errors: {
    'backup.exists': 409,
    'backup.disk-full': 507,
    'backup.folder-unwritable': 409,
    'backup.not-found': 404,
    'backup.unreadable': 422,
    'backup.broken': 422,
    'backup.target-exists': 409,
    'db.disk-full': 507,
    'db.read-only': 409,
  },
  messages,
  tables: {},
});
