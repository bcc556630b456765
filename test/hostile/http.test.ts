/**
 * Hostile HTTP: oversized and batched bodies, cross-site requests, and what a
 * production server shows: no introspection when GRAPHQL_INTROSPECTION=false, no
 * schema hints, no error detail. None of these may reach Neo4j. Needs no database.
 */
import { getIntrospectionQuery } from 'graphql';
import { gql } from 'graphql-tag';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { driverToNowhere, postGraphql, startTestServer, testConfig, unusedPort, type TestServer } from '../server/harness.js';
import { serveCounting, type DriverUse } from './counting.js';

let nowhere: Driver;
let dev: { server: TestServer; use: DriverUse };
let prod: { server: TestServer; use: DriverUse };

const serve = (env: Record<string, string>) => serveCounting(nowhere, env);

beforeAll(async () => {
  nowhere = driverToNowhere(await unusedPort());
  dev = await serve({});
  prod = await serve({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'false' });
});

afterAll(async () => {
  await dev?.server.stop();
  await prod?.server.stop();
  await nowhere?.close();
});

const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${url}/graphql`, { method: 'POST', headers, body });

describe('oversized and batched bodies', () => {
  it('answers 413 to a body over the default BODY_LIMIT (100kb), in the query or in the variables', async () => {
    const before = dev.use.calls;
    for (const body of [
      JSON.stringify({ query: `{ issues { id } } # ${'x'.repeat(150_000)}` }),
      JSON.stringify({ query: 'query Q($t: String!) { search(text: $t) { totalCount } }', variables: { t: 'y'.repeat(150_000) } }),
      `{"query":"{ __typename }","variables":{"deep":${'['.repeat(60_000)}${']'.repeat(60_000)}}}`,
    ]) {
      const res = await post(dev.server.url, body);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(dev.use.calls).toBe(before);
  });

  it('survives deeply nested JSON under the limit (a parser stack attack), then answers normally', async () => {
    const res = await post(dev.server.url, `{"query":"{ __typename }","variables":{"deep":${'['.repeat(45_000)}${']'.repeat(45_000)}}}`);
    expect(res.status).toBeLessThan(500);
    expect((await postGraphql(dev.server.url, { query: '{ __typename }' })).body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a batch (an array of operations) without running any', async () => {
    const before = dev.use.calls;
    const res = await post(dev.server.url, JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ issues { id } }' }))));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
    expect(dev.use.calls).toBe(before);
  });

  it('answers 400 to bodies that are not JSON objects', async () => {
    for (const body of ['{"query": ', 'null', '"{ issues { id } }"', '{"query": 42}', '{"query": "{ issues { id } }", "variables": "x"}']) {
      const res = await post(dev.server.url, body);
      expect(res.status, body).toBe(400);
    }
    expect(dev.use.calls).toBe(0);
  });
});

describe('cross-site requests (CSRF)', () => {
  it.each([
    ['GET without a preflight header', () => fetch(`${dev.server.url}/graphql?query=${encodeURIComponent('{ issues { id } }')}`)],
    ['a text/plain POST', () => post(dev.server.url, '{"query":"{ issues { id } }"}', { 'content-type': 'text/plain' })],
    ['a form POST', () => post(dev.server.url, `query=${encodeURIComponent('{ issues { id } }')}`, { 'content-type': 'application/x-www-form-urlencoded' })],
    ['a multipart POST', () => post(dev.server.url, '--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ issues { id } }\r\n--b--\r\n', { 'content-type': 'multipart/form-data; boundary=b' })],
  ])('refuses %s, without running it', async (_name, send) => {
    const before = dev.use.calls;
    const res = await send();
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery|content-type/i);
    expect(dev.use.calls).toBe(before);
  });

  it('sends no CORS headers to a foreign origin', async () => {
    const res = await postGraphql(dev.server.url, { query: '{ __typename }' }, { origin: 'http://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('production mode', () => {
  it('keeps introspection on by default (Sandbox and the dashboard need it) and off with GRAPHQL_INTROSPECTION=false', async () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'false' }).graphql.introspection).toBe(false);

    const open = await postGraphql(dev.server.url, { query: getIntrospectionQuery() });
    expect(open.body.data?.['__schema']).toBeDefined();
    for (const query of [getIntrospectionQuery(), '{ __schema { types { name } } }', '{ __type(name: "Actor") { fields { name } } }', '{ ... on Query { __schema { queryType { name } } } }']) {
      const closed = await postGraphql(prod.server.url, { query });
      expect(closed.status, query.slice(0, 40)).toBe(400);
      expect(closed.body.data).toBeUndefined();
      expect(closed.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(closed.body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      expect(closed.text).not.toContain('Actor"');
    }
    // __typename is not introspection: clients use it to tell union members apart.
    expect((await postGraphql(prod.server.url, { query: '{ __typename }' })).body.data).toEqual({ __typename: 'Query' });
    expect(prod.use.calls).toBe(0);
  });

  it('gives no "Did you mean" hints about the schema', async () => {
    const dev_ = await postGraphql(dev.server.url, { query: '{ actr(id: "x") { id } }' });
    expect(dev_.body.errors?.[0]?.message).toContain('Did you mean');
    const res = await postGraphql(prod.server.url, { query: '{ actr(id: "x") { id } }' });
    expect(res.body.errors?.[0]?.message).toBe('Cannot query field "actr" on type "Query".');
  });

  it('masks internal errors and an unreachable Neo4j: no Cypher, host, port or stack', async () => {
    const res = await postGraphql(prod.server.url, { query: '{ actor(id: "russia") { id } }' });
    expect(res.body.errors?.[0]).toMatchObject({ message: 'Neo4j is unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(res.text).not.toMatch(/127\.0\.0\.1|bolt|MATCH|stacktrace|\.ts:/);

    const failing = await startTestServer({
      config: testConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'false' }),
      driver: nowhere,
      typeDefs: gql`
        type Query {
          boom: String
        }
      `,
      resolvers: {
        Query: {
          boom: () => {
            throw new Error('MATCH (u:User {password: $password}) RETURN u /* bolt://10.0.0.7:7687 */');
          },
        },
      },
      createContext: () => ({}),
    });
    try {
      const masked = await postGraphql(failing.url, { query: '{ boom }' });
      expect(masked.body.errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(masked.text).not.toMatch(/MATCH|password|10\.0\.0\.7|stacktrace/);
    } finally {
      await failing.stop();
    }
  });

  it('serves no Sandbox page', async () => {
    const res = await fetch(`${prod.server.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    if (res.status === 302) expect(res.headers.get('location')).toBe('/playground/'); // the offline playground, when built
    else expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await res.text()).not.toMatch(/sandbox|apollographql\.com/i);
  });
});
