/**
 * The HTTP server against a real Neo4j: readiness, real queries through schema.graphql
 * and the resolvers, masking of a Cypher failure, and recovery when Neo4j comes back
 * without a restart.
 */
import net from 'node:net';
import { gql } from 'graphql-tag';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConnection } from '../../src/neo4j/connection.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { testDatabase, testNeo4j } from '../setup/neo4j.js';
import { type SeededServer, startSeededServer } from './seeded-server.js';
import { failFastDriverOptions, postGraphql, startTestServer, testConfig, unusedPort, type TestServer } from './harness.js';

let driver: Driver;
let api: TestServer;

let seeded: SeededServer;

beforeAll(async () => {
  seeded = await startSeededServer();
  ({ driver, api } = seeded);
});

afterAll(async () => {
  await seeded?.close();
});

describe('with Neo4j up', () => {
  it('answers /ready 200', async () => {
    const res = await fetch(`${api.url}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', neo4j: 'ok' });
  });

  it('answers a query through schema.graphql and the resolvers', async () => {
    const res = await postGraphql(api.url, { query: '{ actor(id: "russia") { id name kind } issues { id } }' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.['actor']).toEqual({ id: 'russia', name: 'Russia', kind: 'STATE' });
    expect(Array.isArray(res.body.data?.['issues'])).toBe(true);
  });

  it('answers an unknown id with null and NOT_FOUND naming the id', async () => {
    const res = await postGraphql(api.url, { query: '{ actor(id: "no-such-actor") { id } }' });
    expect(res.body.data).toEqual({ actor: null });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]).toMatchObject({ message: 'No Actor with id "no-such-actor"', path: ['actor'], extensions: { code: 'NOT_FOUND' } });
  });

  it('masks a failing Cypher query: no Cypher, parameters or stack reach the client, the log has them', async () => {
    const standIn = gql`
      type Query {
        broken: String
      }
    `;
    const database = testDatabase();
    const server = await startTestServer({
      config: testConfig({ NEO4J_DATABASE: database }),
      driver,
      typeDefs: standIn,
      resolvers: {
        Query: {
          broken: async () => {
            await driver.executeQuery('MATCH (s:Secret {password: $password}) RETURN s +', { password: 'hunter2' }, { database });
            return 'unreachable';
          },
        },
      },
      createContext: () => ({}),
    });
    try {
      const res = await postGraphql(server.url, { query: '{ broken }' });
      expect(res.body).toMatchObject({ data: { broken: null }, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(res.text).not.toMatch(/MATCH|Secret|hunter2|Neo\.|stacktrace/);
      const logged = server.logs.find((l) => l['msg'] === 'GraphQL operation failed: internal error');
      expect(JSON.stringify(logged?.['err'])).toContain('Neo.ClientError.Statement.SyntaxError');
    } finally {
      await server.stop();
    }
  });
});

describe('when Neo4j goes away and comes back', () => {
  const target = new URL(testNeo4j().uri);
  const plainBolt = /^(bolt|neo4j):$/.test(target.protocol);

  it.skipIf(!plainBolt)('answers 503 and SERVICE_UNAVAILABLE, then recovers without a restart', async () => {
    // The server's driver goes through a port where a TCP proxy to the real Neo4j is
    // started later: down first, up afterwards, with the shared Neo4j never stopped.
    const port = await unusedPort();
    const t = testNeo4j();
    const proxied = openDriver(
      neo4jConnection({ uri: `bolt://127.0.0.1:${port}`, user: t.user, password: t.password, database: t.database }),
      failFastDriverOptions,
    );
    const server = await startTestServer({ config: testConfig({ NEO4J_DATABASE: t.database }), driver: proxied });
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 7687), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    const query = { query: '{ actor(id: "russia") { id } }' };
    try {
      const down = await fetch(`${server.url}/ready`);
      expect(down.status).toBe(503);
      const failed = await postGraphql(server.url, query);
      expect(failed.ms).toBeLessThan(4_000);
      expect(failed.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the readiness cache
      const up = await fetch(`${server.url}/ready`);
      expect(up.status).toBe(200);
      const answered = await postGraphql(server.url, query);
      expect(answered.body.errors).toBeUndefined();
      expect(answered.body.data).toEqual({ actor: { id: 'russia' } });
    } finally {
      await server.stop();
      await proxied.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
