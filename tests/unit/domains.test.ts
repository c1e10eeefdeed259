import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from '../../electron/core/contract/method';
import { defineDomain } from '../../electron/core/domains/define';
import { DOMAINS, REPLICATED_TABLES, REPLICATION } from '../../electron/core/domains/registry';
import { ERROR_STATUS } from '../../electron/core/errors';
import { messages } from '../../electron/core/i18n/messages';
import { tempCore } from '../helpers';

/** The registry of domains (electron/core/domains/registry.ts) against a real migrated database. */
describe('domain registry', () => {
  // A fresh migrated database per test (the test setup closes each core after its test).
  const schema = () => {
    const { core } = tempCore();
    const columns = (table: string) => (core.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const tables = (core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    return { core, columns, tables };
  };

  it('names every table that carries the replication columns, once, with its owning domain', () => {
    const { columns, tables } = schema();
    const replicable = tables.filter((t) => ['hlc', 'origin', 'centre_id', 'deleted_at'].every((c) => columns(t).includes(c)));
    expect([...REPLICATED_TABLES].sort()).toEqual(replicable.sort());
    for (const table of REPLICATED_TABLES) expect(DOMAINS.map((d) => d.name)).toContain(REPLICATION[table].domain);
  });

  it('gives natural keys that are columns of their table', () => {
    const { columns } = schema();
    for (const [table, rule] of Object.entries(REPLICATION)) for (const key of rule.naturalKey) expect(columns(table), `${table}.${key}`).toContain(key);
  });

  it('keeps append-only tables append-only in the database where a trigger says so', () => {
    const { core } = schema();
    const guarded = (core.db.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%append-only%'").all() as { tbl_name: string }[]).map((t) => t.tbl_name);
    for (const table of guarded.filter((t) => t in REPLICATION)) expect(REPLICATION[table as keyof typeof REPLICATION].kind, table).toBe('append-only');
  });

  it('has a status and a Spanish and English message for every error code a domain raises', () => {
    for (const domain of DOMAINS)
      for (const code of Object.keys(domain.errors)) {
        expect(ERROR_STATUS, code).toHaveProperty([code]);
        expect(messages.es.errors, code).toHaveProperty([code]);
        expect(messages.en.errors, code).toHaveProperty([code]);
      }
  });

  it('refuses a domain whose error or method has no text in a language', () => {
    const methods = { 'demo.ping': method({ access: 'signed-in', input: z.object({}), output: z.object({}) }) };
    const named = { 'demo.ping': 'Probar' };
    const texts = { es: { methods: named, errors: { 'demo.gone': 'No está.' } }, en: { methods: named, errors: {} } };
    expect(() => defineDomain({ name: 'demo', methods, errors: { 'demo.gone': 404 }, messages: texts, tables: {} })).toThrow(/demo.gone has no en message/);
    expect(() => defineDomain({ name: 'demo', methods, errors: {}, messages: { es: { methods: named, errors: {} }, en: { methods: named, errors: { 'demo.x': 'x' } } }, tables: {} })).toThrow(/does not raise/);
    expect(() => defineDomain({ name: 'demo', methods, errors: {}, messages: { es: { methods: named, errors: {} }, en: { methods: {}, errors: {} } }, tables: {} })).toThrow(/demo.ping has no en name/);
  });
});
