import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { currentPasswordCost, deriveKeyFromSecret } from '../../passwords';

/**
 * The cryptography of clinical records (docs/architecture.md, "Clinical fields"), all node:crypto:
 *
 * - content is sealed with AES-256-GCM under the centre's care key of its service, a fresh 96-bit
 *   nonce per record, and the record's and person's ids as associated data (a sealed note moved to
 *   another record or person does not open);
 * - a care key is never stored in the clear: it is sealed to each clinician's X25519 public key
 *   (a grant: ephemeral ECDH, HKDF-SHA256, AES-256-GCM), and once under a key derived by scrypt
 *   from the recovery code;
 * - a clinician's X25519 private key is sealed under a key derived by scrypt from their password,
 *   so a password change re-seals one small record and a colleague can grant without knowing it.
 *
 * Nothing here touches the database; every failure to open is `null`, never an exception with
 * key material in it.
 */

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** `v1.<nonce>.<ciphertext+tag>`, base64url: what a sealed value looks like in a row. */
export function sealWith(key: Buffer, plaintext: Buffer, aad: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `v1.${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

export function openWith(key: Buffer, sealed: string, aad: string): Buffer | null {
  const [version, nonceText, bodyText] = sealed.split('.');
  if (version !== 'v1' || !nonceText || !bodyText) return null;
  const nonce = Buffer.from(nonceText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

export const newCareKey = (): Buffer => randomBytes(KEY_BYTES);

// Secret-derived wraps (password, recovery code): the scrypt cost and salt travel with the wrap.

const SecretWrap = z.strictObject({ v: z.literal(1), logN: z.number().int().min(10).max(22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: z.string(), sealed: z.string() });
export type SecretWrap = z.infer<typeof SecretWrap>;

export function parseSecretWrap(text: string): SecretWrap | null {
  try {
    const parsed = SecretWrap.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The key-encryption key a wrap needs, derived (slowly, off the transaction) from the secret. */
export function deriveWrapKey(secret: string, wrap: Pick<SecretWrap, 'logN' | 'r' | 'p' | 'salt'>): Promise<Buffer> {
  return deriveKeyFromSecret(secret, Buffer.from(wrap.salt, 'base64url'), wrap);
}

/** A fresh salt and a key derived from the secret with it, at today's cost: for a new wrap. */
export async function freshWrapKey(secret: string): Promise<{ params: Omit<SecretWrap, 'v' | 'sealed'>; key: Buffer }> {
  const params = { ...currentPasswordCost(), salt: randomBytes(16).toString('base64url') };
  return { params, key: await deriveWrapKey(secret, params) };
}

export function wrapUnder(derived: { params: Omit<SecretWrap, 'v' | 'sealed'>; key: Buffer }, secretValue: Buffer, aad: string): string {
  return JSON.stringify({ v: 1, ...derived.params, sealed: sealWith(derived.key, secretValue, aad) } satisfies SecretWrap);
}

// Clinician key pairs and grants.

export interface KeyPair {
  publicKey: string;
  privateKey: Buffer;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64url'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }) };
}

function grantKey(shared: Buffer, ephemeralPublic: string, recipientPublic: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${ephemeralPublic}|${recipientPublic}`), 'acogida care-key grant v1', KEY_BYTES));
}

/** Seals a care key to a clinician's public key: only their private key opens it. */
export function sealToPublicKey(recipientPublic: string, value: Buffer, aad: string): string {
  const ephemeral = newKeyPair();
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: ephemeral.privateKey, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: Buffer.from(recipientPublic, 'base64url'), format: 'der', type: 'spki' }),
  });
  return `${ephemeral.publicKey}:${sealWith(grantKey(shared, ephemeral.publicKey, recipientPublic), value, aad)}`;
}

export function openSealedToMe(pair: KeyPair, sealed: string, aad: string): Buffer | null {
  const [ephemeralPublic, body] = sealed.split(':');
  if (!ephemeralPublic || !body) return null;
  try {
    const shared = diffieHellman({
      privateKey: createPrivateKey({ key: pair.privateKey, format: 'der', type: 'pkcs8' }),
      publicKey: createPublicKey({ key: Buffer.from(ephemeralPublic, 'base64url'), format: 'der', type: 'spki' }),
    });
    return openWith(grantKey(shared, ephemeralPublic, pair.publicKey), body, aad);
  } catch {
    return null;
  }
}

/**
 * A recovery code people can read aloud and type: 24 characters of an alphabet without look-alikes
 * (about 120 bits), in groups of four. Dashes, spaces and case do not matter when it is typed.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]); // uniform, no modulo bias
  return Array.from({ length: 6 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}
export const normaliseRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
