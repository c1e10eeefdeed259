import { z } from 'zod';
import { Empty, Locale } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

/** Centre-wide settings with their defaults. */
export const Settings = z.object({
  idleLockMinutes: z.number().int().min(1).max(120).default(5),
  lockoutThreshold: z.number().int().min(3).max(20).default(5),
  lockoutMinutes: z.number().int().min(1).max(1440).default(15),
  /** A session ends this many hours after sign-in, however active (a shift, not a week). */
  sessionMaxHours: z.number().int().min(1).max(24).default(12),
  defaultLocale: Locale.default('es'),
  /** Score (0–1) from which a list record goes to the alert officer's review. */
  alertReviewThreshold: z.number().min(0.5).max(0.99).default(0.8),
  /** Closed cases are anonymised (erased, kind "retention") this many years after closing; 0 keeps them. */
  retentionYears: z.number().int().min(0).max(50).default(0),
});
export type Settings = z.infer<typeof Settings>;
export const SETTINGS_DEFAULTS: Settings = Settings.parse({});

export const settingsContract = {
  /** The centre's settings (idle lock, lockout, default language). */
  'settings.get': method({ access: 'signed-in', input: Empty, output: Settings }),
  /** Changes some settings; the rest keep their values. */
  'settings.update': method({ access: ['admin'], input: Settings.partial().strict(), output: Settings }),
};

/** The settings domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'settings',
  methods: settingsContract,
  errors: {},
  messages,
  tables: {
    settings: { kind: 'editable', naturalKey: ['centre_id', 'key'] },
  },
});
