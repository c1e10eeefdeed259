import crypto from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../errors';
import { requireUpstreamVersion } from './upstream-schema';

/**
 * Registers a centre on the upstream and creates its login role (a member of `acogida_centre`:
 * row-level security then shows it its own rows only). Run as the server's administrator. The
 * password is random and printed once, inside the connection URL the centre's desks will use.
 */
export async function addCentre(
  client: pg.ClientBase,
  adminUrl: string,
  centre: { centreId: string; name: string; country: string },
): Promise<{ centre_id: string; role: string; connection_url: string }> {
  await requireUpstreamVersion(client);
  const role = `acogida_c_${centre.centreId.replace(/-/g, '')}`;
  const password = crypto.randomBytes(24).toString('base64url');
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM acogida.centres WHERE centre_id = $1', [centre.centreId]);
    if (exists.rowCount) throw new AppError('sync.centre-exists');
    const roleExists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (roleExists.rowCount) throw new AppError('sync.centre-exists');
    await client.query(`CREATE ROLE ${client.escapeIdentifier(role)} LOGIN PASSWORD ${client.escapeLiteral(password)} IN ROLE acogida_centre`);
    const database = (await client.query('SELECT current_database() AS d')).rows[0].d as string;
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${client.escapeIdentifier(role)}`);
    await client.query('INSERT INTO acogida.centres (centre_id, name, country, role_name) VALUES ($1, $2, $3, $4)', [centre.centreId, centre.name, centre.country, role]);
    await client.query('INSERT INTO acogida.centre_sequences (centre_id, last_seq) VALUES ($1, 0)', [centre.centreId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  return { centre_id: centre.centreId, role, connection_url: url.toString() };
}

/** Creates a login for the national office: reads every centre, writes nothing. */
export async function addNationalLogin(client: pg.ClientBase, adminUrl: string, name: string): Promise<{ role: string; connection_url: string }> {
  await requireUpstreamVersion(client);
  const password = crypto.randomBytes(24).toString('base64url');
  await client.query(`CREATE ROLE ${client.escapeIdentifier(name)} LOGIN PASSWORD ${client.escapeLiteral(password)} IN ROLE acogida_national`);
  const url = new URL(adminUrl);
  url.username = name;
  url.password = password;
  return { role: name, connection_url: url.toString() };
}
