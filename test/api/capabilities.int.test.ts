/**
 * Every capability of the API, as a client uses it: the example operations of
 * docs/queries sent over real HTTP to the real server over the seeded real Neo4j,
 * with the answers the NRC report supports. Also counts the Cypher round trips of
 * each operation: at most one per resolver level, whatever the list sizes.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphContext, type GraphContext } from '../../src/graphql/context.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';
import { failFastDriverOptions, postGraphql, startTestServer, testConfig, type GraphqlBody, type TestServer } from '../server/harness.js';
import { exampleOperation, exampleOperations, fieldLevels } from './example-operations.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field

let driver: Driver;
let api: TestServer;
const contexts: GraphContext[] = [];

beforeAll(async () => {
  driver = openDriver(testConnection(), failFastDriverOptions);
  await runSeed(driver, { database: testDatabase() });
  api = await startTestServer({
    config: testConfig({ NEO4J_DATABASE: testDatabase() }),
    driver,
    createContext: (deps) => {
      const ctx = createGraphContext(deps);
      contexts.push(ctx);
      return ctx;
    },
  });
});

afterAll(async () => {
  await api?.stop();
  await driver?.close();
});

beforeEach(() => {
  contexts.length = 0;
});

/** Runs an operation; fails the test on any GraphQL error. */
async function run(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await postGraphql(api.url, { query, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  expect(res.status).toBe(200);
  return res.body.data;
}

/** Runs docs/queries/<name>.graphql, its variables' defaults overridden by `variables`. */
async function example(name: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const op = exampleOperation(name);
  return run(op.query, variables);
}

/** Runs an operation expected to fail; returns its errors. */
async function failing(query: string, variables: Record<string, unknown> = {}): Promise<NonNullable<GraphqlBody['errors']>> {
  const res = await postGraphql(api.url, { query, variables });
  expect(res.body.errors, res.text).toBeDefined();
  return res.body.errors!;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('1. find', () => {
  it('finds the issue labelled in English from an Indonesian search, and opens it by id', async () => {
    const data = await example('1-find');
    const top = data.search.edges[0];
    expect(top).toMatchObject({ kind: 'ISSUE', node: { id: 'nato-enlargement', label: 'NATO enlargement' } });
    expect(data.entity).toEqual({ id: 'nato-enlargement', entityKind: 'ISSUE', label: 'NATO enlargement', origin: 'liputan6-2022-01-14-nrc' });
    const scores = data.search.edges.map((e: Json) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('ignores case and diacritics: "rusia", "RÚSIA" and "Rusia" all find Russia first', async () => {
    for (const text of ['rusia', 'RÚSIA', 'Rusia']) {
      const data = await example('1-find', { text, kinds: ['ACTOR'] });
      expect(data.search.edges[0].node.id, text).toBe('russia');
      expect(data.search.edges.every((e: Json) => e.kind === 'ACTOR')).toBe(true);
    }
  });

  it('pages through hits with cursors, without repeating one', async () => {
    const first = await example('1-find', { text: 'NATO' });
    expect(first.search.pageInfo.hasNextPage).toBe(true);
    const next = await example('1-find', { text: 'NATO', after: first.search.pageInfo.endCursor });
    const seen = new Set(first.search.edges.map((e: Json) => e.node.id));
    expect(next.search.edges.length).toBeGreaterThan(0);
    for (const e of next.search.edges) expect(seen.has(e.node.id)).toBe(false);
  });
});

describe('2. actor profile', () => {
  it("shows Grushko's office, whom he speaks for, his statements, events and the sources that mention him", async () => {
    const { actor } = await example('2-actor-profile');
    expect(actor.kind).toBe('PERSON');
    expect(actor.offices.map((o: Json) => o.organization.id)).toContain('russian-foreign-ministry');
    expect(ids(actor.speaksFor)).toContain('russia');
    expect(actor.statements.totalCount).toBeGreaterThanOrEqual(5);
    for (const { node } of actor.statements.edges) {
      expect(node.speaker.label).toBe('Alexander Grushko');
      expect(node.text.length).toBeGreaterThan(0);
      expect(node.gloss.length).toBeGreaterThan(0);
    }
    expect(actor.events.edges.map((e: Json) => e.node.event.id)).toContain('nrc-meeting-2022-01-12');
    expect(ids(actor.mentionedIn)).toContain('liputan6-2022-01-14-nrc');
  });

  it("shows Germany's dated NATO membership, and the demands Russia made of NATO from both ends", async () => {
    const germany = (await example('2-actor-profile', { id: 'germany' })).actor;
    const nato = germany.memberships.find((m: Json) => m.organization.id === 'nato');
    expect(nato.from.iso).toBe('1955-05-06');
    expect(nato.until).toBeNull();
    const russia = (await example('2-actor-profile', { id: 'russia' })).actor;
    expect(ids(russia.demandsMade)).toContain('demand-nato-stop-enlargement');
    const alliance = (await example('2-actor-profile', { id: 'nato' })).actor;
    expect(ids(alliance.demandsReceived)).toContain('demand-nato-stop-enlargement');
    expect(alliance.stances.edges.map((e: Json) => e.node.id)).toContain('stance-nato-rejects-stop-enlargement');
  });
});

describe('3. demand thread', () => {
  it("lists the NATO allies' rejection of Russia's no-enlargement demand with its date, quote and source", async () => {
    const { demand } = await example('3-demand-thread');
    expect(ids(demand.by)).toEqual(['russia']);
    expect(ids(demand.of)).toEqual(['nato']);
    expect(demand.since).toEqual({ iso: '2021-12', precision: 'MONTH' });
    expect(demand.instrument.id).toBe('russia-security-proposals-2021-12');
    const rejection = demand.responses.find((r: Json) => r.id === 'stance-nato-rejects-stop-enlargement');
    expect(rejection).toMatchObject({ kind: 'REJECTS', date: { iso: '2022-01-12', precision: 'DAY' }, holder: { id: 'nato' } });
    expect(ids(rejection.sources)).toContain('liputan6-2022-01-14-nrc');
    const quote = rejection.evidence[0];
    expect(quote.language).toBe('id');
    expect(quote.text).toMatch(/menolak/);
    expect(quote.gloss).toMatch(/reject/i);
    expect(quote.source.id).toBe('liputan6-2022-01-14-nrc');
    expect(demand.status.state).toBe('REJECTED');
  });

  it("names the allies' rejection as the latest response, and none before it", async () => {
    const query = `query($asOf: Date) { demand(id: "demand-nato-stop-enlargement") { status(asOf: $asOf) { latestResponse { id date { iso } holder { id } } } } }`;
    expect((await run(query, { asOf: '2022-01-31' })).demand.status.latestResponse).toEqual({
      id: 'stance-nato-rejects-stop-enlargement',
      date: { iso: '2022-01-12' },
      holder: { id: 'nato' },
    });
    expect((await run(query, { asOf: '2022-01-11' })).demand.status.latestResponse).toBeNull();
  });

  it('knows the demand was still open before the allies answered', async () => {
    const { demand } = await example('3-demand-thread', { asOf: '2022-01-11' });
    expect(demand.status).toMatchObject({ asOf: '2022-01-11', state: 'OPEN', counts: [] });
  });
});

describe('4. positions', () => {
  it("marks Germany's rejection as derived and explains it: through NATO's rejection, member since 1955", async () => {
    const { positions } = await example('4-positions');
    const germany = positions.positions.find((p: Json) => p.actor.id === 'germany');
    expect(germany).toMatchObject({ kind: 'REJECTS', derived: true, basis: 'INHERITED', stance: { id: 'stance-nato-rejects-stop-enlargement' } });
    expect(germany.via).toEqual({ id: 'germany-in-nato', organization: { id: 'nato', label: 'North Atlantic Treaty Organization' }, from: { iso: '1955-05-06' } });
    expect(germany.reasoning).toMatch(/North Atlantic Treaty Organization.*1955/);
    expect(germany.evidence.length).toBeGreaterThan(0);
    const nato = positions.positions.find((p: Json) => p.actor.id === 'nato');
    expect(nato).toMatchObject({ kind: 'REJECTS', derived: false, basis: 'STATED' });
    expect(positions.positions.find((p: Json) => p.actor.id === 'russia')).toMatchObject({ kind: 'SUPPORTS', basis: 'DEMANDED' });
    expect(positions.positions.filter((p: Json) => p.basis === 'INHERITED')).toHaveLength(30);
  });

  it('respects the date: before 12 January 2022 nobody had rejected it yet', async () => {
    const { positions } = await example('4-positions', { asOf: '2022-01-11' });
    expect(positions.positions.filter((p: Json) => p.kind === 'REJECTS')).toEqual([]);
  });

  it('answers for an issue too', async () => {
    const { positions } = await example('4-positions', { demandId: null, issueId: 'arms-control' });
    expect(positions.positions.map((p: Json) => `${p.actor.id}:${p.kind}`)).toEqual(expect.arrayContaining(['russia:OPEN_TO', 'nato:OPEN_TO']));
  });
});

describe('5. agreement', () => {
  it('Russia and Germany disagree on the no-enlargement demand and agree on arms-control talks, with evidence on both sides', async () => {
    const { agreement } = await example('5-agreement');
    const verdict = (id: string) => agreement.topics.find((t: Json) => t.topic.id === id)?.verdict;
    expect(verdict('demand-nato-stop-enlargement')).toBe('DISAGREE');
    expect(verdict('arms-control')).toBe('AGREE');
    expect(agreement.disagreeCount).toBe(agreement.topics.filter((t: Json) => t.verdict === 'DISAGREE').length);
    const topic = agreement.topics.find((t: Json) => t.topic.id === 'arms-control');
    for (const p of topic.positions) expect(p.evidence.length, p.actor.id).toBeGreaterThan(0);
  });

  it('shows each topic and position in full: labels, and reasoning that quotes the stance or names the membership', async () => {
    const { agreement } = await example('5-agreement');
    for (const t of agreement.topics) {
      expect(t.topic.label, t.topic.id).not.toBe(t.topic.id);
      expect(t.topic.label.length).toBeGreaterThan(0);
      for (const p of t.positions) {
        if (p.derived) expect(p.reasoning).toMatch(/ inherits .+ as a member of .+ since \d{4}/);
        else expect(p.reasoning).toMatch(/\): \S|made this demand/);
        expect(p.reasoning).not.toMatch(/undefined|null/);
      }
    }
    const derived = agreement.topics.flatMap((t: Json) => t.positions).filter((p: Json) => p.derived);
    expect(derived.length).toBeGreaterThan(0);
  });
});

describe('6. connections', () => {
  it('joins Stoltenberg and Grushko by a path, with relationship types and properties', async () => {
    const { paths } = await example('6-paths');
    expect(paths.paths.length).toBeGreaterThan(0);
    for (const path of paths.paths) {
      expect(path.nodes[0].id).toBe('jens-stoltenberg');
      expect(path.nodes.at(-1).id).toBe('alexander-grushko');
      expect(path.edges).toHaveLength(path.length);
      expect(path.length).toBeLessThanOrEqual(4);
    }
    const edge = paths.paths[0].edges[0];
    expect(edge.type).toMatch(/^[A-Z_]+$/);
    expect(() => JSON.parse(edge.properties ?? '{}')).not.toThrow();
  });

  it('names both ends, with or without a path between them', async () => {
    const { paths } = await example('6-paths');
    expect([paths.from.label, paths.to.label]).toEqual([expect.stringMatching(/Stoltenberg/), expect.stringMatching(/Grushko/)]);
    const none = (await example('6-paths', { maxHops: 1 })).paths;
    expect([none.from.label, none.to.label]).toEqual([paths.from.label, paths.to.label]);
  });

  it.each([['from'], ['to']])('an unknown %s id is NOT_FOUND naming it', async (end) => {
    const res = await postGraphql(api.url, { query: exampleOperation('6-paths').query, variables: { [end]: 'no-such-entity' } });
    expect(res.body.data).toEqual({ paths: null }); // only the failed root field is null
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.body.errors?.[0]?.message).toMatch(/no-such-entity/);
  });

  it('finds no path within one hop, and bounds the count', async () => {
    expect((await example('6-paths', { maxHops: 1 })).paths.paths).toEqual([]);
    expect((await example('6-paths', { first: 1 })).paths.paths).toHaveLength(1);
  });

  it('draws the neighbourhood of the meeting: only the kinds asked, edges between returned nodes', async () => {
    const { neighbourhood } = await example('6-neighbourhood');
    const nodeIds = new Set(ids(neighbourhood.nodes));
    expect(nodeIds.has('nrc-meeting-2022-01-12')).toBe(true);
    expect(nodeIds.has('jens-stoltenberg')).toBe(true);
    expect(nodeIds.has('alexander-grushko')).toBe(true);
    for (const n of neighbourhood.nodes) expect(['ACTOR', 'EVENT']).toContain(n.kind);
    for (const e of neighbourhood.edges) {
      expect(nodeIds.has(e.source) && nodeIds.has(e.target), e.id).toBe(true);
    }
    const small = (await example('6-neighbourhood', { limit: 3 })).neighbourhood;
    expect(small.nodes).toHaveLength(4); // the meeting and its 3 nearest neighbours
    expect(small.truncated).toBe(true);
  });
});

describe('7. timeline', () => {
  it("lists Russia's events, statements and stances in time order within the range, keeping month precision", async () => {
    const { timeline } = await example('7-timeline', { first: 50 });
    const items = timeline.edges.map((e: Json) => e.node);
    expect(items.length).toBe(timeline.totalCount);
    const isos = items.map((i: Json) => i.date.iso);
    for (let i = 1; i < isos.length; i++) expect(isos[i - 1].slice(0, 7) <= isos[i].slice(0, 7), `${isos[i - 1]} then ${isos[i]}`).toBe(true);
    // Periods overlap the range: a year-precision item of 2021 counts, as its year overlaps October 2021.
    for (const { date } of items) expect(date.end >= '2021-10-01' && date.start <= '2022-01-12', date.iso).toBe(true);
    expect(items.find((i: Json) => i.entity.id === 'russia-suspends-mission-to-nato-2021-10')?.date).toEqual({ iso: '2021-10', precision: 'MONTH', start: '2021-10-01', end: '2021-10-31' });
    expect(new Set(items.map((i: Json) => i.kind))).toEqual(new Set(['EVENT', 'STATEMENT', 'STANCE']));
  });

  it('pages with cursors, and newest first when asked', async () => {
    const first = (await example('7-timeline', { first: 3 })).timeline;
    const next = (await example('7-timeline', { first: 3, after: first.pageInfo.endCursor })).timeline;
    const all = (await example('7-timeline', { first: 6 })).timeline;
    expect([...first.edges, ...next.edges].map((e: Json) => e.node.entity.id)).toEqual(all.edges.map((e: Json) => e.node.entity.id));
    const desc = (await example('7-timeline', { order: 'DESC', first: 1 })).timeline;
    expect(desc.edges[0].node.date.iso >= all.edges.at(-1).node.date.iso).toBe(true);
  });
});

describe('8. provenance', () => {
  it("traces the allies' rejection to the report and the quote that supports it", async () => {
    const { provenance } = await example('8-provenance');
    expect(provenance.entity).toMatchObject({ id: 'stance-nato-rejects-stop-enlargement', entityKind: 'STANCE' });
    expect(ids(provenance.sources)).toContain('liputan6-2022-01-14-nrc');
    expect(provenance.evidence.map((s: Json) => s.id)).toContain('stmt-dwi-allies-reject');
  });

  it("traces Fomin's statement through Interfax", async () => {
    const fomin = await run(exampleOperation('8-provenance').query, { id: 'stmt-fomin-de-escalation-ignored' });
    const statement = fomin.provenance.evidence.find((s: Json) => s.id === 'stmt-fomin-de-escalation-ignored') ?? null;
    const sources = ids(fomin.provenance.sources);
    expect(sources.length + (statement ? 1 : 0)).toBeGreaterThan(0);
    expect(JSON.stringify(fomin.provenance)).toMatch(/interfax/i);
  });
});

describe('9. corroboration', () => {
  it("gives every page's words for Stoltenberg's sentence, and counts DW Indonesia's copies as one origin", async () => {
    const { statement } = await example('9-corroboration');
    expect(statement).toMatchObject({ id: 'stmt-stoltenberg-differences', language: 'id', source: { id: 'liputan6-2022-01-14-nrc' } });
    expect(statement.reports.map((r: Json) => [r.language, r.text]).sort()).toEqual([
      ['en', 'Our differences will not be easy to bridge.'],
      ['id', 'Perbedaan kami tidak akan mudah untuk dijembatani,'],
      ['id', 'Perbedaan kita tidak akan mudah untuk dijembatani,'],
    ]);
    expect(statement.corroboration).toMatchObject({ count: 4, languages: ['en', 'id'], origins: 3 });
  });
});

describe('bounded lists', () => {
  it('pages the responses of a demand with first and offset, oldest first, and filters them by kind', async () => {
    const query = `query($first: Int, $offset: Int, $kind: StanceKind) { demand(id: "demand-nato-withdraw-forces-from-eastern-members") { responses(kind: $kind, first: $first, offset: $offset) { id kind date { start } } } }`;
    const all = (await run(query, {})).demand.responses;
    expect(all.length).toBeGreaterThan(0);
    const starts = all.map((r: Json) => r.date.start);
    expect([...starts].sort()).toEqual(starts);
    const second = (await run(query, { first: 1, offset: 1 })).demand.responses;
    expect(second).toEqual(all.slice(1, 2));
    expect((await run(query, { kind: 'SUPPORTS' })).demand.responses).toEqual(all.filter((r: Json) => r.kind === 'SUPPORTS'));
    expect((await run(query, { kind: 'REJECTS' })).demand.responses.map((r: Json) => r.id)).toContain('stance-nato-rejects-withdrawal-from-east');
  });

  it("bounds the sources mentioning an actor, and agreement topics, which can filter by verdict", async () => {
    const mentioned = `query($first: Int, $offset: Int) { actor(id: "russia") { mentionedIn(first: $first, offset: $offset) { id } } }`;
    const all = (await run(mentioned, {})).actor.mentionedIn;
    expect((await run(mentioned, { first: 1 })).actor.mentionedIn).toEqual(all.slice(0, 1));
    const made = `query($first: Int, $offset: Int) { actor(id: "russia") { demandsMade(first: $first, offset: $offset) { id since { start } } } }`;
    const demands = (await run(made, {})).actor.demandsMade;
    // Three since decision 0041 made the two wordings of "no further enlargement" one demand.
    expect(demands.length).toBeGreaterThanOrEqual(3);
    expect((await run(made, { first: 2, offset: 1 })).actor.demandsMade).toEqual(demands.slice(1, 3));
    const agreement = `query($verdicts: [AgreementVerdict!], $first: Int) { agreement(actorIds: ["russia", "germany"], asOf: "2022-01-12") { agreeCount disagreeCount topics(verdicts: $verdicts, first: $first) { verdict } } }`;
    const everything = (await run(agreement, {})).agreement;
    const agreeing = (await run(agreement, { verdicts: ['AGREE'] })).agreement;
    expect(agreeing.topics).toHaveLength(everything.agreeCount);
    expect(agreeing.topics.every((t: Json) => t.verdict === 'AGREE')).toBe(true);
    expect((await run(agreement, { first: 1 })).agreement).toMatchObject({ topics: [everything.topics[0]], agreeCount: everything.agreeCount });
  });

  it.each([
    ['first: 0', '{ demand(id: "demand-nato-stop-enlargement") { responses(first: 0) { id } } }', 'first'],
    ['first: 501', '{ actor(id: "russia") { mentionedIn(first: 501) { id } } }', 'first'],
    ['offset: -1', '{ agreement(actorIds: ["russia", "germany"]) { topics(offset: -1) { verdict } } }', 'offset'],
  ])('%s is BAD_USER_INPUT naming the argument', async (_, query, argumentName) => {
    const errors = await failing(query);
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });
});

describe('errors', () => {
  it('an unknown id gives null and NOT_FOUND naming the id', async () => {
    const res = await postGraphql(api.url, { query: exampleOperation('3-demand-thread').query, variables: { id: 'no-such-demand' } });
    expect(res.body.data).toEqual({ demand: null });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.body.errors?.[0]?.message).toMatch(/no-such-demand/);
  });

  it('an id of the wrong kind is NOT_FOUND for that kind', async () => {
    const errors = await failing('query { actor(id: "demand-nato-stop-enlargement") { id } }');
    expect(errors[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it.each([
    ['paths maxHops', '6-paths', { maxHops: 99 }, 'maxHops'],
    ['paths first', '6-paths', { first: 0 }, 'first'],
    ['paths to itself', '6-paths', { to: 'jens-stoltenberg' }, 'toId'],
    ['positions with both ids', '4-positions', { issueId: 'arms-control' }, 'issueId'],
    ['agreement with one actor', '5-agreement', { actorIds: ['russia'] }, 'actorIds'],
    ['search with empty text', '1-find', { text: '   ' }, 'text'],
    ['timeline with a foreign cursor', '7-timeline', { after: 'not-a-cursor' }, 'after'],
    ['neighbourhood too deep', '6-neighbourhood', { depth: 9 }, 'depth'],
  ])('%s: BAD_USER_INPUT naming the argument', async (_, name, variables, argumentName) => {
    const op = exampleOperation(name);
    const errors = await failing(op.query, variables);
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  it('an impossible date is BAD_USER_INPUT naming the variable and the value', async () => {
    const op = exampleOperation('4-positions');
    const errors = await failing(op.query, { asOf: '2022-02-30' });
    expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors[0]?.message).toMatch(/asOf/);
    expect(errors[0]?.message).toMatch(/2022-02-30/);
  });

  it('an unknown enum value is BAD_USER_INPUT naming the variable', async () => {
    const op = exampleOperation('1-find');
    const errors = await failing(op.query, { kinds: ['COUNTRY'] });
    expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors[0]?.message).toMatch(/kinds/);
  });
});

describe('cost in Cypher round trips', () => {
  it.each(exampleOperations().map((op) => [op.name, op] as const))(
    '%s: at most one Cypher query per resolver level',
    async (_, op) => {
      await run(op.query);
      expect(contexts).toHaveLength(1);
      expect(contexts[0]!.reader.roundTrips).toBeGreaterThan(0);
      expect(contexts[0]!.reader.roundTrips).toBeLessThanOrEqual(fieldLevels(op.query));
    },
  );

  it('an agreement reads the properties of its topics and stances only when the selection shows them', async () => {
    const trips = async (selection: string) => {
      contexts.length = 0;
      const data = await run(`{ agreement(actorIds: ["russia", "germany"], asOf: "2022-01-12") { agreeCount topics { verdict topic { id } positions { actor { id } kind ${selection} } } } }`);
      return { data: data.agreement, roundTrips: contexts[0]!.reader.roundTrips };
    };
    const ids = await trips('derived date { iso end approximate } stance { id kind date { iso end } }');
    const shown = await trips('derived date { iso end approximate } stance { id kind date { iso end } summary } reasoning');
    expect(shown.roundTrips).toBe(ids.roundTrips + 1);
    const topics = (d: Json) => d.topics.map((t: Json) => ({ ...t, positions: t.positions.map(({ reasoning: _, stance, ...p }: Json) => ({ ...p, stance: stance && { ...stance, summary: undefined } })) }));
    expect(topics(ids.data)).toEqual(topics(shown.data));
    expect(ids.data.agreeCount).toBe(shown.data.agreeCount);
    for (const p of shown.data.topics.flatMap((t: Json) => t.positions)) if (p.stance) expect(p.stance.summary.length).toBeGreaterThan(0);
  });

  it('reads an agreement over every topic and its actors in one round trip, and still names an unknown actor (decision 0061)', async () => {
    const query = `query($ids: [ID!]!, $issueId: ID) { agreement(actorIds: $ids, asOf: "2022-01-12", issueId: $issueId) { actors { id name } agreeCount disagreeCount topics(first: 5) { verdict topic { id } } } }`;
    const trips = async (variables: Record<string, unknown>) => {
      contexts.length = 0;
      const res = await postGraphql(api.url, { query, variables });
      return { body: res.body as Json, roundTrips: contexts[0]!.reader.roundTrips, queries: contexts[0]!.reader.queryCount };
    };
    const all = await trips({ ids: ['russia', 'germany'] });
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data.agreement.actors.map((a: Json) => a.id)).toEqual(['russia', 'germany']);
    expect(all.body.data.agreement.agreeCount + all.body.data.agreement.disagreeCount).toBeGreaterThan(0);
    expect({ roundTrips: all.roundTrips, queries: all.queries }).toEqual({ roundTrips: 1, queries: 2 });
    // With an issue its sub-issues are read first: more round trips, and the same verdicts for the issue's topics.
    const issue = await trips({ ids: ['russia', 'germany'], issueId: 'european-security' });
    expect(issue.body.errors).toBeUndefined();
    expect(issue.roundTrips).toBeGreaterThan(1);
    const unknown = await trips({ ids: ['russia', 'no-such-actor'] });
    expect(unknown.body.data?.agreement ?? null).toBeNull();
    expect(unknown.body.errors.map((e: Json) => [e.extensions.code, e.message.includes('no-such-actor')])).toEqual([['NOT_FOUND', true]]);
  });

  it('costs the same round trips for the 30 members of 2022 as for the 12 of 1950: the count does not grow with list sizes', async () => {
    const query = `query($asOf: Date) { actor(id: "nato") { members(asOf: $asOf) { member { label memberships { organization { label } from { iso } } } } } }`;
    const trips = async (asOf: string) => {
      contexts.length = 0;
      const data = await run(query, { asOf });
      return { members: data.actor.members.length, roundTrips: contexts[0]!.reader.roundTrips, queries: contexts[0]!.reader.queryCount };
    };
    const early = await trips('1950-01-01');
    const late = await trips('2022-01-12');
    expect(early.members).toBe(12);
    expect(late.members).toBe(30);
    expect(late.roundTrips).toBe(early.roundTrips);
    expect(late.queries).toBe(early.queries);
    expect(late.roundTrips).toBeLessThanOrEqual(fieldLevels(query));
  });
});

describe('10. conflicts', () => {
  it('keeps the meeting’s three durations side by side, each with its sources and languages', async () => {
    const { event } = await example('9-conflicts');
    const duration = event.disputes.find((d: Json) => d.group === 'duration');
    expect(duration.working).toBe('240');
    expect(duration.alternatives.map((a: Json) => [a.qualifier, a.value, a.languages])).toEqual(
      expect.arrayContaining([
        ['EXACT', '240', ['en', 'id']],
        ['MORE_THAN', '240', ['en']],
        ['LESS_THAN', '300', ['de']],
      ]),
    );
  });
});

describe('11. provenance per fact', () => {
  it('attributes the Russia-US talks’ venue and day to the pages that say so, not to the Indonesian report', async () => {
    const { provenance } = await example('8-provenance-per-fact');
    for (const group of ['place', 'when']) {
      const g = provenance.groups.find((x: Json) => x.group === group);
      const sources = g.assertions.map((a: Json) => a.source.id);
      expect(sources).toContain('stl-news-2022-01-11-state-department-ssd');
      expect(sources).not.toContain('liputan6-2022-01-14-nrc');
    }
    const venue = provenance.relationships.find((r: Json) => r.type === 'TOOK_PLACE_IN');
    expect(venue.other.id).toBe('geneva');
  });
});
