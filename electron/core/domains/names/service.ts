/**
 * The name knowledge a centre works with: the shipped files in resources/data/ and the entries
 * its admin adds or switches off (setting `nameKnowledge`). Matching keys depend on it, so every
 * change rebuilds the keys of the persons and list records whose names it touches, in the same
 * transaction; openCore does the same for changes made elsewhere (an upgrade, another desk).
 */
import type { NameEntry } from './contract';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/driver';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { CentreNames, nameEntries, normalize, ORTHOGRAPHY_RULES, shippedNameEntries, useCentreNames, type CentreNameEntry } from '../../names';
import { indexAlertRecord, subjectOf } from '../alerts/service';
import { PERSON_KEYS_VERSION, rekeyPerson, type PersonRow } from '../persons/store';
import { settingId, settingValue } from '../settings/store';
import { dropRecordKeys } from '../alerts/store';
import { namesOf, readLocalMeta, rowByRowid, writeLocalMeta } from './store';

/** Key of the centre's entries in the settings table (replicated with the other settings). */
export const CENTRE_NAMES_SETTING = 'nameKnowledge';
/** local_meta: the knowledge this database's keys were built with. */
const INDEXED_WITH = 'name_index';

/** The centre's entries; an unreadable value counts as none (the shipped files still apply). */
export function readCentreNames(db: Database): CentreNames {
  const raw = settingValue(db, CENTRE_NAMES_SETTING);
  if (raw === undefined) return { added: [], disabled: [] };
  try {
    const parsed = CentreNames.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: a corrupt value must not stop the centre
  }
  return { added: [], disabled: [] };
}

interface Snapshot {
  words: Record<string, string>;
  orthography: string;
  /** PERSON_KEYS_VERSION the persons' keys were built with. */
  personKeys?: number;
}

function snapshotOf(centre: CentreNames): Snapshot {
  const words: Record<string, string> = {};
  for (const e of nameEntries(centre)) if (e.active) words[e.written] = `${e.kind}:${e.means.join(',')}`;
  return { words, orthography: JSON.stringify(ORTHOGRAPHY_RULES), personKeys: PERSON_KEYS_VERSION };
}

/**
 * Uses the centre's knowledge and brings the blocking keys in step with it: the records whose
 * names hold a word whose meaning changed since the keys were built (all of them the first time,
 * or when the Mayan orthography rules change) get new keys. Returns how many were rebuilt.
 */
export function syncNameIndex(db: Database): { persons: number; records: number } {
  const centre = readCentreNames(db);
  useCentreNames(centre);
  const now = snapshotOf(centre);
  const raw = readLocalMeta(db, INDEXED_WITH);
  let before: Snapshot | null = null;
  try {
    before = raw ? (JSON.parse(raw) as Snapshot) : null;
  } catch {
    before = null;
  }
  const changed = new Set<string>();
  for (const word of new Set([...Object.keys(now.words), ...Object.keys(before?.words ?? {})])) if (before?.words[word] !== now.words[word]) changed.add(word);
  const orthographyChanged = before?.orthography !== now.orthography;
  const patterns = orthographyChanged ? ORTHOGRAPHY_RULES.flatMap((r) => [r.written, r.as]) : [];
  const touched = (...names: (string | null)[]) =>
    names.some((n) => normalize(n).split(' ').some((t) => t && (changed.has(t) || patterns.some((p) => t.includes(p)))));
  // personKeys() itself changed (a new kind of key): every person is keyed again, once.
  const allPersons = before?.personKeys !== now.personKeys;
  if (!changed.size && !orthographyChanged && !allPersons) return { persons: 0, records: 0 };

  const counts = { persons: 0, records: 0 };
  db.transaction(() => {
    // Ids first: better-sqlite3 cannot write while a read is open on the same connection.
    const persons: number[] = [];
    for (const p of namesOf(db, 'persons')) if (allPersons || touched(p.given_names, p.first_surname, p.second_surname)) persons.push(p.rowid);
    const loadPerson = rowByRowid(db, 'persons');
    for (const rowid of persons) rekeyPerson(db, loadPerson(rowid) as PersonRow);
    const records: number[] = [];
    for (const r of namesOf(db, 'alert_records')) if (touched(r.given_names, r.first_surname, r.second_surname)) records.push(r.rowid);
    const loadRecord = rowByRowid(db, 'alert_records');
    for (const rowid of records) {
      dropRecordKeys(db, rowid);
      indexAlertRecord(db, rowid, subjectOf(loadRecord(rowid) as Parameters<typeof subjectOf>[0]));
    }
    writeLocalMeta(db, INDEXED_WITH, JSON.stringify(now));
    counts.persons = persons.length;
    counts.records = records.length;
  })();
  return counts;
}

function writeCentreNames(ctx: ServiceContext, centre: CentreNames): { persons: number; records: number } {
  const previous = readCentreNames(ctx.db);
  const id = settingId(ctx.db, ctx.core.identity!.centreId, CENTRE_NAMES_SETTING);
  const value = JSON.stringify(centre);
  if (id) updateRow(ctx, 'settings', id, { value });
  else insertRow(ctx, 'settings', { key: CENTRE_NAMES_SETTING, value });
  try {
    return syncNameIndex(ctx.db);
  } catch (error) {
    useCentreNames(previous); // the transaction rolls back: so does the knowledge in use
    throw error;
  }
}

function list(ctx: ServiceContext, reindexed = { persons: 0, records: 0 }): { entries: NameEntry[]; reindexed: { persons: number; records: number } } {
  const entries = nameEntries(readCentreNames(ctx.db)).sort((a, b) => a.written.localeCompare(b.written));
  return { entries, reindexed };
}

export const namesHandlers = {
  'names.list': handle('names.list', {
    run: (ctx) => list(ctx),
  }),

  'names.save': handle('names.save', {
    run(ctx, input) {
      const centre = readCentreNames(ctx.db);
      const entry: CentreNameEntry = { kind: input.kind, written: input.written, means: [...new Set(input.means)] };
      const added = [...centre.added.filter((e) => e.written !== entry.written), entry];
      return list(ctx, writeCentreNames(ctx, { added, disabled: centre.disabled }));
    },
  }),

  'names.remove': handle('names.remove', {
    run(ctx, input) {
      const centre = readCentreNames(ctx.db);
      if (!centre.added.some((e) => e.written === input.written)) throw new AppError('names.not-found', { written: input.written });
      return list(ctx, writeCentreNames(ctx, { added: centre.added.filter((e) => e.written !== input.written), disabled: centre.disabled }));
    },
  }),

  'names.setActive': handle('names.setActive', {
    run(ctx, input) {
      if (!shippedNameEntries().some((e) => e.written === input.written)) throw new AppError('names.not-shipped', { written: input.written });
      const centre = readCentreNames(ctx.db);
      const disabled = centre.disabled.filter((w) => w !== input.written);
      if (!input.active) disabled.push(input.written);
      return list(ctx, writeCentreNames(ctx, { added: centre.added, disabled }));
    },
  }),
};
