/**
 * Relay cursors over real HTTP against the seeded Neo4j (issue 17, decision 0034): a
 * cursor holds its item's sort key, so the next page stays put when an entity is
 * written before the boundary; a cursor belongs to one connection; dated connections
 * read backwards with `last`/`before`; a search cursor is refused once the graph changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { testDatabase } from '../setup/neo4j.js';
import { postGraphql, type GraphqlBody } from '../server/harness.js';
import { startSeededServer, type SeededServer } from '../server/seeded-server.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field

let seeded: SeededServer;
let writeKey = '';

beforeAll(async () => {
  seeded = await startSeededServer();
  writeKey = (await createApiKey(seeded.driver, testDatabase(), { name: 'test cursors', scope: 'write' })).token;
});

afterAll(async () => {
  if (!seeded) return;
  await runSeed(seeded.driver, { database: testDatabase(), reset: true });
  await seeded.driver.executeQuery("MATCH (n) WHERE (n:Change OR n:ApiKey) AND (n.keyName = 'test cursors' OR n.name = 'test cursors') DETACH DELETE n", {}, { database: testDatabase() });
  await seeded.close();
});

async function data(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await postGraphql(seeded.api.url, { query, variables });
  expect(res.body.errors, res.text).toBeUndefined();
  return res.body.data;
}

async function refused(query: string, variables: Record<string, unknown> = {}): Promise<NonNullable<GraphqlBody['errors']>[number]> {
  const res = await postGraphql(seeded.api.url, { query, variables });
  expect(res.body.errors, res.text).toBeDefined();
  return res.body.errors![0]!;
}

/** Writes a statement by Russia through the API, dated `said`. */
async function writeStatement(id: string, said: string): Promise<void> {
  const input = {
    id,
    speaker: 'alexander-grushko',
    onBehalfOf: 'russia',
    mode: 'PARAPHRASE',
    text: 'Grushko mengatakan sesuatu.',
    language: 'id',
    gloss: 'Grushko said something.',
    said,
    source: 'liputan6-2022-01-14-nrc',
  };
  const res = await postGraphql(
    seeded.api.url,
    { query: 'mutation ($input: StatementInput!) { upsertStatement(input: $input) { outcome } }', variables: { input } },
    { authorization: `Bearer ${writeKey}` },
  );
  expect(res.body.errors, res.text).toBeUndefined();
  expect((res.body.data as Json).upsertStatement.outcome).toBe('CREATED');
}

