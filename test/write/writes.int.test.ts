/**
 * Writes over real HTTP against the real server and Neo4j: API keys and their scopes,
 * validation shared with the seed loader, idempotency by id, the audit trail, and
 * coexistence with the seed loader.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../src/auth/api-keys.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { toPlain } from '../../src/neo4j/values.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';
import { postGraphql, startTestServer, testConfig, type GraphqlBody, type TestServer } from '../server/harness.js';

let driver: Driver;
let api: TestServer;
let database: string;
const keys = { write: '', read: '', revoked: '' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const SOURCE = 'liputan6-2022-01-14-nrc';

const UPSERT_STATEMENT = /* GraphQL */ `
  mutation ($input: StatementInput!) {
    upsertStatement(input: $input) { outcome entity { id origin } change { id keyId keyName operation outcome fields } }
  }
`;
const UPSERT_STANCE = /* GraphQL */ `
  mutation ($input: StanceInput!, $source: ID!) {
    upsertStance(input: $input, source: $source) { outcome entity { id origin } change { id keyId keyName operation outcome fields before after } }
  }
`;
const UPSERT_ACTOR = /* GraphQL */ `
  mutation ($input: ActorInput!, $source: ID!) {
    upsertActor(input: $input, source: $source) { outcome entity { id ... on Actor { name names { all { lang text } } aliases description note } } }
  }
`;
const UPSERT_EVENT = /* GraphQL */ `
  mutation ($input: EventInput!, $source: ID!) {
    upsertEvent(input: $input, source: $source) { outcome entity { id } }
  }
`;

const statement = (over: Record<string, unknown> = {}) => ({
  id: 'stmt-test-fomin-new-talks',
  speaker: 'alexander-fomin',
  onBehalfOf: 'russia',
  mode: 'PARAPHRASE',
  text: 'Fomin mengatakan Rusia siap berunding lagi.',
  language: 'id',
  gloss: 'Fomin said Russia is ready to talk again.',
  said: '2022-01-13',
  source: SOURCE,
  mentions: ['nato'],
  ...over,
});

const stance = (over: Record<string, unknown> = {}) => ({
  id: 'stance-test-russia-open-to-talks',
  holder: 'russia',
  kind: 'OPEN_TO',
  date: '2022-01-13',
  towards: 'nato',
  summary: [{ lang: 'en', text: 'Russia is open to further talks with NATO.' }],
  evidence: ['stmt-test-fomin-new-talks'],
  ...over,
});

function errorOf(body: GraphqlBody) {
  expect(body.errors, JSON.stringify(body)).toBeDefined();
  return body.errors![0]!;
}

async function count(query: string, params: Record<string, unknown> = {}): Promise<number> {
  const res = await driver.executeQuery(query, params, { database });
  return toPlain(res.records[0]!.get(0)) as number;
}

beforeAll(async () => {
  driver = openDriver(testConnection());
  database = testDatabase();
  await runSeed(driver, { database, reset: true });
  await applySchema(driver, database);
  keys.write = (await createApiKey(driver, database, { name: 'test analyst', scope: 'write' })).token;
  keys.read = (await createApiKey(driver, database, { name: 'test reader', scope: 'read' })).token;
  const revoked = await createApiKey(driver, database, { name: 'test revoked', scope: 'write' });
  await revokeApiKey(driver, database, revoked.id);
  keys.revoked = revoked.token;
  api = await startTestServer({ config: testConfig({ NEO4J_DATABASE: database }), driver });
});

afterAll(async () => {
  await api?.stop();
  await runSeed(driver, { database, reset: true });
  await driver.executeQuery("MATCH (n) WHERE (n:Change OR n:ApiKey) AND (n.keyName STARTS WITH 'test ' OR n.name STARTS WITH 'test ') DETACH DELETE n", {}, { database });
  await driver?.close();
});

