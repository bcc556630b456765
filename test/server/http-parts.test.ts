/** The pure parts of src/http/: request ids, the URL a server reports, the CORS allowlist. */
import { describe, expect, it } from 'vitest';
import { corsOptions } from '../../src/http/cors-policy.js';
import { serverUrl } from '../../src/http/listen.js';
import { requestIdOf } from '../../src/http/request-logging.js';

describe('requestIdOf', () => {
  it('keeps a short printable incoming id', () => {
    expect(requestIdOf('abc-123:x/y+z=')).toBe('abc-123:x/y+z=');
  });

  it('replaces a missing, repeated, spaced, quoted or overlong id with a fresh UUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of [undefined, ['a', 'b'], 'has space', 'quote"d', 'x'.repeat(129), '']) {
      expect(requestIdOf(bad)).toMatch(uuid);
    }
    expect(requestIdOf(undefined)).not.toBe(requestIdOf(undefined));
  });
});

describe('serverUrl', () => {
  it('names a wildcard address localhost and brackets IPv6', () => {
    expect(serverUrl({ address: '0.0.0.0', family: 'IPv4', port: 4000 })).toBe('http://localhost:4000');
    expect(serverUrl({ address: '::', family: 'IPv6', port: 4001 })).toBe('http://localhost:4001');
    expect(serverUrl({ address: '127.0.0.1', family: 'IPv4', port: 4002 })).toBe('http://127.0.0.1:4002');
    expect(serverUrl({ address: '::1', family: 'IPv6', port: 4003 })).toBe('http://[::1]:4003');
  });
});

describe('corsOptions', () => {
  it('allows any origin only when the list holds *, and otherwise exactly the listed origins', () => {
    expect(corsOptions(['*', 'https://a.example']).origin).toBe('*');
    expect(corsOptions(['https://a.example']).origin).toEqual(['https://a.example']);
    expect(corsOptions([]).origin).toEqual([]);
    expect(corsOptions([]).exposedHeaders).toEqual(['x-request-id']);
  });
});
