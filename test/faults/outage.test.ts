/**
 * With Neo4j unreachable, every Query field (found by introspection) must say so with
 * SERVICE_UNAVAILABLE: never data that looks real, never NOT_FOUND for an id that may
 * well exist. Needs no database: the driver points at a port where nothing listens.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { driverToNowhere, postGraphql, startTestServer, testConfig, unusedPort, type TestServer } from '../server/harness.js';
import { introspect, plainCalls } from '../hostile/schema-fields.js';

let driver: Driver;
let api: TestServer;

beforeAll(async () => {
  driver = driverToNowhere(await unusedPort());
  api = await startTestServer({ config: testConfig({ LOG_LEVEL: 'error' }), driver });
});

afterAll(async () => {
  await api?.stop();
  await driver?.close();
});

/** Whether an answer holds anything but nulls (and empty lists of nulls). */
function hasData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasData);
  if (typeof value === 'object') return Object.values(value).some(hasData);
  return true;
}


it('answers no Query field with data or NOT_FOUND while Neo4j is down', { timeout: 120_000 }, async () => {
  const calls = plainCalls(await introspect(api.url));
  expect(calls.length).toBeGreaterThan(15);
  const wrong: string[] = [];
  // All at once: each takes about a second to fail (the driver's retry time).
  const answers = await Promise.all(calls.map(async (call) => ({ call, res: await postGraphql(api.url, { query: call.query, variables: call.variables }) })));
  for (const { call, res } of answers) {
    const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
    // Arguments refused before any read (BAD_USER_INPUT, a missing API key) are fine too:
    // what must never happen is an answer that looks like data, or a NOT_FOUND.
    const ok = codes.length > 0 && codes.every((c) => c !== 'NOT_FOUND' && c !== 'INTERNAL_SERVER_ERROR') && !hasData(res.body.data);
    if (!ok) wrong.push(`${call.field}: ${res.text.slice(0, 160)}`);
  }
  expect(wrong).toEqual([]);
});