describe('API keys', () => {
  it('refuses a write without a key: UNAUTHENTICATED, nothing written', async () => {
    const res = await postGraphql(api.url, { query: UPSERT_STATEMENT, variables: { input: statement() } });
    expect(res.status).toBe(401);
    expect(errorOf(res.body).extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count('MATCH (s:Statement {id: $id}) RETURN count(s)', { id: 'stmt-test-fomin-new-talks' })).toBe(0);
  });

  it('refuses a write with a read-scoped key: FORBIDDEN', async () => {
    const res = await postGraphql(api.url, { query: UPSERT_STATEMENT, variables: { input: statement() } }, bearer(keys.read));
    expect(res.status).toBe(403);
    expect(errorOf(res.body)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(errorOf(res.body).message).toMatch(/read scope/);
  });

  it('refuses a write with a revoked key: UNAUTHENTICATED, saying why; a public read is still answered', async () => {
    const write = await postGraphql(api.url, { query: UPSERT_STATEMENT, variables: { input: statement() } }, bearer(keys.revoked));
    expect(write.status).toBe(401);
    expect(errorOf(write.body)).toMatchObject({ message: 'Unknown or revoked API key', extensions: { code: 'UNAUTHENTICATED' } });
    expect(write.body.data ?? null).toBeNull();
    const read = await postGraphql(api.url, { query: '{ actor(id: "russia") { id } }' }, bearer(keys.revoked));
    expect(read.body.data).toEqual({ actor: { id: 'russia' } });
  });

  it('refuses a write with an unknown key or a malformed Authorization header', async () => {
    const unknown = await postGraphql(api.url, { query: UPSERT_STATEMENT, variables: { input: statement() } }, bearer(`${keys.write.slice(0, -4)}AAAA`));
    expect(errorOf(unknown.body)).toMatchObject({ message: 'Unknown or revoked API key', extensions: { code: 'UNAUTHENTICATED' } });
    const basic = await postGraphql(api.url, { query: UPSERT_STATEMENT, variables: { input: statement() } }, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.status).toBe(401);
    expect(errorOf(basic.body).message).toMatch(/Bearer/);
  });

  it('keeps reads public by default, with or without a key', async () => {
    const anonymous = await postGraphql(api.url, { query: '{ actor(id: "russia") { id } }' });
    expect(anonymous.body.data).toEqual({ actor: { id: 'russia' } });
    const keyed = await postGraphql(api.url, { query: '{ actor(id: "russia") { id } }' }, bearer(keys.read));
    expect(keyed.body.data).toEqual({ actor: { id: 'russia' } });
  });

  it('needs a key for reads when READS_REQUIRE_KEY is set', async () => {
    const closed = await startTestServer({ config: testConfig({ NEO4J_DATABASE: database, READS_REQUIRE_KEY: 'true' }), driver });
    try {
      const anonymous = await postGraphql(closed.url, { query: '{ actor(id: "russia") { id } }' });
      expect(anonymous.status).toBe(401);
      expect(errorOf(anonymous.body).extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.body.data ?? null).toBeNull();
      const keyed = await postGraphql(closed.url, { query: '{ actor(id: "russia") { id } }' }, bearer(keys.read));
      expect(keyed.body.data).toEqual({ actor: { id: 'russia' } });
      const revoked = await postGraphql(closed.url, { query: '{ actor(id: "russia") { id } }' }, bearer(keys.revoked));
      expect(revoked.status).toBe(401);
      expect(errorOf(revoked.body).message).toBe('Unknown or revoked API key');
    } finally {
      await closed.stop();
    }
  });
});

describe('a valid write', () => {
  it('creates the statement and the stance, each with a Change, visible to reads', async () => {
    const st = await postGraphql(api.url, { query: UPSERT_STATEMENT, variables: { input: statement() } }, bearer(keys.write));
    expect(st.body.errors).toBeUndefined();
    expect(st.body.data?.['upsertStatement']).toMatchObject({
      outcome: 'CREATED',
      entity: { id: 'stmt-test-fomin-new-talks', origin: `api:${SOURCE}` },
      change: { keyName: 'test analyst', operation: 'UPSERT_STATEMENT', outcome: 'CREATED' },
    });
    const res = await postGraphql(api.url, { query: UPSERT_STANCE, variables: { input: stance(), source: SOURCE } }, bearer(keys.write));
    expect(res.body.errors).toBeUndefined();
    const out = res.body.data?.['upsertStance'] as { outcome: string; change: { keyId: string; keyName: string; before: string | null } };
    expect(out.outcome).toBe('CREATED');
    expect(out.change).toMatchObject({ keyId: keys.write.slice(4, 16), keyName: 'test analyst', before: null });

    const read = await postGraphql(api.url, {
      query: `{
        entity(id: "stance-test-russia-open-to-talks") {
          ... on Stance { kind summary date { iso } holder { id } towards { id } evidence { id speaker { id } } sources { id } }
        }
        actor(id: "russia") { stances(first: 200) { edges { node { id } } } }
        changes(entityId: "stance-test-russia-open-to-talks") { totalCount edges { node { operation keyName entity { id } } } }
      }`,
    }, bearer(keys.read));
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.['entity']).toEqual({
      kind: 'OPEN_TO',
      summary: 'Russia is open to further talks with NATO.',
      date: { iso: '2022-01-13' },
      holder: { id: 'russia' },
      towards: { id: 'nato' },
      evidence: [{ id: 'stmt-test-fomin-new-talks', speaker: { id: 'alexander-fomin' } }],
      sources: [{ id: SOURCE }],
    });
    const stances = (read.body.data?.['actor'] as { stances: { edges: { node: { id: string } }[] } }).stances.edges.map((e) => e.node.id);
    expect(stances).toContain('stance-test-russia-open-to-talks');
    expect(read.body.data?.['changes']).toEqual({
      totalCount: 1,
      edges: [{ node: { operation: 'UPSERT_STANCE', keyName: 'test analyst', entity: { id: 'stance-test-russia-open-to-talks' } } }],
    });
  });

  it('changes nothing when repeated with the same id, and says so', async () => {
    const before = await count('MATCH (n) RETURN count(n)');
    const rels = await count('MATCH ()-[r]->() RETURN count(r)');
    const res = await postGraphql(api.url, { query: UPSERT_STANCE, variables: { input: stance(), source: SOURCE } }, bearer(keys.write));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.['upsertStance']).toMatchObject({ outcome: 'UNCHANGED', change: null });
    expect(await count('MATCH (n) RETURN count(n)')).toBe(before);
    expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(rels);
    expect(await count("MATCH (c:Change {entityId: 'stance-test-russia-open-to-talks'}) RETURN count(c)")).toBe(1);
  });

  it('creates a new id once when the same write arrives 8 times at once: one CREATED, the rest UNCHANGED', async () => {
    const input = statement({ id: 'stmt-test-concurrent', gloss: 'Sent eight times at once.' });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => postGraphql(api.url, { query: UPSERT_STATEMENT, variables: { input } }, bearer(keys.write))),
    );
    const outcomes = answers.map((a) => {
      expect(a.body.errors, a.text).toBeUndefined();
      return (a.body.data?.['upsertStatement'] as { outcome: string }).outcome;
    });
    expect(outcomes.filter((o) => o === 'CREATED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'UNCHANGED')).toHaveLength(7);
    expect(await count("MATCH (c:Change {entityId: 'stmt-test-concurrent'}) RETURN count(c)")).toBe(1);
    expect(await count("MATCH (s:Statement {id: 'stmt-test-concurrent'}) RETURN count(s)")).toBe(1);
  });

  it('corrects an API-written fact: UPDATED, with what changed in the audit trail', async () => {
    const res = await postGraphql(
      api.url,
      { query: UPSERT_STANCE, variables: { input: stance({ summary: [{ lang: 'en', text: 'Russia is open to more talks with NATO.' }], towards: null, issues: ['nato-enlargement'] }), source: SOURCE } },
      bearer(keys.write),
    );
    expect(res.body.errors).toBeUndefined();
    const out = res.body.data?.['upsertStance'] as { outcome: string; change: { fields: string[]; before: string; after: string } };
    expect(out.outcome).toBe('UPDATED');
    // The stored properties that changed: the text in the fallback order, its English, all languages joined.
    expect(out.change.fields).toEqual(['CONCERNS', 'TOWARDS', 'summary', 'summary.en', 'summaryAll']);
    expect(out.change.before).toContain('Russia is open to further talks with NATO.');
    expect(out.change.after).toContain('Russia is open to more talks with NATO.');
    expect(await count("MATCH (:Stance {id: 'stance-test-russia-open-to-talks'})-[r:TOWARDS]->() RETURN count(r)")).toBe(0);
    const trail = await postGraphql(api.url, { query: '{ changes(entityId: "stance-test-russia-open-to-talks", first: 1) { totalCount edges { node { outcome } } pageInfo { hasNextPage } } }' }, bearer(keys.read));
    expect(trail.body.data?.['changes']).toEqual({ totalCount: 2, edges: [{ node: { outcome: 'UPDATED' } }], pageInfo: { hasNextPage: true } });
  });

  it('filters the audit trail by key and by day', async () => {
    const keyId = keys.write.slice(4, 16);
    const today = new Date().toISOString().slice(0, 10);
    const q = (args: string) => postGraphql(api.url, { query: `{ changes(${args}) { totalCount } }` }, bearer(keys.read));
    expect(((await q(`keyId: "${keyId}"`)).body.data?.['changes'] as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(3);
    expect(((await q('keyId: "000000000000"')).body.data?.['changes'] as { totalCount: number }).totalCount).toBe(0);
    expect(((await q(`from: "${today}", to: "${today}", keyId: "${keyId}"`)).body.data?.['changes'] as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(3);
    expect(((await q(`to: "2000", keyId: "${keyId}"`)).body.data?.['changes'] as { totalCount: number }).totalCount).toBe(0);
    expect(((await q(`from: "${today}", to: "2000"`)).body.errors ?? [])[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'to' });
  });
});

describe('validation, as the seed loader validates', () => {
  const refused = async (query: string, variables: Record<string, unknown>) => {
    const nodes = await count('MATCH (n:Entity) RETURN count(n)');
    const res = await postGraphql(api.url, { query, variables }, bearer(keys.write));
    expect(await count('MATCH (n:Entity) RETURN count(n)')).toBe(nodes);
    return errorOf(res.body);
  };

  it('refuses a stance without evidence, naming the field', async () => {
    const empty = await refused(UPSERT_STANCE, { input: stance({ id: 'stance-test-no-evidence', evidence: [] }), source: SOURCE });
    expect(empty).toMatchObject({ message: 'a stance needs at least one evidence statement', extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.evidence' } });
    const { evidence: _evidence, ...withoutEvidence } = stance({ id: 'stance-test-no-evidence' });
    const missing = await refused(UPSERT_STANCE, { input: withoutEvidence, source: SOURCE });
    expect(missing.extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.message).toMatch(/evidence/);
  });

  it('refuses a bad date, and dates out of order', async () => {
    const bad = await refused(UPSERT_STATEMENT, { input: statement({ id: 'stmt-test-bad-date', said: '2022-02-30' }) });
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.message).toMatch(/said/);
    expect(bad.message).toMatch(/real calendar date/);
    const order = await refused(UPSERT_EVENT, {
      input: { id: 'event-test-out-of-order', kind: 'MEETING', name: [{ lang: 'en', text: 'A meeting' }], date: '2022-01-12', until: '2021-12' },
      source: SOURCE,
    });
    expect(order).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.until' } });
    expect(order.message).toBe('until (2021-12) is before date (2022-01-12)');
  });

  it('refuses references to nothing or to the wrong kind, and a bad source', async () => {
    const dangling = await refused(UPSERT_STANCE, { input: stance({ id: 'stance-test-x', holder: 'no-such-actor' }), source: SOURCE });
    expect(dangling).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.holder' } });
    expect(dangling.message).toBe('unknown actor "no-such-actor" (no actor with this id in the graph)');
    const wrongKind = await refused(UPSERT_STANCE, { input: stance({ id: 'stance-test-x', evidence: ['russia'] }), source: SOURCE });
    expect(wrongKind).toMatchObject({ message: '"russia" is an actor, expected a statement', extensions: { argumentName: 'input.evidence[0]' } });
    const noSource = await refused(UPSERT_STANCE, { input: stance({ id: 'stance-test-x' }), source: 'russia' });
    expect(noSource).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'source' } });
  });

  it('refuses names, aliases and texts that look empty: only whitespace, zero-width or control characters', async () => {
    for (const [field, value, path] of [
      ['name', [{ lang: 'en', text: '\u200B\u200C\u200D' }], 'name[0].text'],
      ['name', [{ lang: 'en', text: 'Visible' }, { lang: 'ru', text: ' \u2060\uFEFF ' }], 'name[1].text'],
      ['name', [{ lang: 'en', text: '\u0000\u0007\t' }], 'name[0].text'],
      ['aliases', ['Real alias', '\u200B'], 'aliases[1]'],
      ['description', [{ lang: 'en', text: '\u3164' }], 'description[0].text'],
    ] as const) {
      const input = { id: 'actor-test-invisible', kind: 'PERSON', name: [{ lang: 'en', text: 'Visible Name' }], [field]: value };
      const err = await refused(UPSERT_ACTOR, { input, source: SOURCE });
      expect(err.extensions?.code, JSON.stringify(value)).toBe('BAD_USER_INPUT');
      expect(String(err.extensions?.argumentName)).toBe(`input.${path}`);
      expect(err.message).toMatch(/only whitespace, zero-width or control characters/);
    }
    const statementErr = await refused(UPSERT_STATEMENT, { input: statement({ id: 'stmt-test-invisible', gloss: '\u200B' }) });
    expect(statementErr).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.gloss' } });
  });

  it('writes text per language: a language dropped from the input is gone from the node; a bad or repeated tag is refused at its entry', async () => {
    const actor = (name: Array<{ lang: string; text: string }>) => ({ input: { id: 'actor-test-languages', kind: 'PERSON', name }, source: SOURCE });
    const first = await postGraphql(api.url, { query: UPSERT_ACTOR, variables: actor([{ lang: 'en', text: 'Anna' }, { lang: 'ru', text: 'Анна' }]) }, bearer(keys.write));
    expect(first.body.data?.['upsertActor']).toMatchObject({ outcome: 'CREATED', entity: { name: 'Anna', names: { all: [{ lang: 'en', text: 'Anna' }, { lang: 'ru', text: 'Анна' }] } } });
    const second = await postGraphql(api.url, { query: UPSERT_ACTOR, variables: actor([{ lang: 'ru', text: 'Анна' }]) }, bearer(keys.write));
    expect(second.body.data?.['upsertActor']).toMatchObject({ outcome: 'UPDATED', entity: { name: 'Анна', names: { all: [{ lang: 'ru', text: 'Анна' }] } } });
    expect(await count("MATCH (a:Actor {id: 'actor-test-languages'}) RETURN size([k IN keys(a) WHERE k STARTS WITH 'name.'])")).toBe(1);
    const badTag = await refused(UPSERT_ACTOR, actor([{ lang: 'en', text: 'Anna' }, { lang: 'Russian', text: 'Анна' }]));
    expect(badTag).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.name[1].lang' } });
    expect(badTag.message).toMatch(/"Russian" is not a language tag/);
    const twice = await refused(UPSERT_ACTOR, actor([{ lang: 'en', text: 'Anna' }, { lang: 'en', text: 'Ann' }]));
    expect(twice).toMatchObject({ message: '"en" is given twice: give each language once', extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.name[1].lang' } });
  });

  it('refuses ids that are not slugs, and ids the seed files own', async () => {
    const slug = await refused(UPSERT_STANCE, { input: stance({ id: "x') DETACH DELETE n //" }), source: SOURCE });
    expect(slug).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.id' } });
    const owned = await refused(UPSERT_ACTOR, { input: { id: 'russia', kind: 'STATE', name: [{ lang: 'en', text: 'Renamed' }] }, source: SOURCE });
    expect(owned).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.id' } });
    expect(owned.message).toMatch(/seed file of source "nato-member-countries"|seed file of source "liputan6/);
  });

  it('stores Cypher-injection strings in every text input verbatim', async () => {
    const hostile = [
      "x'}) MATCH (n) DETACH DELETE n //",
      '" OR 1=1 WITH 1 AS x CALL db.clearQueryCaches() //',
      '`Entity`) DETACH DELETE n RETURN (`',
      '$(row.label) ${id} {{id}} \\u0027 \\" ; DROP CONSTRAINT entity_id',
    ];
    const entities = await count('MATCH (n:Entity) RETURN count(n)');
    const actor = await postGraphql(
      api.url,
      {
        query: UPSERT_ACTOR,
        variables: {
          input: { id: 'test-hostile-actor', kind: 'PERSON', name: [{ lang: 'en', text: hostile[0] }, { lang: 'id', text: hostile[1] }], aliases: hostile, description: [{ lang: 'en', text: hostile[2] }], note: hostile[3] },
          source: SOURCE,
        },
      },
      bearer(keys.write),
    );
    expect(actor.body.errors).toBeUndefined();
    const st = await postGraphql(
      api.url,
      { query: UPSERT_STATEMENT, variables: { input: statement({ id: 'stmt-test-hostile', speaker: 'test-hostile-actor', text: hostile[1], gloss: hostile[2], note: hostile[3] }) } },
      bearer(keys.write),
    );
    expect(st.body.errors).toBeUndefined();
    const sn = await postGraphql(
      api.url,
      { query: UPSERT_STANCE, variables: { input: stance({ id: 'stance-test-hostile', summary: [{ lang: 'en', text: hostile[0] }], note: hostile[1], evidence: ['stmt-test-hostile'] }), source: SOURCE } },
      bearer(keys.write),
    );
    expect(sn.body.errors).toBeUndefined();
    const src = await postGraphql(
      api.url,
      {
        query: 'mutation ($input: SourceInput!) { upsertSource(input: $input) { outcome } }',
        variables: { input: { id: 'test-hostile-source', kind: 'NEWS_REPORT', title: [{ lang: 'ru', text: hostile[0] }, { lang: 'en', text: hostile[1] }], language: 'ru', note: hostile[2], url: "https://example.org/?q=')%20DETACH%20DELETE%20n" } },
      },
      bearer(keys.write),
    );
    expect(src.body.errors).toBeUndefined();
    expect(await count('MATCH (n:Entity) RETURN count(n)')).toBe(entities + 4);
    const read = await postGraphql(api.url, {
      query: `{
        actor(id: "test-hostile-actor") { name nameIndonesian: name(lang: "id") aliases description note }
        statement(id: "stmt-test-hostile") { text gloss note }
        entity(id: "stance-test-hostile") { ... on Stance { summary note } }
        source(id: "test-hostile-source") { title titleInEnglish: title(lang: "en") titleRu: title(lang: "ru") note url }
      }`,
    });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data).toEqual({
      actor: { name: hostile[0], nameIndonesian: hostile[1], aliases: hostile, description: hostile[2], note: hostile[3] },
      statement: { text: hostile[1], gloss: hostile[2], note: hostile[3] },
      entity: { summary: hostile[0], note: hostile[1] },
      source: { title: hostile[1], titleInEnglish: hostile[1], titleRu: hostile[0], note: hostile[2], url: "https://example.org/?q=')%20DETACH%20DELETE%20n" },
    });
    expect(await count('SHOW CONSTRAINTS YIELD name WHERE name = "entity_id" RETURN count(*)')).toBe(1);
  });
});

describe('living with the seed loader', () => {
  it('keeps API-written facts when the seed files are loaded again', async () => {
    const { summary } = await runSeed(driver, { database });
    expect(summary.totals.nodes.deleted).toBe(0);
    expect(summary.totals.relationships.deleted).toBe(0);
    const read = await postGraphql(api.url, {
      query: '{ entity(id: "stance-test-russia-open-to-talks") { id ... on Stance { evidence { id } holder { id } } } statement(id: "stmt-test-fomin-new-talks") { id } }',
    });
    expect(read.body.data).toEqual({
      entity: { id: 'stance-test-russia-open-to-talks', evidence: [{ id: 'stmt-test-fomin-new-talks' }], holder: { id: 'russia' } },
      statement: { id: 'stmt-test-fomin-new-talks' },
    });
  });
});

describe('logs', () => {
  it('never contain an API key, even one sent in a query string or a failed authentication, at debug level', async () => {
    expect(testConfig().logLevel).toBe('debug');
    const q = encodeURIComponent('{ actor(id: "russia") { id } }');
    const preflight = { 'apollo-require-preflight': 'true' };
    for (const token of Object.values(keys)) {
      for (const name of ['api_key', 'key', 'token', 'access_token', 'API_KEY', 'apiKey']) {
        await fetch(`${api.url}/graphql?query=${q}&${name}=${encodeURIComponent(token)}`, { headers: preflight });
      }
      await fetch(`${api.url}/graphql?query=${q}&authorization=${encodeURIComponent(`Bearer ${token}`)}`, { headers: preflight });
      await fetch(`${api.url}/graphql?query=${q}`, { headers: { ...preflight, ...bearer(token) } });
      await fetch(`${api.url}/nowhere/${token}?key=${token}`, { headers: bearer(token) });
      await postGraphql(api.url, { query: UPSERT_STATEMENT, variables: { input: { id: 'stmt-test-log-probe' } } }, { authorization: `bearer  ${token}`, 'x-api-key': token });
    }
    // A key that fails (unknown, revoked or malformed) is not echoed either.
    await postGraphql(api.url, { query: '{ __typename }' }, bearer(`${keys.write}x`));
    await postGraphql(api.url, { query: '{ __typename }' }, { authorization: `Token ${keys.write}` });
  });

  it('never contain an API key', () => {
    const text = JSON.stringify(api.logs);
    expect(api.logs.length).toBeGreaterThan(10);
    for (const token of Object.values(keys)) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.slice(17));
    }
    expect(text).toContain('[redacted]');
  });
});
