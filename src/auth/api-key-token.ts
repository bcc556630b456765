/**
 * The text of API keys: `dgk_<id>_<secret>`, where the id (12 hex digits) names the
 * key in lists, logs and the audit trail and the secret (32 random bytes, base64url)
 * is shown once at creation. Only a SHA-256 of the whole key is stored: the key has
 * 256 bits of entropy, so a fast hash is enough (see docs/decisions/0005-api-keys.md).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN = /^dgk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A newly generated key: its id, the full text (shown once) and the hash to store. */
export interface GeneratedKey {
  id: string;
  token: string;
  hash: string;
}

/** The stored form of a key: hex SHA-256 of its full text. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Generates a new random key. */
export function generateKey(): GeneratedKey {
  const id = randomBytes(6).toString('hex');
  const token = `dgk_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, token, hash: hashToken(token) };
}

/** The id of a well-formed key, or undefined for anything else. */
export function keyIdOf(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

/** Whether a key's text matches a stored hash, in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
