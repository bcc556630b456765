/**
 * Issue 14, section 3: anonymous readers cannot exhaust the service with legitimate
 * queries. Against the real Neo4j (seeded) and real HTTP:
 * - 30 aliases of the heaviest neighbourhood are refused by the cost estimate before
 *   any Cypher runs, however they are written (plainly, inline or named fragments);
 * - a client over its concurrency limit for expensive operations gets HTTP 429,
 *   Retry-After and RATE_LIMITED, while another client is served;
 * - a transaction that runs past NEO4J_TX_TIMEOUT gets QUERY_TIMEOUT;
 * - a pool acquisition timeout (every connection busy) gets OVERLOADED, also for the
 *   API-key lookup of a keyed request (HTTP 503, not 500), the circuit stays closed and
 *   /ready stays ready.
 * No timings are asserted: in-flight requests are held by holding Neo4j connections.
 */
import http from 'node:http';
import type { Driver, Session, Transaction } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphContext, type GraphContext } from '../../src/graphql/context.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { failFastDriverOptions, postGraphql, startTestServer, testConfig, type GraphqlBody, type TestServer } from '../server/harness.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';
import { countingDriver, type DriverUse } from './counting.js';

const subgraph = 'nodes { id kind label subkind } edges { id type source target properties } truncated';
const heavy = (alias: string) => `${alias}: neighbourhood(id: "nato", depth: 3, limit: 500, includeProvenance: true) { ${subgraph} }`;
const aliases = Array.from({ length: 30 }, (_, i) => `n${i}`);

/** The reproduction of issue 14 (2.3 KB in, 3-4 MB out before the fix), in three spellings. */
const reproduction = {
  plain: `{ ${aliases.map(heavy).join(' ')} }`,
  'inline fragments': `{ ${aliases.map((a) => `... on Query { ${heavy(a)} }`).join(' ')} }`,
  'named fragments': `{ ...A } fragment A on Query { ${aliases.map((a) => `${a}: neighbourhood(id: "nato", depth: 3, limit: 500, includeProvenance: true) { ...S }`).join(' ')} } fragment S on Subgraph { ${subgraph} }`,
};

let driver: Driver;
const env = () => ({ NEO4J_DATABASE: testDatabase() });

beforeAll(async () => {
  driver = openDriver(testConnection(), failFastDriverOptions);
  await runSeed(driver, { database: testDatabase() });
});

afterAll(async () => {
  await driver?.close();
});

/** A server over the seeded graph whose driver counts every call that could reach Neo4j. */
async function countingServer(over: Driver, extraEnv: Record<string, string> = {}): Promise<{ server: TestServer; use: DriverUse }> {
  const counted = countingDriver(over);
  const server = await startTestServer<GraphContext>({ config: testConfig({ ...env(), ...extraEnv }), driver: counted.driver, createContext: counted.createContext });
  return { server, use: counted.use };
}

/** POSTs an operation from a given loopback address (127.0.0.x), so that the server sees another client. */
function postFrom(url: string, localAddress: string, query: string): Promise<{ status: number; retryAfter: string | undefined; body: GraphqlBody }> {
  return new Promise((resolve, reject) => {
    const target = new URL('/graphql', url);
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) as GraphqlBody }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

/** Waits until `condition` holds (polling), for what the test itself set in motion. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Holds one connection of `holder` in an open transaction until released. */
async function holdConnection(holder: Driver): Promise<{ release(): Promise<void> }> {
  const session: Session = holder.session({ database: testDatabase() });
  const tx: Transaction = session.beginTransaction();
  await tx.run('RETURN 1');
  return {
    async release() {
      await tx.rollback();
      await session.close();
    },
  };
}

describe('the reproduction: 30 aliases of neighbourhood(depth: 3, limit: 500, includeProvenance: true)', () => {
  let counted: { server: TestServer; use: DriverUse };
  beforeAll(async () => {
    counted = await countingServer(driver);
  });
  afterAll(async () => {
    await counted?.server.stop();
  });

  it.each(Object.keys(reproduction) as (keyof typeof reproduction)[])('written with %s, is refused as too costly before any Cypher runs', async (form) => {
    const { server, use } = counted;
    const before = { ...use };
    const res = await postGraphql(server.url, { query: reproduction[form] });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors!;
    expect(error!.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(error!.message).toMatch(/^Query is too costly: estimated cost \d+, the limit is 20000 \(GRAPHQL_MAX_COST\)/);
    expect(use.calls - before.calls).toBe(0);
    expect(use.queries - before.queries).toBe(0);
  });

  it('gives the same estimate whether written plainly or through fragments', async () => {
    const found = await Promise.all(
      Object.values(reproduction).map(async (query) => (await postGraphql(counted.server.url, { query })).body.errors?.[0]?.extensions?.['limit']),
    );
    expect(found.every((limit) => limit !== undefined)).toBe(true);
    expect(new Set(found.map((l) => JSON.stringify(l))).size).toBe(1);
  });

  it("says the graph size the work was weighed for: the seeded graph's statements, as the API counts them", async () => {
    const refused = await postGraphql(counted.server.url, { query: reproduction.plain });
    const listed = await postGraphql(counted.server.url, { query: '{ statements(first: 1) { totalCount } }' });
    const total = (listed.body.data?.['statements'] as { totalCount: number }).totalCount;
    expect(total).toBeGreaterThan(10);
    expect(refused.body.errors?.[0]?.extensions?.['graphStatements']).toBe(total);
  });

  it('one of them alone is answered, and reaches Neo4j (the counters can see a query)', async () => {
    const { server, use } = counted;
    const before = { ...use };
    const res = await postGraphql(server.url, { query: `{ ${heavy('one')} }` });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data?.['one'] as { nodes: unknown[] }).nodes.length).toBeGreaterThan(1);
    expect(use.queries - before.queries).toBeGreaterThan(0);
  });
});

