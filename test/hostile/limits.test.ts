/**
 * Hostile operations against the real server, schema and resolvers: depth, alias,
 * token, cost and duplicated-field attacks, each written plainly and through inline,
 * named and cyclic fragments. Each must be refused with its limit's message, before
 * any Cypher runs: the server's driver counts every call that could reach Neo4j, and
 * the context factory counts every query its reader ran. Needs no database (the driver
 * points at a port where nothing listens, so a query that slipped through would fail
 * with SERVICE_UNAVAILABLE instead of being refused).
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverToNowhere, postGraphql, unusedPort, type TestServer } from '../server/harness.js';
import { serveCounting, type DriverUse } from './counting.js';

const strictEnv = {
  GRAPHQL_MAX_DEPTH: '6',
  GRAPHQL_MAX_ALIASES: '5',
  GRAPHQL_MAX_DIRECTIVES: '5',
  GRAPHQL_MAX_TOKENS: '1000',
  GRAPHQL_MAX_COST: '20000',
};

let nowhere: Driver;
let strict: { server: TestServer; use: DriverUse };
let defaults: { server: TestServer; use: DriverUse };
/** Per attack: how long the refusal took, printed at the end for docs/reliability.md. */
const timings: [string, number][] = [];

const serve = (env: Record<string, string>) => serveCounting(nowhere, env);

beforeAll(async () => {
  nowhere = driverToNowhere(await unusedPort());
  strict = await serve(strictEnv);
  defaults = await serve({});
});

afterAll(async () => {
  await strict?.server.stop();
  await defaults?.server.stop();
  await nowhere?.close();
  if (timings.length > 0) {
    const worst = Math.max(...timings.map(([, ms]) => ms));
    console.log(`hostile operations: ${timings.length} refused, slowest ${worst} ms\n${timings.map(([n, ms]) => `  ${ms} ms  ${n}`).join('\n')}`);
  }
});

/** The four ways every attack is written. */
type Form = 'plain' | 'inline fragment' | 'named fragment' | 'cyclic fragments';

interface Attack {
  limit: string;
  target: () => { server: TestServer; use: DriverUse };
  forms: Record<Form, string>;
  /** What the refusal says: code and message. */
  expected: { code: string; message: RegExp };
}

const nest = (levels: number, inner = 'id'): string => (levels === 0 ? inner : `partOf { ${nest(levels - 1, inner)} }`);
const many = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const cycle = 'Cannot spread fragment';

const attacks: Attack[] = [
  {
    limit: 'depth (GRAPHQL_MAX_DEPTH=6)',
    target: () => strict,
    forms: {
      plain: `{ actor(id: "x") { ${nest(8)} } }`,
      'inline fragment': `{ entity(id: "x") { ... on Actor { partOf { ... on Actor { partOf { ... on Actor { ${nest(6)} } } } } } } }`,
      'named fragment': `query { actor(id: "x") { ...A } }
        fragment A on Actor { partOf { ...B } }
        fragment B on Actor { partOf { ...C } }
        fragment C on Actor { ${nest(6)} }`,
      'cyclic fragments': `query { actor(id: "x") { ...A } }
        fragment A on Actor { partOf { ...B } }
        fragment B on Actor { ${nest(7, '...A')} }`,
    },
    expected: { code: 'QUERY_TOO_DEEP', message: /^Query is too deep: (\d+|more) levels of nested fields, the limit is 6 \(GRAPHQL_MAX_DEPTH\)$/ },
  },
  {
    limit: 'aliases (GRAPHQL_MAX_ALIASES=5)',
    target: () => strict,
    forms: {
      plain: `{ ${many(6, (i) => `a${i}: issues { id }`)} }`,
      'inline fragment': `{ ... on Query { ${many(3, (i) => `a${i}: issues { id }`)} ... on Query { ${many(3, (i) => `b${i}: issues { id }`)} } } }`,
      // Three aliases, spread twice: six.
      'named fragment': `query { ...F ...F } fragment F on Query { ${many(3, (i) => `a${i}: issues { id }`)} }`,
      'cyclic fragments': `query { ...F } fragment F on Query { ${many(6, (i) => `a${i}: issues { id }`)} ...G } fragment G on Query { ...F }`,
    },
    expected: { code: 'TOO_MANY_ALIASES', message: /^Query uses too many aliases: (\d+|more), the limit is 5 \(GRAPHQL_MAX_ALIASES\)$/ },
  },
  {
    limit: 'tokens (GRAPHQL_MAX_TOKENS=1000)',
    target: () => strict,
    forms: {
      plain: `{ ${many(1100, () => '__typename')} }`,
      'inline fragment': `{ ... on Query { ${many(1100, () => '__typename')} } }`,
      'named fragment': `query { ...F } fragment F on Query { ${many(1100, () => '__typename')} }`,
      'cyclic fragments': `query { ...F } fragment F on Query { ...G ${many(1100, () => '__typename')} } fragment G on Query { ...F }`,
    },
    expected: { code: 'TOO_MANY_TOKENS', message: /^Query has too many tokens: the limit is 1000 \(GRAPHQL_MAX_TOKENS\); parsing stopped there$/ },
  },
  {
    // The estimate counts what each field will do (src/graphql/operation-cost.ts): here
    // 200 actors times 200 stances each.
    limit: 'cost (GRAPHQL_MAX_COST=20000)',
    target: () => strict,
    forms: {
      plain: '{ actors(first: 200) { edges { node { stances(first: 200) { totalCount } } } } }',
      'inline fragment': '{ ... on Query { actors(first: 200) { edges { node { stances(first: 200) { totalCount } } } } } }',
      // Within the limit alone (10,002), too costly spread twice (20,004): the heaviest neighbourhood.
      'named fragment': `query { a: neighbourhood(id: "x", depth: 3, limit: 500, includeProvenance: true) { ...G }
          b: neighbourhood(id: "x", depth: 3, limit: 500, includeProvenance: true) { ...G } }
        fragment G on Subgraph { nodes { id label } edges { id type } }`,
      'cyclic fragments': `query { actors(first: 200) { edges { node { ...S } } } }
        fragment S on Actor { stances(first: 200) { totalCount } ...T } fragment T on Actor { ...S }`,
    },
    expected: { code: 'QUERY_TOO_COSTLY', message: /^Query is too costly: estimated cost \d+, the limit is 20000 \(GRAPHQL_MAX_COST\); ask for fewer items/ },
  },
  {
    // No setting of ours: graphql-js 16.15's budget for OverlappingFieldsCanBeMerged
    // (500,000 comparisons) aborts validation; see docs/reliability.md.
    limit: 'duplicated fields (graphql-js overlap budget, default limits)',
    target: () => defaults,
    forms: {
      plain: `{ issues { ${many(2000, () => 'id')} } }`,
      'inline fragment': `{ issues { ... on Issue { ${many(2000, () => 'id')} } } }`,
      'named fragment': `{ issues { ...F } } fragment F on Issue { ${many(2000, () => 'id')} }`,
      'cyclic fragments': `{ issues { ...F } } fragment F on Issue { ${many(2000, () => 'id')} ...G } fragment G on Issue { ...F }`,
    },
    expected: { code: 'GRAPHQL_VALIDATION_FAILED', message: /^Validation aborted\.$/ },
  },
];

