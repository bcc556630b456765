/**
 * Positions counted and paged through the HTTP API over the seeded Neo4j (issue 18,
 * decision 0049): how many hold what, pages that add up to the whole table, a page of
 * one basis, and a page size out of range refused at its argument.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDriver } from '../../src/neo4j/driver.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';
import { failFastDriverOptions, postGraphql, startTestServer, testConfig, type TestServer } from '../server/harness.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field

let driver: Driver;
let api: TestServer;

beforeAll(async () => {
  driver = openDriver(testConnection(), failFastDriverOptions);
  await runSeed(driver, { database: testDatabase() });
  // Reading every column on in pages of 2 and 3 sends hundreds of expensive operations in a
  // minute: the per-client rate limit (600 a minute by default) is not what this file tests.
  api = await startTestServer({ config: testConfig({ NEO4J_DATABASE: testDatabase(), EXPENSIVE_RATE_PER_CLIENT: '100000' }), driver });
});

afterAll(async () => {
  await api?.stop();
  await driver?.close();
});

async function run(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await postGraphql(api.url, { query, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data;
}

const TABLE = `query($id: ID!, $asOf: Date, $first: Int, $offset: Int, $basis: [PositionBasis!]) {
  positions(demandId: $id, asOf: $asOf) {
    count
    counts { kind basis count }
    positions(first: $first, offset: $offset, basis: $basis) { actor { id } kind basis reasoning via { id } }
  }
}`;
const demand = { id: 'demand-nato-stop-enlargement', asOf: '2022-01-12' };

describe('positions counted and paged', () => {
  it('counts who holds what on the demand NATO stop enlarging: 32 positions, 30 inherited', async () => {
    const data = await run(`query($id: ID!, $asOf: Date) { positions(demandId: $id, asOf: $asOf) { count counts { kind basis count } } }`, demand);
    expect(data.positions).toEqual({
      count: 32,
      counts: [
        { kind: 'SUPPORTS', basis: 'DEMANDED', count: 1 },
        { kind: 'REJECTS', basis: 'INHERITED', count: 30 },
        { kind: 'REJECTS', basis: 'STATED', count: 1 },
      ],
    });
  });

  it('lists stated and demanded positions first, then the inherited ones by member id, and pages of 5 add up to the whole table', async () => {
    const whole = (await run(TABLE, { ...demand, first: 1000 })).positions;
    expect(whole.positions).toHaveLength(32);
    expect(whole.positions.slice(0, 2).map((p: Json) => [p.actor.id, p.basis])).toEqual([['nato', 'STATED'], ['russia', 'DEMANDED']]);
    const members = whole.positions.slice(2).map((p: Json) => p.actor.id);
    expect(members).toEqual([...members].sort());
    const pages: Json[] = [];
    for (let offset = 0; offset < whole.count; offset += 5) {
      const page = (await run(TABLE, { ...demand, first: 5, offset })).positions;
      expect(page.count).toBe(32);
      expect(page.positions.length).toBe(Math.min(5, 32 - offset));
      pages.push(...page.positions);
    }
    expect(pages).toEqual(whole.positions);
    expect((await run(TABLE, { ...demand, first: 5, offset: 32 })).positions.positions).toEqual([]);
  });

  it('gives a page of one basis, with the counts of all', async () => {
    const data = (await run(TABLE, { ...demand, basis: ['STATED', 'DEMANDED'] })).positions;
    expect(data.count).toBe(32);
    expect(data.positions.map((p: Json) => p.actor.id)).toEqual(['nato', 'russia']);
    const inherited = (await run(TABLE, { ...demand, basis: ['INHERITED'], first: 3 })).positions.positions;
    expect(inherited.map((p: Json) => p.actor.id)).toEqual(['albania', 'belgium', 'bulgaria']);
    expect(inherited[0].reasoning).toMatch(/^Albania inherits North Atlantic Treaty Organization's REJECTS/);
  });

  it('two pages of one table in one operation each get their own positions', async () => {
    const data = await run(`query($id: ID!, $asOf: Date) { positions(demandId: $id, asOf: $asOf) {
      count a: positions(first: 2) { actor { id } } b: positions(first: 2, offset: 2) { actor { id } } } }`, demand);
    expect(data.positions).toEqual({ count: 32, a: [{ actor: { id: 'nato' } }, { actor: { id: 'russia' } }], b: [{ actor: { id: 'albania' } }, { actor: { id: 'belgium' } }] });
  });

  it.each([
    [{ first: 0 }, 'first', /between 1 and 1000 \(got 0\)/],
    [{ first: 1001 }, 'first', /between 1 and 1000 \(got 1001\)/],
    [{ offset: -1 }, 'offset', /0 or more \(got -1\)/],
  ])('refuses %o, naming the argument and the field', async (variables, argumentName, message) => {
    const res = await postGraphql(api.url, { query: TABLE, variables: { ...demand, ...variables } });
    const [error] = res.body.errors as Json[];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(error.message).toMatch(message);
    expect(error.path).toEqual(['positions', 'positions']);
    expect(res.body.data?.positions).toBeNull();
  });

  // The demand's existence is read with its first page (one round trip, decision 0054).
  it.each([['nato'], ['no-such-demand'], ['nato-enlargement']])('answers NOT_FOUND for a demand id %s that names no demand', async (id) => {
    const res = await postGraphql(api.url, { query: TABLE, variables: { id } });
    const [error] = res.body.errors as Json[];
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(error.message).toContain(id);
    expect(error.path).toEqual(['positions']);
  });
});

describe('the dashboard matrix reads on a column past its first page', () => {
  // The dashboard's own fetchPositions over real HTTP, with a client that posts like the
  // browser's (which needs a page's base URL). Imported by path: web/ is type-checked with
  // DOM types (npm run typecheck:web), which this project's tsconfig does not load.
  type Column = { column: { id: string }; positions: unknown[] };
  type Fetch = (client: unknown, axis: string, ids: string[], options: Record<string, unknown>) => Promise<Column[]>;
  const load = async (): Promise<Fetch> => ((await import(['..', '..', 'web', 'src', 'views', 'positions-data.js'].join('/'))) as { fetchPositions: Fetch }).fetchPositions;
  const client = () => ({
    endpoint: api.url,
    request: async (document: string, variables?: object) => run(document, { lang: 'en', ...(variables as Record<string, unknown>) }),
  });

  it('gives every column all its positions with pages of 2 and 3, as with its default pages', async () => {
    const ids = (await run('{ demands(first: 200) { edges { node { id } } } }')).demands.edges.map((e: Json) => e.node.id);
    const signal = new AbortController().signal;
    const options = { asOf: '2022-01-12', includeDerived: true, signal };
    const fetchPositions = await load();
    const whole = await fetchPositions(client(), 'demand', ids, options);
    const small = await fetchPositions(client(), 'demand', ids, { ...options, batch: 4, firstPage: 2, morePage: 3 });
    expect(small).toEqual(whole);
    const nato = small.find((c) => c.column.id === 'demand-nato-stop-enlargement')!;
    expect(nato.positions).toHaveLength(32);
    expect(whole.reduce((n: number, c) => n + c.positions.length, 0)).toBeGreaterThan(50);
  });
});
