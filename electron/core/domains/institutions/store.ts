import type { Institution } from './contract';
import type { Database } from '../../db/driver';

/** The SQL of the directory of institutions: rows of one centre, and how they become contract values. */

interface InstitutionRow {
  id: string;
  code: string;
  name: string;
  country: string;
  level: Institution['level'];
  services: string;
  contact: string | null;
  hours: string | null;
  address: string | null;
  office_of: string | null;
  coverage: string;
  active: number;
}

const SELECT = `SELECT id, code, name, country, level, services, contact, hours, address, office_of, coverage, active
  FROM institutions WHERE centre_id = ? AND deleted_at IS NULL`;

function toInstitution({ office_of, coverage, ...row }: InstitutionRow): Institution {
  return { ...row, officeOf: office_of, coverage: JSON.parse(coverage) as string[], services: JSON.parse(row.services) as string[], active: row.active === 1 };
}

/** One institution of the centre's directory (active or not), or null. */
export function findInstitution(db: Database, centreId: string, id: string): Institution | null {
  const row = db.prepare(`${SELECT} AND id = ?`).get(centreId, id) as InstitutionRow | undefined;
  return row ? toInstitution(row) : null;
}

/** The directory: national first, international last; the inactive ones only when asked. */
export function listInstitutions(db: Database, centreId: string, includeInactive: boolean): Institution[] {
  const rows = db.prepare(`${SELECT} ${includeInactive ? '' : 'AND active = 1'} ORDER BY country = 'INT', country, code`).all(centreId) as InstitutionRow[];
  return rows.map(toInstitution);
}

/** Whether another institution of the centre already has this code (letter case aside). */
export function institutionCodeTaken(db: Database, centreId: string, code: string, exceptId: string | null): boolean {
  return db.prepare('SELECT 1 FROM institutions WHERE centre_id = ? AND code = ? COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?').get(centreId, code, exceptId) !== undefined;
}
