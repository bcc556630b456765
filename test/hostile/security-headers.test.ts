/**
 * Security headers on every response: the Content-Security-Policy that keeps script
 * out of the dashboard and the playground (only this server's scripts, no inline
 * script, no plugins, no <base>, no framing), nosniff and no referrer, on pages,
 * assets, the API and errors alike. Needs no database: the pages are a stand-in
 * web root, the GraphQL operation touches no data.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverToNowhere, startTestServer, testConfig, unusedPort, type TestServer } from '../server/harness.js';

let nowhere: Driver;
let server: TestServer;
let webRoot: string;

beforeAll(async () => {
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'diplograph-web-'));
  mkdirSync(path.join(webRoot, 'playground'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>dashboard</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(path.join(webRoot, 'playground', 'index.html'), '<!doctype html><title>playground</title>');
  writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'export {};');
  nowhere = driverToNowhere(await unusedPort());
  server = await startTestServer({ config: testConfig({ LOG_LEVEL: 'warn' }), driver: nowhere, webRoot });
});

afterAll(async () => {
  await server?.stop();
  await nowhere?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** The Content-Security-Policy header as directive -> sources. */
function policy(res: Response): Record<string, string[]> {
  const header = res.headers.get('content-security-policy');
  expect(header, `no Content-Security-Policy on ${res.url}`).toBeTruthy();
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** What every policy must say, whatever the page. */
function expectStrictScripts(csp: Record<string, string[]>): void {
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['script-src-attr']).toEqual(["'none'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['base-uri']).toEqual(["'none'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['connect-src']).toEqual(["'self'"]);
  expect(csp['worker-src']).toEqual(["'self'"]);
  // Nothing may widen script beyond this origin.
  for (const sources of Object.values(csp)) {
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain('*');
    expect(sources).not.toContain('https:');
  }
}

function expectOtherHeaders(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  it('gives the dashboard (/) a strict policy: scripts and styles from this server only, no inline ones', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>dashboard</title>');
    const csp = policy(res);
    expectStrictScripts(csp);
    expect(csp['style-src']).toEqual(["'self'"]);
    expectOtherHeaders(res);
  });

  it('gives the playground (/playground/) the same policy, with inline styles only (its editor needs them)', async () => {
    const res = await fetch(`${server.url}/playground/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>playground</title>');
    const csp = policy(res);
    expectStrictScripts(csp);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expectOtherHeaders(res);
  });

  it('sets them on /graphql answers, assets, probes and errors too', async () => {
    const responses = [
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }),
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }),
      await fetch(`${server.url}/assets/app.js`),
      await fetch(`${server.url}/health`),
      await fetch(`${server.url}/nothing-here`),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 400, 200, 200, 404]);
    for (const res of responses) {
      const csp = policy(res);
      expectStrictScripts(csp);
      expect(csp['style-src']).toEqual(["'self'"]);
      expectOtherHeaders(res);
    }
  });
});
