/**
 * `npm run load` against the real server over a seeded Neo4j: a short run must see no
 * errors and print its percentiles. No timing is asserted: the figures are for
 * docs/reliability.md.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDriver } from '../../src/neo4j/driver.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { failFastDriverOptions, startTestServer, testConfig, type TestServer } from '../server/harness.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';
import { runCli } from './cli.js';

let driver: Driver;
let api: TestServer;

beforeAll(async () => {
  driver = openDriver(testConnection(), failFastDriverOptions);
  await runSeed(driver, { database: testDatabase() });
  api = await startTestServer({ config: testConfig({ NEO4J_DATABASE: testDatabase(), LOG_LEVEL: 'warn' }), driver });
});

afterAll(async () => {
  await api?.stop();
  await driver?.close();
});

it('runs 4 clients for 3 s with zero errors and prints req/s and p50/p95/p99', { timeout: 60_000 }, async () => {
  const run = await runCli('src/cli/load.ts', ['--clients', '4', '--seconds', '3', '--url', api.url]);
  console.log(run.stdout);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^requests: [1-9]\d* +\(\d+(\.\d)? req\/s\)$/m);
  expect(run.stdout).toMatch(/^latency ms: p50 [\d.]+ +p95 [\d.]+ +p99 [\d.]+ +max [\d.]+$/m);
  expect(run.stdout).toMatch(/^errors: 0$/m);
});
