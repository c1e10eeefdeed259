import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt from node:crypto with N=2^17, r=8, p=1 (OWASP's recommendation). It needs 128 MiB,
 * so maxmem is raised. The async form runs on libuv's pool and never blocks the event loop.
 */
export const DEFAULT_PASSWORD_COST = { logN: 17, r: 8, p: 1 } as const;
let PARAMS: { logN: number; r: number; p: number } = DEFAULT_PASSWORD_COST;

/**
 * Test suites create many accounts; they may lower the cost. Hashes record their own
 * parameters, so verification never depends on this setting.
 */
export function setPasswordCostForTests(logN: number): void {
  PARAMS = { ...DEFAULT_PASSWORD_COST, logN };
}
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 2 * 128 * r * 2 ** logN + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The scrypt cost new hashes and new key wraps use now. */
export const currentPasswordCost = (): { logN: number; r: number; p: number } => ({ ...PARAMS });

/** A 32-byte key from a secret (a password, a recovery code) and a salt, at a recorded cost. */
export function deriveKeyFromSecret(secret: string, salt: Buffer, cost: { logN: number; r: number; p: number }): Promise<Buffer> {
  return scrypt(secret, salt, cost.logN, cost.r, cost.p);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS.logN, PARAMS.r, PARAMS.p);
  return `scrypt$${PARAMS.logN}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

// Verifying against this when the user does not exist keeps the timing the same.
let decoy: Promise<string> | null = null;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword('decoy-password-never-used');
    await verifyPassword(password, await decoy);
    return false;
  }
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
