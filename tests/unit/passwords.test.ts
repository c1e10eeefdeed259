import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_COST, hashPassword, setPasswordCostForTests, verifyPassword } from '../../electron/core/passwords';

describe('password hashing', () => {
  it('uses scrypt N=2^17, r=8, p=1 in production and verifies what it hashed', async () => {
    setPasswordCostForTests(DEFAULT_PASSWORD_COST.logN);
    try {
      const hash = await hashPassword('contraseña-segura');
      expect(hash.startsWith('scrypt$17$8$1$')).toBe(true);
      expect(await verifyPassword('contraseña-segura', hash)).toBe(true);
      expect(await verifyPassword('contraseña-Segura', hash)).toBe(false);
    } finally {
      setPasswordCostForTests(12);
    }
  });

  it('salts every hash and rejects a missing or malformed one', async () => {
    const a = await hashPassword('misma-clave-123');
    const b = await hashPassword('misma-clave-123');
    expect(a).not.toBe(b);
    expect(await verifyPassword('misma-clave-123', null)).toBe(false);
    expect(await verifyPassword('misma-clave-123', 'md5$abc')).toBe(false);
  });
});
