import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { ADMIN_PASSWORD, count, expectOk, setupCentre, snapshot, staff, tempCore } from '../helpers';

const GARBAGE: unknown[] = [null, 42, 'texto', [], [1, 2], { username: { $gt: '' } }, { id: 7, roles: 'admin' }, { __proto__: { admin: true } }];

describe('dispatch', () => {
  it('rejects garbage input to every method with input.invalid and changes nothing', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    for (const method of ['users.create', 'users.update', 'users.setDisabled', 'settings.update', 'audit.list', 'auth.unlock']) {
      for (const input of GARBAGE) {
        const before = snapshot(core);
        const result = await dispatch(core, method, input, { token: adminToken });
        expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) expect(['input.invalid', 'users.not-found']).toContain(result.error.code);
        expect(snapshot(core)).toEqual(before);
      }
    }
  });

  it('reports the failing paths in Spanish by default and in English for an English session', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const bad = { username: 'X', displayName: '', roles: [], password: 'corta' };
    const es = await dispatch(core, 'users.create', bad, { token: adminToken });
    expect(es.ok).toBe(false);
    if (es.ok) return;
    expect(es.error.code).toBe('input.invalid');
    expect(es.error.message).toContain('Los datos enviados no son válidos');
    expect(es.error.message).toContain('La contraseña debe tener al menos 10 caracteres');
    const paths = (es.error.details?.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'displayName', 'roles', 'password']));

    const en = await expectOk(core, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD, locale: 'en' });
    const inEnglish = await dispatch(core, 'users.create', bad, { token: en.token });
    expect(!inEnglish.ok && inEnglish.error.message).toContain('The password must have at least 10 characters');
  });

  it('answers method.unknown for a name that is not in the contract', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const result = await dispatch(core, 'users.dropTable', {}, { token: adminToken });
    expect(!result.ok && result.error.code).toBe('method.unknown');
    const result2 = await dispatch(core, '__proto__', {}, { token: adminToken });
    expect(!result2.ok && result2.error.code).toBe('method.unknown');
  });

  it('refuses everything but setup before first-run setup', async () => {
    const { core } = tempCore();
    const result = await dispatch(core, 'auth.login', { username: 'admin', password: 'x' });
    expect(!result.ok && result.error.code).toBe('setup.required');
    const status = await expectOk(core, 'setup.status', {});
    expect(status.initialized).toBe(false);
  });

  it('tells a caller without a session only what the sign-in screen shows: the centre name and its clock', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const anonymous = await expectOk(core, 'setup.status', {});
    expect(anonymous).toEqual({
      initialized: true,
      joining: false,
      centre: { id: null, name: 'Centro de Recepción de Retornados', country: null, timeZone: 'America/Guatemala' },
      workstationName: null,
      now: expect.any(String),
    });
    const signedIn = await expectOk(core, 'setup.status', {}, { token: adminToken });
    expect(signedIn).toMatchObject({ centre: { id: core.identity!.centreId, country: 'GTM' }, workstationName: 'Mesa 1' });
  });

  it('writes an outbox change in the same transaction as every replicated write', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const before = count(core, 'changes');
    const user = await expectOk(
      core,
      'users.create',
      { username: 'mlopez', displayName: 'María López', roles: ['clerk'], password: 'una-clave-larga' },
      { token: adminToken },
    );
    const change = core.db.prepare('SELECT * FROM changes ORDER BY seq DESC LIMIT 1').get() as Record<string, string> & { hlc: string; payload: string };
    expect(count(core, 'changes')).toBe(before + 1);
    expect(change).toMatchObject({ table_name: 'users', row_id: user.id, op: 'insert', origin: core.identity!.workstationId });
    const row = core.db.prepare('SELECT * FROM users WHERE id = ?').get(user.id) as Record<string, string> & { hlc: string; payload: string };
    expect(row.hlc).toBe(change.hlc);
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
    await expectOk(core, 'users.update', { id: user.id, displayName: 'María José López' }, { token: adminToken });
    const update = core.db.prepare('SELECT * FROM changes ORDER BY seq DESC LIMIT 1').get() as Record<string, string> & { hlc: string; payload: string };
    expect(update.op).toBe('update');
    expect(JSON.parse(update.payload)).toMatchObject({ display_name: 'María José López' });
    expect(update.hlc > change.hlc).toBe(true);
  });

  it('audits successes and failures with who, role, method, records and outcome', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const clerk = await staff(core, adminToken, 'clerk1', ['clerk']);
    await dispatch(core, 'users.list', {}, { token: clerk.token });
    await dispatch(core, 'auth.login', { username: 'clerk1', password: 'equivocada' });
    const rows = core.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 2').all() as Record<string, unknown>[];
    expect(rows[1]).toMatchObject({ username: 'clerk1', roles: '["clerk"]', method: 'users.list', outcome: 'forbidden' });
    expect(rows[0]).toMatchObject({ username: 'clerk1', method: 'auth.login', outcome: 'auth.invalid-credentials' });
    const created = core.db.prepare("SELECT record_ids FROM audit_log WHERE method = 'users.create' AND outcome = 'ok'").get() as {
      record_ids: string;
    };
    expect(JSON.parse(created.record_ids)).toContain(clerk.id);
  });

  it('rolls back the service writes when the audit or the output fails', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    core.db.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log WHEN NEW.method = 'users.create' AND NEW.outcome = 'ok' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = snapshot(core);
    const result = await dispatch(
      core,
      'users.create',
      { username: 'nadie', displayName: 'Nadie', roles: ['clerk'], password: 'una-clave-larga' },
      { token: adminToken },
    );
    expect(!result.ok && result.error.code).toBe('internal');
    expect(snapshot(core)).toEqual(before);
  });
});

describe('audit of a sign-in and a user switch', () => {
  it('records the signed-in user with their own roles', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    await staff(core, adminToken, 'clerk2', ['clerk']);
    await expectOk(core, 'auth.switchUser', { username: 'clerk2', password: 'staff-password-123' }, { token: adminToken });
    const rows = core.db.prepare("SELECT method, username, roles FROM audit_log WHERE method IN ('auth.login', 'auth.switchUser') ORDER BY seq").all();
    expect(rows).toEqual([
      { method: 'auth.login', username: 'admin', roles: '["admin"]' },
      { method: 'auth.login', username: 'clerk2', roles: '["clerk"]' },
      { method: 'auth.switchUser', username: 'clerk2', roles: '["clerk"]' },
    ]);
  });
});
