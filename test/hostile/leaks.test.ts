/**
 * What a production server tells a stranger about its schema and what its logs keep:
 * no "Did you mean" hint for any kind of misspelling (fields, arguments, enum values,
 * input fields, variable types and values, type conditions), nothing but 401 for an
 * anonymous request when READS_REQUIRE_KEY is set (before the operation is validated),
 * a client error for operation types the schema does not have, and no credential in any
 * log line at debug level. Needs no database: the driver points where no Neo4j listens.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverToNowhere, postGraphql, unusedPort, type TestServer } from '../server/harness.js';
import { serveCounting, type DriverUse } from './counting.js';

let nowhere: Driver;
let dev: { server: TestServer; use: DriverUse };
let prod: { server: TestServer; use: DriverUse };
let locked: { server: TestServer; use: DriverUse };

beforeAll(async () => {
  nowhere = driverToNowhere(await unusedPort());
  dev = await serveCounting(nowhere, {});
  prod = await serveCounting(nowhere, { NODE_ENV: 'production' });
  locked = await serveCounting(nowhere, { NODE_ENV: 'production', READS_REQUIRE_KEY: 'true' });
});

afterAll(async () => {
  await dev?.server.stop();
  await prod?.server.stop();
  await locked?.server.stop();
  await nowhere?.close();
});

/** Misspellings of every kind graphql-js offers a suggestion for, with the word it would suggest. */
const misspellings: { what: string; query: string; variables?: Record<string, unknown>; suggests: string }[] = [
  { what: 'a field', query: '{ actr(id: "x") { id } }', suggests: 'actor' },
  { what: 'an argument', query: '{ actor(idd: "x") { id } }', suggests: 'id' },
  { what: 'an enum value in the document', query: '{ actors(kind: STAT) { totalCount } }', suggests: 'STATE' },
  { what: 'an enum value in a variable', query: 'query ($k: ActorKind) { actors(kind: $k) { totalCount } }', variables: { k: 'STAT' }, suggests: 'STATE' },
  { what: 'a variable type', query: 'query ($k: ActorKnd) { actors(kind: $k) { totalCount } }', suggests: 'ActorKind' },
  { what: 'an input field in the document', query: '{ timeline(filter: { actorId: ["x"] }) { totalCount } }', suggests: 'actorIds' },
  { what: 'an input field in a variable', query: 'query ($f: TimelineFilter) { timeline(filter: $f) { totalCount } }', variables: { f: { actorId: ['x'] } }, suggests: 'actorIds' },
  { what: 'an enum value inside an input variable', query: 'query ($f: TimelineFilter) { timeline(filter: $f) { totalCount } }', variables: { f: { kinds: ['EVENTS'] } }, suggests: 'EVENT' },
  { what: 'a type condition', query: '{ entity(id: "x") { ... on Actr { id } } }', suggests: 'Actor' },
  { what: 'an input field in a mutation', query: 'mutation { upsertSource(input: { idd: "x", kind: NEWS_REPORT, title: [{ lang: "en", text: "t" }], language: "en" }) { outcome } }', suggests: 'id' },
];

describe('no schema hints in production', () => {
  it.each(misspellings)('development suggests a name for $what, production does not', async ({ query, variables, suggests }) => {
    const hinted = await postGraphql(dev.server.url, { query, ...(variables ? { variables } : {}) });
    expect(hinted.text).toContain('Did you mean');
    expect(hinted.text).toContain(suggests);

    const res = await postGraphql(prod.server.url, { query, ...(variables ? { variables } : {}) });
    expect(res.body.errors?.length, res.text).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/did you mean/i);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
    expect(prod.use.calls).toBe(0);
  });
});

