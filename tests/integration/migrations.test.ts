import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDriver, type Database } from '../../electron/core/db/driver';
import { applyKey, DatabaseTooNewError, migrate, openDatabase, schemaVersion } from '../../electron/core/db/open';
import { randomBytes } from 'node:crypto';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers';

function freshDb(): Database {
  return openDriver(path.join(tempDir(), 'm.db'));
}

function migrateTo(db: Database, version: number): void {
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
}

function columns(db: Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

/** Asserts that SQLite answers a query through the named index, not a table scan. */
function expectIndexUse(db: Database, query: string, index: string): void {
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
  expect(plan).toContain(index);
}

const REPLICATED = ['id', 'centre_id', 'created_at', 'updated_at', 'hlc', 'origin', 'deleted_at'];

describe('migrations', () => {
  it('0001 creates centres, workstations, local state and the outbox', () => {
    const db = freshDb();
    migrateTo(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(columns(db, 'centres')).toEqual(expect.arrayContaining([...REPLICATED, 'name', 'country', 'time_zone']));
    expect(columns(db, 'workstations')).toEqual(expect.arrayContaining([...REPLICATED, 'name']));
    expect(columns(db, 'changes')).toEqual(
      expect.arrayContaining(['seq', 'id', 'table_name', 'row_id', 'op', 'hlc', 'origin', 'payload', 'pushed_at']),
    );
    expectIndexUse(db, 'SELECT * FROM changes WHERE pushed_at IS NULL ORDER BY seq', 'changes_unpushed');
    expectIndexUse(db, "SELECT max(hlc) FROM changes WHERE origin = 'x'", 'changes_hlc');
    db.close();
  });

  it('0002 creates users, settings, sessions and login throttling', () => {
    const db = freshDb();
    migrateTo(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(columns(db, 'users')).toEqual(expect.arrayContaining([...REPLICATED, 'username', 'roles', 'password_hash', 'disabled_at']));
    expect(columns(db, 'settings')).toEqual(expect.arrayContaining([...REPLICATED, 'key', 'value']));
    expect(columns(db, 'sessions')).toEqual(expect.arrayContaining(['token_hash', 'user_id', 'locked_at', 'ended_at']));
    expectIndexUse(db, "SELECT * FROM users WHERE centre_id = 'c' AND username = 'u' AND deleted_at IS NULL", 'users_username');
    expectIndexUse(db, "SELECT * FROM sessions WHERE token_hash = 'h'", 'sqlite_autoindex_sessions');
    db.close();
  });

  it('0003 creates the append-only audit log', () => {
    const db = freshDb();
    migrateTo(db, 3);
    expect(schemaVersion(db)).toBe(3);
    db.prepare(
      `INSERT INTO audit_log (at, username, roles, method, record_ids, outcome, sensitive, prev_hash, hash)
       VALUES ('2026-01-01T00:00:00Z', 'u', '[]', 'm', '[]', 'ok', 0, 'p', 'h')`,
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expectIndexUse(db, "SELECT * FROM audit_log WHERE method = 'm' AND at >= '2026'", 'audit_method');
    db.close();
  });

  it('0004 creates arrivals, persons, consent, merges, blocking keys and the search index', () => {
    const db = freshDb();
    migrateTo(db, 4);
    expect(schemaVersion(db)).toBe(4);
    for (const table of ['arrivals', 'persons', 'person_arrivals', 'duplicate_suggestions', 'person_merges', 'consents'])
      expect(columns(db, table), table).toEqual(expect.arrayContaining(REPLICATED));
    expect(columns(db, 'persons')).toEqual(expect.arrayContaining(['case_number', 'given_names', 'first_surname', 'second_surname', 'birth_date', 'merged_into']));
    expectIndexUse(db, "SELECT person_id FROM person_keys WHERE key IN ('s:lps', 'y:1990')", 'PRIMARY KEY');
    expectIndexUse(db, "SELECT * FROM person_arrivals WHERE arrival_id = 'a' AND status = 'expected'", 'person_arrivals_arrival');
    expectIndexUse(db, "SELECT * FROM person_arrivals WHERE ticket_code = 'ABCD'", 'person_arrivals_ticket');
    expectIndexUse(db, "SELECT * FROM arrivals WHERE centre_id = 'c' AND arrival_date = '2026-11-25' AND deleted_at IS NULL", 'arrivals_date');
    db.prepare("INSERT INTO persons_fts (rowid, name, document, case_number) VALUES (1, 'María López', '', '2026-X-1')").run();
    expect(db.prepare("SELECT rowid FROM persons_fts WHERE persons_fts MATCH 'LOPEZ'").all()).toEqual([{ rowid: 1 }]);
    db.close();
  });

  it('0005 creates the directory of institutions, one code per centre', () => {
    const db = freshDb();
    migrateTo(db, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(columns(db, 'institutions')).toEqual(expect.arrayContaining([...REPLICATED, 'code', 'name', 'country', 'level', 'services', 'contact', 'hours', 'address', 'active']));
    const insert = db.prepare(
      "INSERT INTO institutions (id, centre_id, created_at, updated_at, hlc, origin, code, name, country, level) VALUES (?, 'c', 't', 't', 'h', 'w', ?, 'Registro', 'GTM', ?)",
    );
    insert.run('1', 'RENAP', 'national');
    expect(() => insert.run('2', 'RENAP', 'national')).toThrow(/UNIQUE/);
    expect(() => insert.run('3', 'X', 'planetary')).toThrow(/CHECK/);
    expectIndexUse(db, "SELECT * FROM institutions WHERE centre_id = 'c' AND code = 'RENAP' AND deleted_at IS NULL", 'institutions_code');
    db.close();
  });

  it('0006 creates alert lists, records, blocking keys, matches and checks', () => {
    const db = freshDb();
    migrateTo(db, 6);
    expect(schemaVersion(db)).toBe(6);
    for (const table of ['alert_list_versions', 'alert_records', 'alert_matches', 'alert_checks'])
      expect(columns(db, table), table).toEqual(expect.arrayContaining(REPLICATED));
    expect(columns(db, 'alert_matches')).toEqual(expect.arrayContaining(['person_id', 'record_id', 'score', 'reasons', 'status', 'decided_by', 'decision_reason']));
    expectIndexUse(db, "SELECT record FROM alert_keys WHERE key IN ('p:lps+mr', 'y:1990:lps')", 'PRIMARY KEY');
    expectIndexUse(db, "SELECT * FROM alert_matches WHERE status = 'pending' ORDER BY created_at", 'alert_matches_status');
    expectIndexUse(db, "SELECT * FROM alert_checks WHERE person_id = 'p'", 'alert_checks_person');
    expect(() =>
      db.prepare("INSERT INTO alert_list_versions (id, centre_id, created_at, updated_at, hlc, origin, list_type, mode, source_file, row_count, imported_by, imported_at) VALUES ('v', 'c', 't', 't', 'h', 'w', 'horoscope', 'append', 'f', 0, 'u', 't')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('0007 creates rule versions, screenings, overrides and attentions', () => {
    const db = freshDb();
    migrateTo(db, 7);
    expect(schemaVersion(db)).toBe(7);
    for (const table of ['screening_rule_versions', 'screenings', 'screening_overrides', 'screening_attentions'])
      expect(columns(db, table), table).toEqual(expect.arrayContaining(REPLICATED));
    expect(columns(db, 'screenings')).toEqual(
      expect.arrayContaining(['person_id', 'person_arrival_id', 'sequence', 'rules_version', 'answers', 'indicators', 'level', 'reasons', 'deadline_at', 'screened_by', 'screened_at']),
    );
    expectIndexUse(db, "SELECT * FROM screenings WHERE person_id = 'p' ORDER BY screened_at", 'screenings_person');
    expectIndexUse(db, "SELECT * FROM screenings WHERE person_arrival_id = 'pa'", 'screenings_arrival');
    expectIndexUse(db, "SELECT * FROM screening_overrides WHERE screening_id = 's' ORDER BY decided_at", 'screening_overrides_screening');
    expectIndexUse(db, "SELECT * FROM screening_rule_versions WHERE centre_id = 'c' ORDER BY version DESC", 'screening_rule_versions_version');
    db.exec("INSERT INTO persons (id, centre_id, created_at, updated_at, hlc, origin, case_number, given_names, first_surname) VALUES ('p', 'c', 't', 't', 'h', 'w', 'X-1', 'Ana', 'Pop')");
    expect(() =>
      db.prepare("INSERT INTO screenings (id, centre_id, created_at, updated_at, hlc, origin, person_id, sequence, instrument, rules_version, answers, indicators, level, reasons, deadline_at, screened_by, screened_at) VALUES ('s', 'c', 't', 't', 'h', 'w', 'p', 1, 'i', 1, '{}', '[]', 'orange', '[]', 't', 'u', 't')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('0008 creates aid types, the stock ledger with its derived balances, deliveries and belongings', () => {
    const db = freshDb();
    migrateTo(db, 8);
    expect(schemaVersion(db)).toBe(8);
    for (const table of ['aid_types', 'stock_lots', 'stock_movements', 'aid_deliveries', 'belongings'])
      expect(columns(db, table), table).toEqual(expect.arrayContaining(REPLICATED));
    expectIndexUse(db, "SELECT * FROM stock_movements WHERE lot_id = 'l' ORDER BY recorded_at", 'stock_movements_lot');
    expectIndexUse(db, "SELECT * FROM stock_movements ORDER BY recorded_at DESC LIMIT 100", 'stock_movements_at');
    expectIndexUse(db, "SELECT 1 FROM aid_deliveries WHERE person_arrival_id = 'pa' AND type_id = 't'", 'aid_deliveries_arrival');
    expectIndexUse(db, "SELECT 1 FROM aid_deliveries WHERE person_id = 'p' AND type_id = 't' AND delivered_at > 'x'", 'aid_deliveries_person');
    expectIndexUse(db, "SELECT * FROM belongings WHERE centre_id = 'c' AND returned_at IS NULL", 'belongings_held');
    const move = db.prepare("INSERT INTO stock_movements (id, centre_id, created_at, updated_at, hlc, origin, lot_id, type_id, kind, quantity, recorded_by, recorded_at) VALUES (?, 'c', 't', 't', 'h', 'w', 'lot', 'type', ?, ?, 'u', 't')");
    db.pragma('foreign_keys = OFF');
    move.run('m1', 'receipt', 5);
    move.run('m2', 'delivery', -2);
    expect(db.prepare("SELECT balance FROM stock_lot_balances WHERE lot_id = 'lot'").pluck().get()).toBe(3);
    expect(() => move.run('m3', 'delivery', -4)).toThrow(/stock balance below zero/);
    expect(() => move.run('m4', 'gift', 1)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE stock_movements SET quantity = 50 WHERE id = 'm1'").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT balance FROM stock_lot_balances WHERE lot_id = 'lot'").pluck().get()).toBe(3);
    db.close();
  });

  it('0009 records how a hold ended, once per confirmed match, as facts that are never edited', () => {
    const db = freshDb();
    migrateTo(db, 9);
    expect(schemaVersion(db)).toBe(9);
    expect(columns(db, 'alert_hold_resolutions')).toEqual(expect.arrayContaining([...REPLICATED, 'match_id', 'person_id', 'outcome', 'institution', 'received_by', 'reason', 'resolved_at', 'recorded_by']));
    expectIndexUse(db, "SELECT 1 FROM alert_hold_resolutions WHERE match_id = 'm' AND deleted_at IS NULL", 'alert_hold_resolutions_match');
    expectIndexUse(db, "SELECT * FROM alert_hold_resolutions WHERE person_id = 'p'", 'alert_hold_resolutions_person');
    expectIndexUse(db, "SELECT 1 FROM alert_matches WHERE person_id = 'p' AND status = 'confirmed'", 'alert_matches_person');
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare("INSERT INTO alert_hold_resolutions (id, centre_id, created_at, updated_at, hlc, origin, match_id, person_id, outcome, institution, received_by, reason, resolved_at, recorded_by) VALUES (?, 'c', 't', 't', 'h', 'w', ?, 'p', ?, ?, ?, ?, 't', 'u')");
    expect(() => insert.run('r0', 'm0', 'handover', 'PNC', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('r0', 'm0', 'release', null, null, null)).toThrow(/CHECK/);
    expect(() => insert.run('r0', 'm0', 'escape', null, null, 'x')).toThrow(/CHECK/);
    insert.run('r1', 'm1', 'handover', 'PNC', 'Agente Pérez', null);
    expect(() => insert.run('r2', 'm1', 'release', null, null, 'otra vez')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE alert_hold_resolutions SET received_by = 'x' WHERE id = 'r1'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM alert_hold_resolutions WHERE id = 'r1'").run()).toThrow(/append-only/);
    db.prepare("UPDATE alert_hold_resolutions SET deleted_at = 't2' WHERE id = 'r1'").run(); // a tombstone still replicates
    db.close();
  });

  it('0010 keeps one draft per user and form, on this workstation only', () => {
    const db = freshDb();
    migrateTo(db, 10);
    expect(schemaVersion(db)).toBe(10);
    expect(columns(db, 'form_drafts')).toEqual(['user_id', 'form_key', 'payload', 'saved_at']);
    expectIndexUse(db, "SELECT payload FROM form_drafts WHERE user_id = 'u' AND form_key = 'k'", 'USING PRIMARY KEY');
    expectIndexUse(db, "DELETE FROM form_drafts WHERE saved_at < 't'", 'form_drafts_saved');
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare("INSERT INTO form_drafts (user_id, form_key, payload, saved_at) VALUES ('u', 'k', '{}', 't')");
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE|PRIMARY KEY/);
    db.close();
  });

  it('0011 remembers each manifest file imported into an arrival by its hash', () => {
    const db = freshDb();
    migrateTo(db, 11);
    expect(schemaVersion(db)).toBe(11);
    expect(columns(db, 'manifest_imports')).toEqual(expect.arrayContaining([...REPLICATED, 'arrival_id', 'file_name', 'file_hash', 'row_count', 'imported', 'imported_by', 'imported_at']));
    expectIndexUse(db, "SELECT 1 FROM manifest_imports WHERE arrival_id = 'a' AND file_hash = 'h' AND deleted_at IS NULL", 'manifest_imports_arrival');
    db.close();
  });

  it('0012 numbers each stay\'s certificate once', () => {
    const db = freshDb();
    migrateTo(db, 12);
    expect(schemaVersion(db)).toBe(12);
    expect(columns(db, 'person_arrivals')).toContain('certificate_number');
    expect(columns(db, 'certificate_counters')).toEqual(['year', 'last']);
    expectIndexUse(db, "SELECT 1 FROM person_arrivals WHERE certificate_number = 'C-1'", 'person_arrivals_certificate');
    db.close();
  });

  it('0013 keeps one notice to psychology per screening', () => {
    const db = freshDb();
    migrateTo(db, 13);
    expect(schemaVersion(db)).toBe(13);
    expect(columns(db, 'screening_notices')).toEqual(expect.arrayContaining([...REPLICATED, 'screening_id', 'person_id', 'service', 'notified_by', 'notified_at']));
    expectIndexUse(db, "SELECT * FROM screening_notices WHERE service = 'psychology' AND notified_at >= 't'", 'screening_notices_at');
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare("INSERT INTO screening_notices (id, centre_id, created_at, updated_at, hlc, origin, screening_id, person_id, service, notified_by, notified_at) VALUES (?, 'c', 't', 't', 'h', 'w', 's', 'p', ?, 'u', 't')");
    insert.run('n1', 'psychology');
    expect(() => insert.run('n2', 'psychology')).toThrow(/UNIQUE/);
    expect(() => insert.run('n3', 'police')).toThrow(/CHECK/);
    db.close();
  });

  it('0014 links each listed person to the import that brought them, and keeps how an import was undone', () => {
    const db = freshDb();
    migrateTo(db, 14);
    expect(schemaVersion(db)).toBe(14);
    expect(columns(db, 'person_arrivals')).toContain('manifest_import_id');
    expect(columns(db, 'manifest_imports')).toEqual(expect.arrayContaining(['undone_at', 'undone_by', 'undo_reason']));
    expectIndexUse(db, "SELECT id FROM person_arrivals WHERE manifest_import_id = 'm'", 'person_arrivals_import');
    db.close();
  });

  it('0015 adds keys that block on a pair of names and the birth year, built from the keys each person had', () => {
    const db = freshDb();
    migrateTo(db, 14);
    const insert = db.prepare('INSERT INTO person_keys (key, person_id) VALUES (?, ?)');
    for (const key of ['p:hs+lps', 'p:grs+lps', 'y:1990', 's:lps']) insert.run(key, 'con-fecha');
    insert.run('p:hs+lps', 'sin-fecha');
    migrateTo(db, 15);
    expect(schemaVersion(db)).toBe(15);
    const keys = (id: string) => db.prepare("SELECT key FROM person_keys WHERE person_id = ? AND key LIKE 'b:%' ORDER BY key").pluck().all(id);
    expect(keys('con-fecha')).toEqual(['b:1990:grs+lps', 'b:1990:hs+lps']);
    expect(keys('sin-fecha')).toEqual(['b:?:hs+lps']);
    db.close();
  });

  it('runs every pending migration in one transaction: a failure leaves the old version intact', () => {
    const db = freshDb();
    migrateTo(db, 1);
    const broken = [...MIGRATIONS.slice(0, 2), { version: 3, name: 'broken', up: (d: Database) => d.exec('CREATE TABLE nope (') }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'users'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = path.join(tempDir(), 'newer.db');
    const key = randomBytes(32);
    const db = openDriver(file);
    applyKey(db, key);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(file, { key })).toThrow(DatabaseTooNewError);
  });

  it('opens with WAL, synchronous=FULL, foreign keys, a busy timeout and secure_delete', () => {
    const db = openDatabase(path.join(tempDir(), 'p.db'), { key: randomBytes(32) });
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });
});
