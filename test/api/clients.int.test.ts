/**
 * The client examples of docs/clients.md, run against the real server over the seeded
 * Neo4j: Apollo Client (possibleTypes from /possible-types.json, Relay paging merged in
 * the cache, errors by code), urql, plain fetch, curl and Python (standard library
 * only). docs/clients.md shows each file of docs/clients verbatim (checked here too).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { InMemoryCache, ApolloClient, HttpLink } from '@apollo/client';
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { ACTORS, ENTITY_CARD, LATEST, createDiplographClient, describeFailure } from '../../docs/clients/apollo-client.js';
import { askDiplograph } from '../../docs/clients/fetch.js';
import { POSITIONS, createDiplographUrql } from '../../docs/clients/urql.js';
import { withSeededServer } from '../server/seeded-server.js';

const run = promisify(execFile);
const examples = path.join(projectRoot, 'docs', 'clients');

const api = withSeededServer();
const endpoint = (): string => `${api().url}/graphql`;

describe('docs/clients.md', () => {
  it('shows every example file verbatim', () => {
    const doc = fs.readFileSync(path.join(projectRoot, 'docs', 'clients.md'), 'utf8');
    for (const file of fs.readdirSync(examples)) {
      expect(doc, `docs/clients.md must show docs/clients/${file}`).toContain(fs.readFileSync(path.join(examples, file), 'utf8').trim());
    }
  });
});

describe('Apollo Client', () => {
  it('keeps the fields of a fragment on an interface, given possibleTypes', async () => {
    const client = await createDiplographClient(endpoint());
    const { data, error } = await client.query({ query: ENTITY_CARD, variables: { id: 'russia' } });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ node: { __typename: 'Actor', id: 'russia', entityKind: 'ACTOR', label: 'Russia' } });
    // The cache normalizes by __typename and id.
    expect((client.cache.extract() as Record<string, unknown>)['Actor:russia']).toMatchObject({ label: 'Russia' });
  });

  it('drops them without possibleTypes (why the file exists)', async () => {
    const bare = new ApolloClient({ link: new HttpLink({ uri: endpoint() }), cache: new InMemoryCache() });
    const { data } = await bare.query({ query: ENTITY_CARD, variables: { id: 'russia' }, errorPolicy: 'all' });
    expect((data as { node?: { label?: string } } | undefined)?.node?.label).toBeUndefined();
  });

  it('appends the next page with fetchMore (relayStylePagination)', async () => {
    const client = await createDiplographClient(endpoint());
    const first = await client.query({ query: ACTORS });
    type Page = { actors: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const page = first.data as Page;
    expect(page.actors.edges).toHaveLength(5);
    expect(page.actors.pageInfo.hasNextPage).toBe(true);
    const watched = client.watchQuery({ query: ACTORS });
    await watched.fetchMore({ variables: { after: page.actors.pageInfo.endCursor } });
    const merged = client.readQuery({ query: ACTORS }) as Page;
    expect(merged.actors.edges).toHaveLength(10);
    expect(new Set(merged.actors.edges.map((e) => e.node.id)).size).toBe(10);
  });

  it('prepends the page before with fetchMore on last/before (relayStylePagination)', async () => {
    const client = await createDiplographClient(endpoint());
    type Page = { timeline: { totalCount: number; edges: { node: { title: string; date: { start: string } } }[]; pageInfo: { hasPreviousPage: boolean; startCursor: string } } };
    const latest = (await client.query({ query: LATEST })).data as Page;
    expect(latest.timeline.edges).toHaveLength(3);
    expect(latest.timeline.pageInfo.hasPreviousPage).toBe(true);
    const watched = client.watchQuery({ query: LATEST });
    await watched.fetchMore({ variables: { before: latest.timeline.pageInfo.startCursor } });
    const merged = client.readQuery({ query: LATEST }) as Page;
    expect(merged.timeline.edges).toHaveLength(6);
    // The earlier page came in front: the list is still oldest first, and ends with the newest three.
    const starts = merged.timeline.edges.map((e) => e.node.date.start);
    expect([...starts].sort()).toEqual(starts);
    expect(merged.timeline.edges.slice(3)).toEqual(latest.timeline.edges);
  });

  it('reports NOT_FOUND and BAD_USER_INPUT by code, with the other fields’ data kept (errorPolicy all)', async () => {
    const client = await createDiplographClient(endpoint());
    const { gql } = await import('@apollo/client');
    const { data, error } = await client.query({
      query: gql`query Mixed { actor(id: "russia") { id label } missing: actor(id: "no-such-actor") { id } bad: actors(first: -1) { totalCount } }`,
      errorPolicy: 'all',
    });
    expect(data).toMatchObject({ actor: { id: 'russia' }, missing: null, bad: null });
    expect(describeFailure(error).map((f) => f.code).sort()).toEqual(['BAD_USER_INPUT', 'NOT_FOUND']);
  });

  it('reports a refused operation (HTTP 400) by its code', async () => {
    const client = await createDiplographClient(endpoint());
    const { gql } = await import('@apollo/client');
    const nest = (n: number): string => (n === 0 ? 'id' : `partOf { ${nest(n - 1)} }`);
    const { error } = await client.query({ query: gql`query Deep { actor(id: "russia") { ${nest(12)} } }`, errorPolicy: 'all' });
    expect(describeFailure(error).map((f) => f.code)).toEqual(['QUERY_TOO_DEEP']);
  });
});

describe('urql', () => {
  it('asks for positions over POST', async () => {
    const client = createDiplographUrql(endpoint());
    const result = await client.query(POSITIONS, { demandId: 'demand-nato-stop-enlargement', asOf: '2022-01-12' }).toPromise();
    expect(result.error).toBeUndefined();
    const table = (result.data as { positions: { count: number; positions: { actor: { id: string }; kind: string }[] } }).positions;
    const positions = table.positions;
    expect(table.count).toBe(positions.length);
    expect(positions).toContainEqual(expect.objectContaining({ actor: expect.objectContaining({ id: 'nato' }), kind: 'REJECTS' }));
  });
});

describe('plain fetch', () => {
  it('returns the data and the errors by code', async () => {
    const answer = await askDiplograph('query One($id: ID!) { actor(id: $id) { id label } }', { id: 'no-such-actor' }, endpoint());
    expect(answer.data).toEqual({ actor: null });
    expect(answer.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });
});

describe('curl', () => {
  it('answers the example in docs/clients/curl.sh', async () => {
    const { stdout } = await run('sh', [path.join(examples, 'curl.sh'), endpoint()]);
    const body = JSON.parse(stdout) as { data: { actor: { id: string; demandsMade: { id: string }[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.actor.id).toBe('russia');
    expect(body.data.actor.demandsMade).toContainEqual(expect.objectContaining({ id: 'demand-nato-stop-enlargement' }));
  });
});

describe('Python (standard library only)', () => {
  type Table = { positions: { asOf: string; count: number; positions: { actor: { id: string }; kind: string; basis: string }[] } };
  it('prints the positions of docs/clients/positions.py', async () => {
    const { stdout } = await run('python3', [path.join(examples, 'positions.py'), endpoint()]);
    const data = JSON.parse(stdout) as Table;
    expect(data.positions.asOf).toBe('2022-01-12');
    expect(data.positions.positions).toContainEqual(expect.objectContaining({ actor: expect.objectContaining({ id: 'nato' }), kind: 'REJECTS' }));
    expect(data.positions.positions).toHaveLength(data.positions.count);
  });

  it('reads the same positions page by page with a small page size', async () => {
    const whole = JSON.parse((await run('python3', [path.join(examples, 'positions.py'), endpoint()])).stdout) as Table;
    const paged = JSON.parse((await run('python3', [path.join(examples, 'positions.py'), endpoint(), '5'])).stdout) as Table;
    expect(whole.positions.count).toBeGreaterThan(5);
    expect(paged.positions).toEqual(whole.positions);
  });
});
