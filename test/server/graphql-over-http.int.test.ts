/**
 * GraphQL over HTTP conformance: graphql-http's server audits (the spec's MUST,
 * SHOULD and MAY clauses, each one request) against the real server over real HTTP.
 * No MUST may fail; the SHOULD and MAY results that are not ok are printed with
 * their reasons, for docs/clients.md.
 */
import { serverAudits, type AuditResult } from 'graphql-http';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDriver } from '../../src/neo4j/driver.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';
import { failFastDriverOptions, startTestServer, testConfig, type TestServer } from './harness.js';

let driver: Driver;
let api: TestServer;
const results: AuditResult[] = [];

beforeAll(async () => {
  driver = openDriver(testConnection(), failFastDriverOptions);
  api = await startTestServer({ config: testConfig({ NEO4J_DATABASE: testDatabase() }), driver });
});

afterAll(async () => {
  await api?.stop();
  await driver?.close();
  const notOk = results.filter((r) => r.status !== 'ok');
  const count = (level: string) => results.filter((r) => r.name.startsWith(level)).length;
  const passed = (level: string) => results.filter((r) => r.name.startsWith(level) && r.status === 'ok').length;
  console.log(
    `graphql-http audit: MUST ${passed('MUST')}/${count('MUST')}, SHOULD ${passed('SHOULD')}/${count('SHOULD')}, MAY ${passed('MAY')}/${count('MAY')} ok\n` +
      notOk.map((r) => `  ${r.status}: ${r.name}${'reason' in r ? ` (${r.reason})` : ''}`).join('\n'),
  );
});

// The audits are listed before the server starts; the URL is read when each one runs.
const audits = serverAudits({ url: () => `${api.url}/graphql` });

describe('graphql-http server audits', () => {
  it.each(audits.map((a) => [a.name, a] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    results.push(result);
    if (audit.name.startsWith('MUST')) {
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    }
  });
});
