import { describe, expect, it } from 'vitest';
import { generateKey, hashToken, keyIdOf, tokenMatches } from '../../src/auth/api-key-token.js';

describe('API key text', () => {
  it('is dgk_<12 hex id>_<43 base64url secret>, different every time', () => {
    const a = generateKey();
    const b = generateKey();
    expect(a.token).toMatch(/^dgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(keyIdOf(a.token)).toBe(a.id);
  });

  it('is stored as a SHA-256 that matches only the same key', () => {
    const key = generateKey();
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.hash).not.toContain(key.token.slice(17));
    expect(hashToken(key.token)).toBe(key.hash);
    expect(tokenMatches(key.token, key.hash)).toBe(true);
    expect(tokenMatches(`${key.token.slice(0, -1)}${key.token.endsWith('A') ? 'B' : 'A'}`, key.hash)).toBe(false);
    expect(tokenMatches(key.token, 'not-a-hash')).toBe(false);
  });

  it('has no id when malformed', () => {
    for (const bad of ['', 'dgk_', 'Bearer x', 'dgk_0123456789ab_short', `dgk_0123456789AB_${'a'.repeat(43)}`]) expect(keyIdOf(bad)).toBeUndefined();
  });
});
