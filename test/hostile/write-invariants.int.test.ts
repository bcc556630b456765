/**
 * Writes against what validation promises (issue 14, section 4), over real HTTP: a write
 * is checked against the whole graph it leaves behind, so changing an entity others
 * depend on is refused naming them; duplicates in lists that must be unique are refused
 * naming the argument path. And `npm run check` over a database broken behind the API's
 * back: each violation by id, exit 3; clean, exit 0; unreachable, exit 4.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { runCli } from '../faults/cli.js';
import { postGraphql, startTestServer, testConfig, unusedPort, type GraphqlBody, type TestServer } from '../server/harness.js';
import { neo4jEnv, testDatabase, withTestDriver } from '../setup/neo4j.js';
import { graphDigest } from './graph-digest.js';

const driver: () => Driver = withTestDriver();
let database: string;
let api: TestServer;
let token: string;
const SOURCE = 'liputan6-2022-01-14-nrc';

const UPSERT_ACTOR = 'mutation ($input: ActorInput!, $source: ID!) { upsertActor(input: $input, source: $source) { outcome } }';
const UPSERT_STATEMENT = 'mutation ($input: StatementInput!) { upsertStatement(input: $input) { outcome } }';
const UPSERT_EVENT = 'mutation ($input: EventInput!, $source: ID!) { upsertEvent(input: $input, source: $source) { outcome } }';
const write = (query: string, variables: Record<string, unknown>) => postGraphql(api.url, { query, variables }, { authorization: `Bearer ${token}` });
const firstError = (body: GraphqlBody) => body.errors?.[0];

beforeAll(async () => {
  database = testDatabase();
  await runSeed(driver(), { database, reset: true });
  await applySchema(driver(), database);
  token = (await createApiKey(driver(), database, { name: 'test hostile invariants', scope: 'write' })).token;
  api = await startTestServer({ config: testConfig({ NEO4J_DATABASE: database }), driver: driver() });
});

afterAll(async () => {
  await api?.stop();
  await runSeed(driver(), { database, reset: true });
  await driver().executeQuery(
    "MATCH (n) WHERE (n:Change OR n:ApiKey) AND (n.keyName = 'test hostile invariants' OR n.name = 'test hostile invariants') DETACH DELETE n",
    {},
    { database },
  );
});

describe('a write is checked against the graph it leaves behind', () => {
  it('refuses to make the speaker of a direct quote a media outlet, naming the quote; nothing written', async () => {
    const actor = { id: 'inv-person', kind: 'PERSON', name: [{ lang: 'en', text: 'Inv Person' }] };
    expect((await write(UPSERT_ACTOR, { source: SOURCE, input: actor })).body.data).toEqual({ upsertActor: { outcome: 'CREATED' } });
    const quote = { id: 'stmt-inv-quote', speaker: 'inv-person', mode: 'DIRECT_QUOTE', text: 'Kata.', language: 'id', gloss: 'Words.', said: '2022-01-13', source: SOURCE };
    expect((await write(UPSERT_STATEMENT, { input: quote })).body.data).toEqual({ upsertStatement: { outcome: 'CREATED' } });
    const before = await graphDigest(driver(), database);
    const res = await write(UPSERT_ACTOR, { source: SOURCE, input: { ...actor, kind: 'MEDIA_OUTLET' } });
    expect(firstError(res.body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input' } });
    expect(firstError(res.body)?.message).toContain('statement "stmt-inv-quote" is a DIRECT_QUOTE by "inv-person", a MEDIA_OUTLET');
    expect(await graphDigest(driver(), database)).toEqual(before);
    // The graph still exports and loads: the promise the refusal keeps.
    const check = await runCli('src/cli/check.ts', [], neo4jEnv());
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('refuses an actor listed twice among an event\'s participants, naming the argument path; nothing written', async () => {
    const before = await graphDigest(driver(), database);
    const res = await write(UPSERT_EVENT, {
      source: SOURCE,
      input: { id: 'inv-event', kind: 'MEETING', name: [{ lang: 'en', text: 'Inv' }], date: '2022-01-12', participants: [{ actor: 'russia' }, { actor: 'russia', role: 'CHAIR' }] },
    });
    expect(firstError(res.body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.participants[1].actor' } });
    expect(firstError(res.body)?.message).toContain('"russia" is listed twice in participants');
    expect(await graphDigest(driver(), database)).toEqual(before);
  });
});

describe('npm run check', () => {
  it('reports each violation by id with exit 3, and exit 0 once the graph is clean again', async () => {
    await driver().executeQuery(
      `CREATE (:Entity:Stance {id: 'stance-inv-orphan', origin: 'inv', kind: 'SUPPORTS', summary: 'x'})
       WITH 1 AS one MATCH (d:Demand) WITH d LIMIT 1 MATCH (a:Actor {id: 'russia'}) CREATE (d)-[:EVIDENCED_BY {origin: 'inv', key: 'inv'}]->(a)
       RETURN d.id AS demand`,
      {},
      { database },
    );
    const dirty = await runCli('src/cli/check.ts', ['--page-size', '50'], neo4jEnv());
    expect(dirty.code, dirty.stdout + dirty.stderr).toBe(3);
    expect(dirty.stdout).toMatch(/^stance-inv-orphan\tmissing-required\tstance "stance-inv-orphan" has no holder/m);
    expect(dirty.stdout).toMatch(/^stance-inv-orphan\tmissing-required\tstance "stance-inv-orphan" has no evidence/m);
    expect(dirty.stdout).toMatch(/^demand-[a-z0-9-]+\trelationship-kinds\tEVIDENCED_BY from demand "demand-[a-z0-9-]+" to actor "russia"/m);
    expect(dirty.stdout).toMatch(/: 3 violations\n$/);
    expect(dirty.stderr).toMatch(/checked 50 nodes/);
    await driver().executeQuery("MATCH (n:Entity {id: 'stance-inv-orphan'}) DETACH DELETE n WITH 1 AS one MATCH ()-[r:EVIDENCED_BY {key: 'inv'}]->() DELETE r", {}, { database });
    const clean = await runCli('src/cli/check.ts', [], neo4jEnv());
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/no violations/);
  });

  it('exits 4 when Neo4j is unreachable', async () => {
    const res = await runCli('src/cli/check.ts', [], { ...neo4jEnv(), NEO4J_URI: `bolt://127.0.0.1:${await unusedPort()}` });
    expect(res.code, res.stdout + res.stderr).toBe(4);
  });
});
