/**
 * The Relay `Node` convention: every entity implements Node, `node(id:)` refetches any
 * of them by id alone and `nodes(ids:)` several in the order asked. Real HTTP, seeded Neo4j.
 */
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field

const api = withSeededServer();

describe('Node', () => {
  it('every entity type implements Node', async () => {
    const res = await postGraphql(api().url, { query: '{ __type(name: "Node") { possibleTypes { name } } e: __type(name: "Entity") { possibleTypes { name } } }' });
    const names = (t: { possibleTypes: { name: string }[] }) => t.possibleTypes.map((p) => p.name).sort();
    expect(names((res.body.data as Json).__type).length).toBeGreaterThan(10);
    expect(names((res.body.data as Json).__type)).toEqual(names((res.body.data as Json).e));
  });

  it('node(id:) refetches an entity by its id alone, with its concrete type', async () => {
    const res = await postGraphql(api().url, { query: '{ node(id: "russia") { __typename id ... on Actor { name kind } } }' });
    expect(res.body.errors, res.text).toBeUndefined();
    expect((res.body.data as Json).node).toMatchObject({ __typename: 'Actor', id: 'russia', kind: 'STATE' });
  });

  it('node(id:) of an unknown id is null with NOT_FOUND naming it', async () => {
    const res = await postGraphql(api().url, { query: '{ node(id: "no-such-entity") { id } }' });
    expect(res.body.data).toEqual({ node: null });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.body.errors?.[0]?.message).toContain('no-such-entity');
  });

  it('nodes(ids:) answers in the order asked, null for unknown ids', async () => {
    const res = await postGraphql(api().url, { query: '{ nodes(ids: ["nato", "no-such-entity", "russia"]) { __typename id } }' });
    expect(res.body.errors, res.text).toBeUndefined();
    expect((res.body.data as Json).nodes).toEqual([{ __typename: 'Actor', id: 'nato' }, null, { __typename: 'Actor', id: 'russia' }]);
  });
});
