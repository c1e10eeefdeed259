import type { Database } from '../db/driver';
import { reindexAlertRecord } from '../domains/alerts/service';
import { CENTRE_NAMES_SETTING, syncNameIndex } from '../domains/names/service';
import { reindexPersonById } from '../domains/persons/store';
import { erasedPersonsOf, mergeTextIndex, personIdsOfErasures, scrubPerson } from '../domains/erasure/store';
import type { ReplicatedTable } from '../domains/registry';

/**
 * Local indexes built from replicated rows (never replicated themselves): a row written by
 * another desk arrives through apply.ts, not through the service that keeps its index, so each
 * table whose rows feed an index names here how to bring it in step. The stock balances are
 * kept by their trigger on every insert, from any desk.
 */
const DERIVED: Partial<Record<ReplicatedTable, (db: Database, rowId: string, fresh: boolean) => void>> = {
  persons: reindexPersonById,
  alert_records: reindexAlertRecord,
};

/** After a pulled batch: the indexes of the rows it touched (`created`: new here, nothing old to remove), and the name knowledge if it changed. */
export function refreshDerived(db: Database, touched: ReadonlyMap<string, ReadonlySet<string>>, created: ReadonlySet<string>): void {
  for (const [table, ids] of touched) {
    const refresh = DERIVED[table as ReplicatedTable];
    if (refresh) for (const id of ids) refresh(db, id, created.has(id));
  }
  // Erasure: a person erased on another desk is erased here; a row that arrives about a person
  // already erased is erased as it arrives.
  const erased = new Set(personIdsOfErasures(db, [...(touched.get('erasures') ?? [])]));
  for (const [table, ids] of touched) for (const person of erasedPersonsOf(db, table, [...ids])) erased.add(person);
  for (const person of erased) scrubPerson(db, person, { mergeIndex: false });
  if (erased.size > 0) mergeTextIndex(db); // once per batch: the merge rewrites the whole index
  const settings = touched.get('settings');
  if (settings && settings.size > 0) {
    const key = db.prepare(`SELECT 1 FROM settings WHERE key = ? AND id IN (SELECT value FROM json_each(?))`).get(CENTRE_NAMES_SETTING, JSON.stringify([...settings]));
    if (key) syncNameIndex(db);
  }
}
