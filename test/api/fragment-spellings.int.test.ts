/**
 * Fragments are not punished by any limit: every docs/queries operation, written as
 * is, with every selection set in an inline fragment, and with every selection set
 * in a named fragment (generated from the one spelling: spellings.ts), passes every
 * limit at the defaults and gets the same answer; a selection one level too deep is
 * refused in every spelling, with the same depth found. Real HTTP, seeded Neo4j.
 */
import { buildASTSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { postGraphql } from '../server/harness.js';
import { withSeededServer } from '../server/seeded-server.js';
import { exampleOperations } from './example-operations.js';
import { spellings, type Spelling } from './spellings.js';

const schema = buildASTSchema(loadTypeDefs());
/** The codes of the limits checked before anything runs. */
const limitCodes = ['QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS'];

  // The default limits: what a client meets.
const api = withSeededServer();

describe.each(exampleOperations())('docs/queries/$name.graphql', (op) => {
  it('passes every limit and gets the same answer however its selection is written', async () => {
    const answers = new Map<Spelling, unknown>();
    for (const [spelling, query] of Object.entries(spellings(schema, op.query)) as [Spelling, string][]) {
      const res = await postGraphql(api().url, { query });
      const refused = (res.body.errors ?? []).filter((e) => limitCodes.includes(e.extensions?.code ?? ''));
      expect(refused, `${spelling}: ${JSON.stringify(refused)}\n${query}`).toEqual([]);
      expect(res.body.errors, `${spelling}: ${res.text.slice(0, 500)}`).toBeUndefined();
      answers.set(spelling, res.body.data);
    }
    expect(answers.get('inline fragments')).toEqual(answers.get('as written'));
    expect(answers.get('named fragments')).toEqual(answers.get('as written'));
  });
});

describe('a selection deeper than GRAPHQL_MAX_DEPTH (12)', () => {
  // actor, then partOf nested: `levels` levels of fields in all.
  const chain = (levels: number): string => {
    const nest = (n: number): string => (n === 0 ? 'id' : `partOf { ${nest(n - 1)} }`);
    return `query Deep { actor(id: "russia") { ${nest(levels - 2)} } }`;
  };

  it('is refused in every spelling, with the same depth found', async () => {
    const found: unknown[] = [];
    for (const [spelling, query] of Object.entries(spellings(schema, chain(13)))) {
      const res = await postGraphql(api().url, { query });
      expect(res.status, `${spelling}: ${res.text}`).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code, `${spelling}: ${res.text}`).toBe('QUERY_TOO_DEEP');
      expect(res.body.errors?.[0]?.message).toBe('Query is too deep: 13 levels of nested fields, the limit is 12 (GRAPHQL_MAX_DEPTH)');
      found.push(res.body.errors?.[0]?.extensions?.['limit']);
    }
    expect(new Set(found.map((f) => JSON.stringify(f))).size).toBe(1);
  });

  it('one level less passes in every spelling', async () => {
    for (const [spelling, query] of Object.entries(spellings(schema, chain(12)))) {
      const res = await postGraphql(api().url, { query });
      expect(res.body.errors, `${spelling}: ${res.text}`).toBeUndefined();
      expect(res.body.data?.['actor'], spelling).toHaveProperty('partOf');
    }
  });
});
