import { Settings, SETTINGS_DEFAULTS } from './contract';
import type { Database } from '../../db/driver';

/** Reads the centre's settings; missing or unreadable keys fall back to their defaults. */
export function readSettings(db: Database): Settings {
  const rows = db.prepare('SELECT key, value FROM settings WHERE deleted_at IS NULL').all() as {
    key: string;
    value: string;
  }[];
  const raw: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      raw[row.key] = JSON.parse(row.value);
    } catch {
      // A corrupt value must not lock everyone out: the default applies.
    }
  }
  const parsed = Settings.safeParse(raw);
  if (parsed.success) return parsed.data;
  const result: Record<string, unknown> = { ...SETTINGS_DEFAULTS };
  for (const key of Object.keys(SETTINGS_DEFAULTS) as (keyof Settings)[]) {
    const one = Settings.shape[key].safeParse(raw[key]);
    if (one.success && raw[key] !== undefined) result[key] = one.data;
  }
  return result as Settings;
}

/** The row id of one setting of the centre, if it was ever set. */
export function settingId(db: Database, centreId: string, key: string): string | undefined {
  return db.prepare('SELECT id FROM settings WHERE centre_id = ? AND key = ? AND deleted_at IS NULL').pluck().get(centreId, key) as string | undefined;
}

/** The stored (JSON) value of one setting, whatever the centre, if it was ever set. */
export function settingValue(db: Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM settings WHERE key = ? AND deleted_at IS NULL').pluck().get(key) as string | undefined;
}