describe('READS_REQUIRE_KEY', () => {
  it('answers an anonymous request 401 before validating it, so a misspelling reveals nothing', async () => {
    for (const { query, variables } of [...misspellings, { query: '{ __typename }', variables: undefined }, { query: '{ __schema { types { name } } }', variables: undefined }, { query: '{ actor(id: "russia") { id } }', variables: undefined }]) {
      const res = await postGraphql(locked.server.url, { query, ...(variables ? { variables } : {}) });
      expect(res.status, query).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors?.[0]?.message).toMatch(/READS_REQUIRE_KEY.*Authorization: Bearer/);
      expect(res.text).not.toMatch(/did you mean|actor|Actor|Cannot query|Unknown|STATE/);
    }
    const viaGet = await fetch(`${locked.server.url}/graphql?query=${encodeURIComponent('{ actr { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(viaGet.status).toBe(401);
    expect(await viaGet.text()).not.toMatch(/did you mean|actor/i);
    expect(locked.use.calls).toBe(0);
  });

  it('tells a client that sent a malformed key why it was not accepted', async () => {
    const res = await postGraphql(locked.server.url, { query: '{ __typename }' }, { authorization: 'Token abc' });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.message).toBe('The Authorization header must be "Bearer <API key>"');
  });
});

describe('operation types the schema does not have, and other oddities', () => {
  it('answers a subscription with a client error, logged below error level', async () => {
    for (const server of [dev.server, prod.server]) {
      const before = server.logs.length;
      for (const query of ['subscription { actor(id: "russia") { id } }', 'subscription S { __typename }']) {
        const res = await postGraphql(server.url, { query });
        expect(res.status, res.text).toBe(400);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(res.body.errors?.[0]?.message).toBe('This API has no subscriptions: it answers queries and mutations only.');
      }
      const lines = server.logs.slice(before);
      expect(lines.filter((l) => (l['level'] as number) >= 50)).toEqual([]);
    }
    expect(dev.use.calls + prod.use.calls).toBe(0);
  });

  it('answers a subscription chosen by operationName among others with the same client error', async () => {
    const res = await postGraphql(prod.server.url, { query: 'query Q { __typename } subscription S { __typename }', operationName: 'S' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toBe('This API has no subscriptions: it answers queries and mutations only.');
  });

  it('refuses a mutation sent with GET (405), and other malformed operations, as client errors', async () => {
    const get = await fetch(`${prod.server.url}/graphql?query=${encodeURIComponent('mutation { upsertSource(input: { id: "x", kind: NEWS_REPORT, title: [{ lang: "en", text: "t" }], language: "en" }) { outcome } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(405);
    const getBody = (await get.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(getBody.errors[0]!.message).toBe('GET requests only support query operations, not mutation operations');
    expect(getBody.errors[0]!.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');

    const cases: { body: Record<string, unknown>; status: number }[] = [
      { body: { query: 'query A { __typename } query B { __typename }' }, status: 400 },
      { body: { query: 'query A { __typename }', operationName: 'B' }, status: 400 },
      { body: { query: '{ __typename } query B { __typename }' }, status: 400 },
      { body: { query: '' }, status: 400 },
      { body: { query: 42 }, status: 400 },
      { body: { query: 'fragment F on Query { __typename }' }, status: 400 },
      { body: { query: '{ __typename }', operationName: 7 }, status: 400 },
      { body: { query: '{ __typename }', variables: 'x' }, status: 400 },
    ];
    for (const { body, status } of cases) {
      const res = await fetch(`${prod.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      expect(res.status, `${JSON.stringify(body)} -> ${text}`).toBe(status);
      expect(text).not.toContain('INTERNAL_SERVER_ERROR');
    }
    expect(prod.server.logs.filter((l) => (l['level'] as number) >= 50)).toEqual([]);
  });
});

describe('logs', () => {
  const token = 'dgk_0123456789ab_' + 'S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tx';
  const secret = token.slice(17);

  it('carry no key at debug level: not from the query string, a header, a failed authentication or an error', async () => {
    const url = dev.server.url;
    const q = encodeURIComponent('{ __typename }');
    await fetch(`${url}/graphql?query=${q}&api_key=${token}`, { headers: { 'apollo-require-preflight': 'true' } });
    await fetch(`${url}/graphql?query=${q}&key=plain-${secret}&token=t-${secret}&access_token=a-${secret}&API_KEY=u-${secret}`, { headers: { 'apollo-require-preflight': 'true' } });
    await fetch(`${url}/graphql?query=${q}&Authorization=${encodeURIComponent(`Bearer ${token}`)}`, { headers: { 'apollo-require-preflight': 'true' } });
    await fetch(`${url}/nowhere?api_key=${token}`);
    await fetch(`${url}/health?token=${secret}`);
    await postGraphql(url, { query: '{ __typename }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'leak-bearer' });
    await postGraphql(url, { query: '{ __typename }' }, { authorization: `bearer   ${secret}` });
    await postGraphql(url, { query: '{ __typename }' }, { authorization: `Basic ${Buffer.from(`me:${secret}`).toString('base64')}` });
    await postGraphql(url, { query: '{ __typename }' }, { 'x-api-key': secret, 'x-auth-token': secret, 'api-key': secret, 'x-access-token': secret, cookie: `sid=${secret}` });
    await postGraphql(url, { query: `{ actr(id: "${token}") { id } }` });
    await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query": "${token}` });

    const levels = new Set(dev.server.logs.map((l) => l['level']));
    expect(levels.has(20), 'the server logs at debug level').toBe(true);
    const text = JSON.stringify(dev.server.logs);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(`me:${secret}`).toString('base64'));
    expect(text).not.toMatch(/S3cr3t/);
    const completed = dev.server.logs.find((l) => l['msg'] === 'request completed' && String((l['req'] as { url: string }).url).includes('api_key='));
    expect((completed!['req'] as { url: string }).url).toContain('api_key=[redacted]');
    const bearer = dev.server.logs.find((l) => l['reqId'] === 'leak-bearer' && l['req']);
    expect((bearer!['req'] as { headers: Record<string, string> }).headers['authorization']).toBe('[redacted]');
  });
});