describe.each(attacks)('a $limit attack', (attack) => {
  it.each(Object.keys(attack.forms) as Form[])('is refused when written with %s, before any Cypher runs', async (form) => {
    const { server, use } = attack.target();
    const before = { ...use };
    const res = await postGraphql(server.url, { query: attack.forms[form] });
    timings.push([`${attack.limit}, ${form}`, res.ms]);

    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    const errors = res.body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    const limitError = errors.find((e) => e.extensions?.code === attack.expected.code);
    if (form === 'cyclic fragments') {
      // graphql-js refuses the cycle itself; the limit rules must neither hang nor crash on it.
      const cycleRefused = errors.some((e) => e.message.startsWith(cycle));
      expect(cycleRefused || limitError !== undefined, JSON.stringify(errors).slice(0, 500)).toBe(true);
    } else {
      expect(limitError, JSON.stringify(errors).slice(0, 500)).toBeDefined();
      expect(limitError!.message).toMatch(attack.expected.message);
    }
    // Nothing internal leaks, and nothing reached the driver.
    expect(errors.every((e) => e.extensions?.code !== 'INTERNAL_SERVER_ERROR' && e.extensions?.code !== 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(res.text).not.toMatch(/stacktrace|\.ts:\d+/);
    expect(use.calls - before.calls).toBe(0);
    expect(use.queries - before.queries).toBe(0);
  });
});

describe('aliases of __typename', () => {
  // graphql-armor exempts them from GRAPHQL_MAX_ALIASES (its allowList): they cost no
  // resolver and no Cypher, and GRAPHQL_MAX_TOKENS bounds how many a request can hold.
  it('are not counted as aliases, and never reach the driver', async () => {
    const { server, use } = strict;
    const before = use.calls;
    const res = await postGraphql(server.url, { query: `{ ${many(200, (i) => `a${i}: __typename`)} }` });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data ?? {})).toHaveLength(200);
    expect(use.calls).toBe(before);
    const tooMany = await postGraphql(server.url, { query: `{ ${many(400, (i) => `a${i}: __typename`)} }` });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_TOKENS');
  });
});

describe('just under the limits', () => {
  // The control: the same shapes one step smaller do reach the resolvers (and so the
  // driver, which here answers SERVICE_UNAVAILABLE), so the counters above can see a query.
  it.each([
    ['depth', `{ actor(id: "x") { ${nest(4)} } }`],
    ['aliases', `{ ${many(5, (i) => `a${i}: issues { id }`)} }`],
    ['duplicated fields', `{ issues { ${many(300, () => 'id')} } }`],
  ])('%s: executed, and the driver saw it', async (_name, query) => {
    // A driver of its own: once a driver has failed, its circuit refuses reads at once
    // for a second without calling it (src/neo4j/circuit.ts).
    const own = driverToNowhere(await unusedPort());
    const { server, use } = await serveCounting(own, strictEnv);
    try {
      const res = await postGraphql(server.url, { query });
      expect(res.status).toBe(200);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(use.calls).toBeGreaterThan(0);
    } finally {
      await server.stop();
      await own.close();
    }
  });
});