const TIMELINE = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String, $order: SortOrder) {
    timeline(first: $first, after: $after, last: $last, before: $before, order: $order) {
      totalCount
      edges { cursor node { kind date { start } entity { id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;
const STATEMENTS = /* GraphQL */ `
  query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $order: SortOrder) {
    actor(id: $id) {
      statements(first: $first, after: $after, last: $last, before: $before, order: $order) {
        totalCount
        edges { cursor node { id said { start } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

const timelineIds = (t: Json): string[] => t.edges.map((e: Json) => e.node.entity.id);
const statementIds = (s: Json): string[] => s.edges.map((e: Json) => e.node.id);

/** Every item of a connection, page by page forwards (first/after) or backwards (last/before), in the connection's order. */
async function walk(read: (args: Record<string, unknown>) => Promise<Json>, ids: (c: Json) => string[], size: number, backward: boolean): Promise<string[]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await read(backward ? { last: size, before: cursor } : { first: size, after: cursor });
    pages.push(ids(page));
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return (backward ? pages.reverse() : pages).flat();
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

describe('reading backwards', () => {
  it('timeline last: 3 gives the 3 newest in ascending order, with hasPreviousPage; before pages backwards', async () => {
    const all = (await data(TIMELINE, { first: 200 })).timeline;
    expect(all.totalCount).toBeGreaterThan(6);
    const ids = timelineIds(all);
    const last = (await data(TIMELINE, { last: 3 })).timeline;
    expect(timelineIds(last)).toEqual(ids.slice(-3));
    const starts = last.edges.map((e: Json) => e.node.date.start as string);
    expect([...starts].sort()).toEqual(starts);
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(last.totalCount).toBe(all.totalCount);
    const before = (await data(TIMELINE, { last: 3, before: last.pageInfo.startCursor })).timeline;
    expect(timelineIds(before)).toEqual(ids.slice(-6, -3));
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('a walk of all pages forwards equals the walk backwards, for the timeline both ways and for an actor’s statements', async () => {
    for (const order of ['ASC', 'DESC']) {
      const read = async (args: Record<string, unknown>) => (await data(TIMELINE, { ...args, order })).timeline;
      const forwards = await walk(read, timelineIds, 4, false);
      expect(forwards).toEqual(timelineIds(await read({ first: 200 })));
      expect(await walk(read, timelineIds, 4, true)).toEqual(forwards);
      expect(new Set(forwards).size).toBe(forwards.length);
    }
    const read = async (args: Record<string, unknown>) => (await data(STATEMENTS, { id: 'russia', ...args })).actor.statements;
    const forwards = await walk(read, statementIds, 2, false);
    expect(forwards.length).toBeGreaterThan(2);
    expect(forwards).toEqual(statementIds(await read({ first: 200 })));
    expect(await walk(read, statementIds, 2, true)).toEqual(forwards);
  });

  it('DESC is exactly ASC reversed', async () => {
    const asc = timelineIds((await data(TIMELINE, { first: 200, order: 'ASC' })).timeline);
    const desc = timelineIds((await data(TIMELINE, { first: 200, order: 'DESC' })).timeline);
    expect(desc).toEqual([...asc].reverse());
  });

  it('refuses first with before and last with after, naming the argument', async () => {
    const first = await refused(TIMELINE, { first: 2, before: 'x' });
    expect(first.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'before' });
    expect(first.message).toMatch(/first\/after, or backwards with last\/before/);
    const last = await refused(TIMELINE, { last: 2, after: 'x' });
    expect(last.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect((await refused(TIMELINE, { last: 0 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'last' });
  });
});

describe('cursors bound to their connection', () => {
  it('refuses a cursor of another connection, of another entity, or with another order, saying whose it is', async () => {
    const page = (await data(STATEMENTS, { id: 'russia', first: 1 })).actor.statements;
    const cursor = page.pageInfo.endCursor as string;
    const timeline = await refused(TIMELINE, { first: 2, after: cursor });
    expect(timeline.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(timeline.message).toBe(
      'after is a cursor of Actor.statements of "russia" (role: ANY, order: DESC), not of Query.timeline (order: ASC): a cursor pages only the connection, with the same arguments, that gave it',
    );
    const backwards = await refused(TIMELINE, { last: 2, before: cursor });
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'before' });
    const otherActor = await refused(STATEMENTS, { id: 'nato', first: 2, after: cursor });
    expect(otherActor.message).toMatch(/^after is a cursor of Actor.statements of "russia" .* not of Actor.statements of "nato"/);
    const otherOrder = await refused(STATEMENTS, { id: 'russia', first: 2, after: cursor, order: 'ASC' });
    expect(otherOrder.message).toMatch(/not of Actor.statements of "russia" \(role: ANY, order: ASC\)/);
    const actors = await refused('query ($after: String) { actors(first: 2, after: $after) { totalCount } }', { after: cursor });
    expect(actors.message).toMatch(/not of Query.actors/);
  });

  it('refuses a timeline cursor under another filter', async () => {
    const FILTERED = 'query ($after: String, $actorIds: [ID!]) { timeline(filter: { actorIds: $actorIds }, first: 2, after: $after) { edges { node { title } } pageInfo { endCursor } } }';
    const cursor = (await data(FILTERED, { actorIds: ['russia'] })).timeline.pageInfo.endCursor;
    await data(FILTERED, { actorIds: ['russia'], after: cursor });
    const other = await refused(FILTERED, { actorIds: ['nato'], after: cursor });
    expect(other.message).toMatch(/^after is a cursor of Query.timeline \(filter: \{"actorIds":\["russia"\]\}, order: ASC\), not of Query.timeline \(filter: \{"actorIds":\["nato"\]\}, order: ASC\)/);
  });

  it('an edited cursor (an impossible date in its key) answers an empty page, not an error', async () => {
    const cursor = (await data(STATEMENTS, { id: 'russia', first: 1 })).actor.statements.pageInfo.endCursor as string;
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    body.k[0] = '2022-02-30';
    const edited = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
    const page = (await data(STATEMENTS, { id: 'russia', first: 2, after: edited })).actor.statements;
    expect(page.edges).toEqual([]);
  });

  it('refuses an offset cursor of the earlier API, and text that is no cursor', async () => {
    const old = Buffer.from('offset:1', 'utf8').toString('base64url');
    const error = await refused(TIMELINE, { first: 2, after: old });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(error.message).toMatch(/offset cursor of an earlier version of this API.*read the first page again/);
    expect((await refused(TIMELINE, { first: 2, after: 'not-a-cursor' })).message).toMatch(/not a cursor from this API/);
  });
});

describe('cursors that survive writes', () => {
  it('page 2 read with page 1’s cursor is the same after a statement is written before the boundary', async () => {
    const timelineBefore = (await data(TIMELINE, { first: 3 })).timeline;
    const timelinePage2 = (await data(TIMELINE, { first: 3, after: timelineBefore.pageInfo.endCursor })).timeline;
    const statementsBefore = (await data(STATEMENTS, { id: 'russia', first: 2, order: 'ASC' })).actor.statements;
    const statementsPage2 = (await data(STATEMENTS, { id: 'russia', first: 2, order: 'ASC', after: statementsBefore.pageInfo.endCursor })).actor.statements;
    const actorsBefore = (await data('{ actors(first: 3) { edges { node { id } } pageInfo { endCursor } } }')).actors;
    const search = (await data('{ search(text: "NATO", first: 2) { totalCount pageInfo { endCursor } } }')).search;
    const searchNext = '{ search(text: "NATO", first: 2, after: $after) { edges { node { id } } } }';
    // Unchanged graph: the search cursor still pages.
    await data(`query ($after: String) ${searchNext}`, { after: search.pageInfo.endCursor });

    // Oldest of all: first in ascending order, before both boundaries.
    await writeStatement('stmt-test-cursors-oldest', '1990-01-01');

    const timelineAfter = (await data(TIMELINE, { first: 3, after: timelineBefore.pageInfo.endCursor })).timeline;
    expect(timelineIds(timelineAfter)).toEqual(timelineIds(timelinePage2));
    expect(timelineAfter.totalCount).toBe(timelinePage2.totalCount + 1);
    expect(timelineIds((await data(TIMELINE, { first: 1 })).timeline)).toEqual(['stmt-test-cursors-oldest']);

    const statementsAfter = (await data(STATEMENTS, { id: 'russia', first: 2, order: 'ASC', after: statementsBefore.pageInfo.endCursor })).actor.statements;
    expect(statementIds(statementsAfter)).toEqual(statementIds(statementsPage2));
    expect(statementsAfter.totalCount).toBe(statementsPage2.totalCount + 1);

    // The next page of actors does not depend on how many come before (none were written).
    const actorsNext = (await data('query ($after: String) { actors(first: 3, after: $after) { edges { node { id } } } }', { after: actorsBefore.pageInfo.endCursor })).actors;
    expect(actorsNext.edges.map((e: Json) => e.node.id)).not.toContain(actorsBefore.edges[2].node.id);

    // A ranking's positions mean nothing once the graph changed: its cursor is refused.
    const stale = await refused(`query ($after: String) ${searchNext}`, { after: search.pageInfo.endCursor });
    expect(stale.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(stale.message).toMatch(/ranking that changed since.*run the search again/);
  });

  it('the audit trail pages by time and id, backwards as well', async () => {
    await writeStatement('stmt-test-cursors-second', '1991-01-01');
    const CHANGES = 'query ($first: Int, $after: String, $last: Int, $before: String) { changes(keyId: null, first: $first, after: $after, last: $last, before: $before) { totalCount edges { node { id entityId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }';
    const read = async (args: Record<string, unknown>) => (await data(CHANGES, args)).changes;
    const ids = (c: Json) => c.edges.map((e: Json) => e.node.id as string);
    const forwards = await walk(read, ids, 1, false);
    expect(forwards.length).toBeGreaterThanOrEqual(2);
    expect(await walk(read, ids, 1, true)).toEqual(forwards);
    // Newest first: the second write before the first.
    const newest = (await read({ first: 2 })).edges.map((e: Json) => e.node.entityId);
    expect(newest).toEqual(['stmt-test-cursors-second', 'stmt-test-cursors-oldest']);
  });
});