describe('per-client concurrency of expensive operations (EXPENSIVE_PER_CLIENT=1)', () => {
  it('answers a second expensive operation from the same client with 429, Retry-After and RATE_LIMITED; another client is served', async () => {
    // One connection, held by the test: the first request waits for it inside its slot.
    const small = openDriver(testConnection(), { ...failFastDriverOptions, maxConnectionPoolSize: 1, connectionAcquisitionTimeout: 30_000 });
    const counted = countingDriver(small);
    const server = await startTestServer<GraphContext>({
      config: testConfig({ ...env(), EXPENSIVE_PER_CLIENT: '1', EXPENSIVE_CONCURRENCY: '4' }),
      driver: counted.driver,
      createContext: counted.createContext,
    });
    const held = await holdConnection(small);
    try {
      const query = '{ neighbourhood(id: "nato", depth: 1, limit: 10) { nodes { id } } }';
      const first = postFrom(server.url, '127.0.0.1', query);
      // The first request has its slot once it asks the driver for a session.
      const callsBefore = counted.use.calls;
      await until(() => counted.use.calls > callsBefore);

      const second = await postFrom(server.url, '127.0.0.1', query);
      expect(second.status).toBe(429);
      expect(Number(second.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(second.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(second.body.errors?.[0]?.message).toMatch(/EXPENSIVE_PER_CLIENT/);

      // A cheap lookup from the same client is not limited (it waits for the connection like any read).
      const cheap = postFrom(server.url, '127.0.0.1', '{ actor(id: "russia") { id } }');
      // Another client (another address) gets its own slot.
      const other = postFrom(server.url, '127.0.0.2', query);

      await held.release();
      const [firstDone, cheapDone, otherDone] = await Promise.all([first, cheap, other]);
      expect(firstDone.status).toBe(200);
      expect(firstDone.body.errors).toBeUndefined();
      expect(cheapDone.body.data).toEqual({ actor: { id: 'russia' } });
      expect(otherDone.status).toBe(200);
      expect(otherDone.body.errors).toBeUndefined();

      // The slot is given back with the answer.
      const again = await postFrom(server.url, '127.0.0.1', query);
      expect(again.status).toBe(200);
    } finally {
      await held.release().catch(() => undefined);
      await server.stop();
      await small.close();
    }
  });
});

describe('the transaction timeout (NEO4J_TX_TIMEOUT)', () => {
  it('ends a read that runs past it with QUERY_TIMEOUT, and Neo4j stays ready', async () => {
    // A test-only field whose read is slow on purpose, through the real reader and driver.
    const server = await startTestServer<GraphContext>({
      config: testConfig({ ...env(), NEO4J_TX_TIMEOUT: '300' }),
      driver,
      typeDefs: (await import('graphql')).parse('type Query { slow: Int fast: Int }'),
      resolvers: {
        Query: {
          slow: async (_: unknown, __: unknown, context: GraphContext) =>
            (await context.reader.readComposed('UNWIND range(1, 4000000000) AS x RETURN count(x) AS n', {}))[0]?.['n'],
          fast: async (_: unknown, __: unknown, context: GraphContext) => (await context.reader.readComposed('RETURN 1 AS n', {}))[0]?.['n'],
        },
      },
      createContext: (deps) => createGraphContext(deps),
    });
    try {
      const res = await postGraphql(server.url, { query: '{ slow }' });
      expect(res.body.data).toEqual({ slow: null });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
      expect(res.body.errors?.[0]?.message).toMatch(/NEO4J_TX_TIMEOUT/);
      expect(res.text).not.toMatch(/terminated|UNWIND/);
      // Not an outage: the next read goes through, and /ready says so.
      expect((await postGraphql(server.url, { query: '{ fast }' })).body.data).toEqual({ fast: 1 });
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('a pool acquisition timeout (every connection busy)', () => {
  it('answers OVERLOADED, keeps the circuit closed and /ready ready', async () => {
    const small = openDriver(testConnection(), { ...failFastDriverOptions, maxConnectionPoolSize: 1, connectionAcquisitionTimeout: 300 });
    const server = await startTestServer<GraphContext>({ config: testConfig(env()), driver: small, createContext: (deps) => createGraphContext(deps) });
    try {
      const lookup = '{ actor(id: "russia") { id } }';
      expect((await postGraphql(server.url, { query: lookup })).body.data).toEqual({ actor: { id: 'russia' } });
      const held = await holdConnection(small);
      try {
        for (let i = 0; i < 3; i++) {
          const busy = await postGraphql(server.url, { query: lookup });
          expect(busy.body.errors?.[0]?.extensions?.code).toBe('OVERLOADED');
          expect(busy.text).not.toMatch(/acquisition|Pool status|127\.0\.0\.1/);
        }
        // A request with an API key: its lookup meets the same busy pool; busy, not an internal error.
        const keyed = await postGraphql(server.url, { query: lookup }, { authorization: `Bearer dgk_${'0'.repeat(12)}_${'a'.repeat(43)}` });
        expect(keyed.status).toBe(503);
        expect(keyed.headers.get('retry-after')).not.toBeNull();
        expect(keyed.body.errors?.[0]?.extensions?.code).toBe('OVERLOADED');
        const ready = await fetch(`${server.url}/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ok', neo4j: 'ok' });
      } finally {
        await held.release();
      }
      // The circuit never opened: the next read is served at once, not refused as unavailable.
      expect((await postGraphql(server.url, { query: lookup })).body.data).toEqual({ actor: { id: 'russia' } });
    } finally {
      await server.stop();
      await small.close();
    }
  });
});
