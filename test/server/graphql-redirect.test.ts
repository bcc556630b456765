/**
 * GET /graphql from a browser goes to the offline playground (Apollo's landing page
 * loads from a CDN and fails offline); GraphQL clients' GETs and POSTs still reach the
 * API. Needs no database: `{ __typename }` is answered by Apollo alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverToNowhere, postGraphql, startTestServer, testConfig, unusedPort, type TestServer } from './harness.js';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let driver: Driver;
let web: string;
let bare: string;
let api: TestServer;
let unbuilt: TestServer;

beforeAll(async () => {
  driver = driverToNowhere(await unusedPort());
  web = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-redirect-'));
  fs.mkdirSync(path.join(web, 'playground'));
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>dashboard</title>');
  fs.writeFileSync(path.join(web, 'playground', 'index.html'), '<!doctype html><title>playground</title>');
  bare = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-redirect-bare-'));
  api = await startTestServer({ config: testConfig(), driver, webRoot: web });
  unbuilt = await startTestServer({ config: testConfig(), driver, webRoot: bare });
});

afterAll(async () => {
  await api?.stop();
  await unbuilt?.stop();
  await driver?.close();
  for (const dir of [web, bare]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /graphql', () => {
  it('redirects a browser (Accept: text/html) to /playground/, which serves the playground', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: browserAccept }, redirect: 'manual' });
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get('location')).toBe('/playground/');
    const followed = await fetch(`${api.url}/graphql`, { headers: { accept: browserAccept } });
    expect(followed.url).toBe(`${api.url}/playground/`);
    expect(await followed.text()).toContain('<title>playground</title>');
  });

  it('still answers a GraphQL GET asking for JSON', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*']) {
      const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept, 'apollo-require-preflight': 'true' },
        redirect: 'manual',
      });
      expect(res.status, accept).toBe(200);
      expect(((await res.json()) as { data: unknown }).data).toEqual({ __typename: 'Query' });
    }
  });

  it('does not redirect when no playground is built (there would be nothing to go to)', async () => {
    const res = await fetch(`${unbuilt.url}/graphql`, { headers: { accept: browserAccept }, redirect: 'manual' });
    expect(res.status).not.toBe(302);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('POST /graphql', () => {
  it('is answered as before, whatever the Accept header says', async () => {
    const res = await postGraphql(api.url, { query: '{ __typename }' }, { accept: browserAccept });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ __typename: 'Query' });
  });
});
