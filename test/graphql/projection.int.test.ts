/**
 * Lookups that read their whole selection in one query (docs/decisions/0008) answer
 * exactly what the resolver-by-resolver reads answer: the same operations go over
 * real HTTP to two servers over the same seeded Neo4j, one reading lookups in one
 * query and one not, and their data and errors must be equal. Also: how many
 * round trips and queries the one-query lookups take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphContext, type GraphContext } from '../../src/graphql/context.js';
import { testDatabase } from '../setup/neo4j.js';
import { postGraphql, startTestServer, testConfig, type TestServer } from '../server/harness.js';
import { startSeededServer, type SeededServer } from '../server/seeded-server.js';
import { exampleOperations } from '../api/example-operations.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are compared whole

let seeded: SeededServer;
let projected: TestServer;
let resolverByResolver: TestServer;
let lastContext: GraphContext | null = null;

beforeAll(async () => {
  seeded = await startSeededServer({ createContext: (deps) => (lastContext = createGraphContext(deps)) });
  projected = seeded.api;
  resolverByResolver = await startTestServer({
    config: testConfig({ NEO4J_DATABASE: testDatabase() }),
    driver: seeded.driver,
    createContext: (deps) => createGraphContext({ ...deps, projectLookups: false }),
  });
});

afterAll(async () => {
  await resolverByResolver?.stop();
  await seeded?.close();
});

/** Sends an operation to both servers; expects equal data and errors; returns the projected answer and its cost. */
async function both(query: string, variables: Record<string, unknown> = {}): Promise<{ body: Json; roundTrips: number; queries: number }> {
  const [a, b] = await Promise.all([postGraphql(projected.url, { query, variables }), postGraphql(resolverByResolver.url, { query, variables })]);
  const neo4j = (a.body as Json).extensions?.neo4j;
  const cost = { roundTrips: neo4j?.roundTrips, queries: neo4j?.queries };
  expect({ data: a.body.data, errors: a.body.errors }).toEqual({ data: b.body.data, errors: b.body.errors });
  return { body: a.body, ...cost };
}

const ACTOR_PROFILE = `query ($id: ID!) {
  actor(id: $id) {
    id name kind
    memberships { from { iso } organization { id name } }
    stances(first: 10) { totalCount edges { node { id kind summary date { iso } } } }
    statements(first: 10, role: SPEAKER) { totalCount edges { node { id text said { iso } } } }
    demandsMade { id summary }
  }
}`;

const DEMAND_THREAD = `query ($id: ID!) {
  demand(id: $id) {
    id summary since { iso }
    by { id name }
    of { id name }
    responses { id kind date { iso } holder { id name } evidence { id text } }
  }
}`;

