/**
 * One failed root field leaves the others' data intact: an unknown id or a bad argument
 * in `paths`, `positions`, `neighbourhood`, `agreement`, a list or the search nulls that
 * field alone (with its error and path), never the whole answer. Real HTTP, seeded Neo4j.
 */
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';

const api = withSeededServer();

/** A root field that fails, beside `actor(id: "russia")` that must still answer. */
const failing: [string, string, string][] = [
  ['paths to an unknown id', 'paths(fromId: "no-such-entity", toId: "russia") { paths { length } }', 'NOT_FOUND'],
  ['paths with a bad maxHops', 'paths(fromId: "russia", toId: "nato", maxHops: 0) { paths { length } }', 'BAD_USER_INPUT'],
  ['positions on an unknown demand', 'positions(demandId: "no-such-entity") { asOf }', 'NOT_FOUND'],
  ['positions with neither demand nor issue', 'positions { asOf }', 'BAD_USER_INPUT'],
  ['neighbourhood of an unknown id', 'neighbourhood(id: "no-such-entity") { truncated }', 'NOT_FOUND'],
  ['neighbourhood with a bad depth', 'neighbourhood(id: "russia", depth: 0) { truncated }', 'BAD_USER_INPUT'],
  ['agreement of one actor', 'agreement(actorIds: ["russia"]) { asOf }', 'BAD_USER_INPUT'],
  ['agreement with an unknown actor', 'agreement(actorIds: ["russia", "no-such-entity"]) { asOf }', 'NOT_FOUND'],
  ['actors with a bad page size', 'actors(first: -1) { totalCount }', 'BAD_USER_INPUT'],
  ['search with a bad cursor', 'search(text: "Russia", after: "not-a-cursor") { totalCount }', 'BAD_USER_INPUT'],
  ['timeline with a bad page size', 'timeline(first: 0) { totalCount }', 'BAD_USER_INPUT'],
  ['entities with too many ids', `entities(ids: ${JSON.stringify(Array.from({ length: 201 }, (_, i) => `id-${i}`))}) { id }`, 'BAD_USER_INPUT'],
];

describe('a failed root field nulls only itself', () => {
  it.each(failing)('%s', async (_what, field, code) => {
    const res = await postGraphql(api().url, { query: `{ actor(id: "russia") { id } failed: ${field} }` });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data, res.text).toEqual({ actor: { id: 'russia' }, failed: null });
    expect(res.body.errors, res.text).toHaveLength(1);
    expect(res.body.errors?.[0]).toMatchObject({ path: ['failed'], extensions: { code } });
  });
});