describe('one query per lookup', () => {
  it('answers every docs/queries example exactly as resolver-by-resolver reads do', async () => {
    for (const op of exampleOperations()) {
      const { body } = await both(op.query);
      expect(body.errors, op.name).toBeUndefined();
    }
  });

  it('reads an actor profile in one query and one round trip, with the same answer', async () => {
    const { body, roundTrips, queries } = await both(ACTOR_PROFILE, { id: 'alexander-grushko' });
    expect(body.data.actor.statements.totalCount).toBeGreaterThan(3);
    expect(body.data.actor.statements.edges[0].node.said.iso).toBe('2022-01-12');
    expect({ roundTrips, queries }).toEqual({ roundTrips: 1, queries: 1 });
    expect(lastContext!.reader.queryCount).toBe(1);
  });

  it('reads a demand thread in one query, every response with its holder and evidence', async () => {
    const { body, roundTrips, queries } = await both(DEMAND_THREAD, { id: 'demand-nato-stop-enlargement' });
    const rejection = body.data.demand.responses.find((r: Json) => r.id === 'stance-nato-rejects-stop-enlargement');
    expect(rejection).toMatchObject({ kind: 'REJECTS', holder: { id: 'nato' } });
    expect(rejection.evidence.length).toBeGreaterThan(0);
    expect({ roundTrips, queries }).toEqual({ roundTrips: 1, queries: 1 });
  });

  it('collects fields as graphql-js does: aliases, fragments, type conditions, @skip and @include', async () => {
    const query = `query ($skip: Boolean!, $with: Boolean!) {
      a: actor(id: "nato") { ...Who members { member { id } } }
      b: actor(id: "alexander-grushko") {
        ... on Entity { id }
        ... on Actor { offices { title organization { id name } } }
        first: statements(first: 2, order: ASC) { edges { node { id said { iso } } } }
        last: statements(first: 2) { totalCount edges { cursor node { id source { id title } } } }
        speaker: statements(role: SPEAKER) @skip(if: $skip) { totalCount }
        behalf: statements(role: ON_BEHALF_OF) @include(if: $with) { totalCount edges { node { id speaker { id } } } }
      }
    }
    fragment Who on Actor { name demandsReceived { id } demandsMade(first: 1) { id by { name } } }`;
    for (const variables of [{ skip: true, with: false }, { skip: false, with: true }]) {
      const { body } = await both(query, variables);
      expect(body.data.b.first.edges).toHaveLength(2);
      expect(body.data.a.members.length).toBeGreaterThan(5);
      expect('speaker' in body.data.b).toBe(!variables.skip);
      expect('behalf' in body.data.b).toBe(variables.with);
    }
  });

  it('pages as the loaders do: cursors, offsets, kinds, dates, and deep selections', async () => {
    const pageOne = await both(`{ actor(id: "russia") { stances(first: 2) { totalCount pageInfo { endCursor hasNextPage } edges { node { id } } } } }`);
    const after = pageOne.body.data.actor.stances.pageInfo.endCursor;
    expect(pageOne.body.data.actor.stances.pageInfo.hasNextPage).toBe(true);
    const pageTwo = await both(`query ($after: String) { actor(id: "russia") { stances(first: 2, after: $after) { edges { node { id respondsTo { id } issues { id } } } } } }`, { after });
    expect(pageTwo.body.data.actor.stances.edges[0].node.id).not.toBe(pageOne.body.data.actor.stances.edges[0].node.id);
    const rejects = await both(`{ demand(id: "demand-nato-stop-enlargement") { responses(kind: REJECTS, first: 5, offset: 0) { id kind } all: responses { id } } }`);
    expect(rejects.body.data.demand.responses.every((r: Json) => r.kind === 'REJECTS')).toBe(true);
    const deep = await both(`{ statement(id: "stmt-grushko-expansion") {
      speaker { offices { organization { members { member { id memberships { organization { id } } } } } } }
      source { publisher { id } mentions { id } } supports { id ... on Fact { sources { id } evidence { id } } ... on Stance { holder { id } } } event { participants { role actor { id } } place { id } }
    } }`);
    expect(deep.body.data.statement.speaker.offices.length).toBeGreaterThan(0);
    await both(`{ event(id: "nrc-meeting-2022-01-12") { claimedBy { id } figures { id claimedBy { id } } statements { id } previous { id } } source(id: "dw-indonesia-2022-01-nrc") { citedBy { id } cites { id } } issue(id: "nato-enlargement") { demands { id } stances(first: 3, order: ASC) { totalCount } statements(first: 3) { totalCount edges { node { id } } } children { id } parent { id } } }`);
    await both(`{ actor(id: "nato") { memberships(asOf: "2022") { id } members(asOf: "2000") { member { id } from { iso } } partOf { id } } }`);
  });

  it('reads only the properties a selection needs, yet answers each selection of the same entity in full', async () => {
    const { body } = await both(`{
      a: actor(id: "germany") { memberships { organization { name } from { iso } } }
      b: actor(id: "germany") { memberships(asOf: "2022-01-12") { id organization { kind aliases label entityKind } until { iso } } }
      entity(id: "nato") { id label ... on Actor { name kind aliases } }
      demand(id: "demand-nato-stop-enlargement") { status { state } by { name } of { id } }
      statement(id: "stmt-grushko-expansion") { source { label } event { label } speaker { label mentionedIn { label } } }
    }`);
    expect(body.data.statement.speaker.mentionedIn.map((s: Json) => s.label)).not.toContain('liputan6-2022-01-14-nrc');
    expect(body.data.a.memberships.some((m: Json) => m.organization.name === 'NATO' || m.organization.name?.includes('North Atlantic'))).toBe(true);
    const nato = body.data.b.memberships.find((m: Json) => m.organization.entityKind === 'ACTOR' && m.organization.kind === 'ALLIANCE');
    expect(nato?.organization.label.length).toBeGreaterThan(0);
    expect(body.data.entity.name.length).toBeGreaterThan(0);
    expect(body.data.demand.status.state).toBe('REJECTED');
  });

  it('gives the same errors for bad arguments and unknown or mistyped ids', async () => {
    const badFirst = await both(`{ actor(id: "russia") { name stances(first: 0) { totalCount } } }`);
    expect(badFirst.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const unknown = await both(`{ actor(id: "no-such-actor") { stances { totalCount } } }`);
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const wrongType = await both(`{ demand(id: "russia") { by { id } } }`);
    expect(wrongType.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
