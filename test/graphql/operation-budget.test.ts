/**
 * The cost limit with its estimates remembered (decision 0064): the same document is
 * weighed again for other variables and another graph size, and a refusal or a pass is
 * never carried over to inputs that differ.
 */
import { ApolloServer } from '@apollo/server';
import { buildASTSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { trackGraphSize } from '../../src/graphql/graph-size.js';
import { EstimateCache, operationBudget } from '../../src/graphql/operation-budget-plugin.js';
import { cypher } from '../../src/neo4j/cypher.js';
import { neighbourhoodQuery } from '../../web/src/operations/neighbourhood.js';
import { timelineQuery } from '../../web/src/operations/timeline.js';
import { estimateOperationCost } from '../../src/graphql/operation-cost.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { testConfig } from '../server/harness.js';

const typeDefs = loadTypeDefs();
const schema = buildASTSchema(typeDefs);
const LIST = 'query L($n: Int) { actors(first: $n) { totalCount edges { node { id name } } } }';
const AGREEMENT = 'query A($a: ID!, $b: ID!) { agreement(actorIds: [$a, $b]) { agreeCount } }';
/** Sizes cypher/read/cost-sizes read on the 10^6 corpus (the bench's, decision 0069): a state's and the hub's, and an issue's [own, subIssues]. */
const SMALL_NODE = { degree: 7_401, plainDegree: 3_566, outDegree: 1_680, sampled: 5_000, sampledPlain: 1_165, around: 2_873_625, aroundPlain: 8_319, aroundOut: 1_428_029, aroundOutPlain: 4_714, neighbours: 4_997, neighboursPlain: 1_165, hop2: 2_000, reach: 3_422_806, hop2Plain: 2_000, reachPlain: 1_027_787 };
const HUB = { degree: 217_940, plainDegree: 84_188, outDegree: 81_578, sampled: 5_000, sampledPlain: 310, around: 190_111, aroundPlain: 930, aroundOut: 120_430, aroundOutPlain: 620, neighbours: 5_000, neighboursPlain: 310, hop2: 2_000, reach: 2_012_109, hop2Plain: 310, reachPlain: 1_948_111 };
const SMALL_ISSUE = [1_886, 0] as const;
/** An actor's [events, said, onBehalfOf, took] and its parts' (cypher/read/cost-sizes) at 10^6, and the graph's relationships. */
const PERSON_ITEMS = [0, 9, 0, 0, 0, 0, 0, 0] as const;
const HUB_ITEMS = [843, 11_906, 0, 66_216, 0, 0, 0, 0] as const;
const STATE_ITEMS = [21, 560, 1_814, 1_051, 0, 179, 0, 0] as const;
const RELATIONSHIPS = 8_901_233;
const LARGE_ISSUE = [36_910, 107_406] as const;
const operationOf = (doc: ReturnType<typeof parse>) => doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

/** The first error's code of an operation the server executes, or OK. */
function errorCodeOf(server: ApolloServer) {
  return async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
    const res = await server.executeOperation({ query, variables });
    const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
    return body?.errors?.[0]?.extensions?.['code'] ?? 'OK';
  };
}

describe('EstimateCache', () => {
  it('gives what estimateOperationCost gives, for every variable set and graph size, asked in any order', () => {
    const cache = new EstimateCache();
    for (const [text, inputs] of [
      [LIST, [{ n: 1 }, { n: 50 }, { n: 1 }, {}, { n: 500 }, { n: 50 }]],
      [AGREEMENT, [{ a: 'x', b: 'y' }, { a: 'y', b: 'z' }, { a: 'x', b: 'y' }]],
    ] as const) {
      const doc = parse(text);
      for (const statements of [0, 100_000, 1_000_000, 0]) {
        for (const variables of inputs) {
          expect(cache.of(schema, doc, operationOf(doc), variables, statements)).toEqual(estimateOperationCost(schema, doc, operationOf(doc), variables, statements));
        }
      }
    }
  });

  it('weighs again when the graph\'s dates change for the same count (read after the server started, or read again)', () => {
    let version = 0;
    const cache = new EstimateCache(() => version);
    const doc = parse(LIST);
    const estimate = (): unknown => cache.of(schema, doc, operationOf(doc), { n: 5 }, 1_000_000);
    // The same object while nothing changes (remembered); a new one, made again, after.
    const first = estimate();
    expect(estimate()).toBe(first);
    version++;
    const second = estimate();
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(estimate()).toBe(second);
  });

  it('weighs the operation named, not another of the same document', () => {
    const cache = new EstimateCache();
    const doc = parse(`${LIST} query M { actors(first: 500) { edges { node { id name } } } }`);
    const [l, m] = doc.definitions as OperationDefinitionNode[];
    expect(cache.of(schema, doc, l!, { n: 1 }, 0).cost).toBeLessThan(cache.of(schema, doc, m!, { n: 1 }, 0).cost);
  });
});

describe('the cost limit through Apollo, the same document again', () => {
  it('refuses a costly variable set after passing a cheap one, and passes the cheap one after', async () => {
    const config = testConfig({ GRAPHQL_MAX_COST: '2000' });
    let statements = 0;
    const budget = operationBudget(config.graphql.limits, config.throttle, pino({ level: 'silent' }), () => statements);
    const server = new ApolloServer({ typeDefs, resolvers: { Query: { actors: () => ({ totalCount: 0, edges: [] }), agreement: () => ({ agreeCount: 0 }) } }, plugins: [budget.plugin] });
    await server.start();
    try {
      const codeOf = errorCodeOf(server);
      expect(await codeOf(LIST, { n: 5 })).toBe('OK');
      expect(await codeOf(LIST, { n: 500 })).toBe('QUERY_TOO_COSTLY');
      expect(await codeOf(LIST, { n: 5 })).toBe('OK');
      expect(await codeOf(LIST, { n: 500 })).toBe('QUERY_TOO_COSTLY');
      // A variable not sent takes its default; one sent as null does not.
      const DEFAULTED = 'query D($n: Int = 500) { actors(first: $n) { totalCount edges { node { id name } } } }';
      expect(await codeOf(DEFAULTED, {})).toBe('QUERY_TOO_COSTLY');
      expect(await codeOf(DEFAULTED, { n: null })).toBe('OK');
      expect(await codeOf(DEFAULTED, {})).toBe('QUERY_TOO_COSTLY');
      // The analytical fields are weighed for the graph's size: the same document and variables, a larger graph.
      const pair = { a: 'x', b: 'y' };
      const costAt = (n: number) => estimateOperationCost(schema, parse(AGREEMENT), operationOf(parse(AGREEMENT)), pair, n).cost;
      expect(costAt(0)).toBeLessThan(2000);
      expect(await codeOf(AGREEMENT, pair)).toBe('OK');
      statements = 1e7;
      expect(costAt(statements)).toBeGreaterThan(2000);
      expect(await codeOf(AGREEMENT, pair)).toBe('QUERY_TOO_COSTLY');
      statements = 0;
      expect(await codeOf(AGREEMENT, pair)).toBe('OK');
    } finally {
      await server.stop();
    }
  });
});

describe('the cost limit through Apollo, weighed by the sizes read for the request (decision 0068)', () => {
  it('reads a depth-2 neighbourhood\'s start node and an issue filter\'s issues, and allows the small ones at 10^6 while refusing the hub', async () => {
    const config = testConfig({});
    // The sizes cypher/read/cost-sizes read on the 10^6 synthetic corpus (docs/performance.md,
    // "Cost of an issue filter and of neighbourhood depth 2"): a state, the hub; a small issue, the largest with its sub-issues.
    const asked: Array<Record<string, unknown>> = [];
    let away = false;
    const record = (o: Record<string, unknown>) => ({ records: [{ toObject: () => o }] });
    const tx = {
      run: async (text: string, params: Record<string, unknown>) => {
        if (text !== cypher('read/cost-sizes')) return record({ statements: 1_000_000, stances: 0, events: 0 });
        if (away) throw new Error('Neo4j away');
        asked.push(params);
        // The rows of the ids asked for, as the query returns them.
        const ids = [...(params['entityIds'] as string[]), ...(params['issueIds'] as string[]), ...(params['actorIds'] as string[])];
        return record({
          degrees: [
            { id: 'synth-state-100', ...SMALL_NODE },
            { id: 'synth-org-0', ...HUB },
          ].filter((row) => ids.includes(row.id)),
          actors: [
            ['synth-person-35000', ...PERSON_ITEMS],
            ['synth-state-100', ...STATE_ITEMS],
            ['synth-org-0', ...HUB_ITEMS],
          ].filter((row) => ids.includes(row[0] as string)),
          meanDegree: 9.07,
          relationships: RELATIONSHIPS,
          issues: [
            ['synth-issue-100', SMALL_ISSUE[0], SMALL_ISSUE[1]],
            ['synth-issue-0', LARGE_ISSUE[0], LARGE_ISSUE[1]],
          ].filter((row) => ids.includes(row[0] as string)),
        });
      },
    };
    const driver = { session: () => ({ executeRead: (work: (t: typeof tx) => unknown) => work(tx), close: async () => {} }) } as unknown as Driver;
    trackGraphSize(driver, 'neo4j', pino({ level: 'silent' }));
    const budget = operationBudget(config.graphql.limits, config.throttle, pino({ level: 'silent' }), () => 1_000_000);
    const empty = { nodes: [], edges: [], truncated: false };
    const list = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
    const server = new ApolloServer({ typeDefs, resolvers: { Query: { neighbourhood: () => empty, timeline: () => list } }, plugins: [budget.plugin] });
    await server.start();
    try {
      const codeOf = errorCodeOf(server);
      const around = (id: string, depth: number) => ({ id, depth, includeProvenance: false, kinds: null });
      expect(await codeOf(neighbourhoodQuery, around('synth-state-100', 2))).toBe('OK');
      expect(asked.at(-1)).toMatchObject({ entityIds: ['synth-state-100'], issueIds: [] });
      expect(await codeOf(neighbourhoodQuery, around('synth-org-0', 2))).toBe('QUERY_TOO_COSTLY');
      // Depth 1 from the node read for depth 2 reads nothing more (decision 0069); the small node's and
      // the hub's depth 1 are allowed, the small node's depth 3 and the hub's refused.
      const reads = asked.length;
      expect(await codeOf(neighbourhoodQuery, around('synth-org-0', 1))).toBe('OK');
      expect(await codeOf(neighbourhoodQuery, around('synth-state-100', 1))).toBe('OK');
      expect(await codeOf(neighbourhoodQuery, around('synth-state-100', 3))).toBe('QUERY_TOO_COSTLY');
      expect(await codeOf(neighbourhoodQuery, around('synth-org-0', 3))).toBe('QUERY_TOO_COSTLY');
      expect(asked.length).toBe(reads);
      // An actor filter reads its actors: a person's timeline is allowed, the hub's weighed by its own items.
      const byActor = (id: string) => ({ filter: { actorIds: [id] } });
      expect(await codeOf(timelineQuery, byActor('synth-person-35000'))).toBe('OK');
      expect(asked.at(-1)).toMatchObject({ entityIds: [], issueIds: [], actorIds: ['synth-person-35000'] });
      // The hub's timeline is weighed by its 78,965 items (713,182 db hits measured): allowed, as before.
      expect(await codeOf(timelineQuery, byActor('synth-org-0'))).toBe('OK');
      const byIssue = (id: string) => ({ filter: { issueIds: [id] } });
      expect(await codeOf(timelineQuery, byIssue('synth-issue-100'))).toBe('OK');
      expect(asked.at(-1)).toMatchObject({ entityIds: [], issueIds: ['synth-issue-100'] });
      expect(await codeOf(timelineQuery, byIssue('synth-issue-0'))).toBe('QUERY_TOO_COSTLY');
      // Read once per node and count: the hub again, and the small issue again, read nothing.
      const before = asked.length;
      expect(await codeOf(neighbourhoodQuery, around('synth-org-0', 2))).toBe('QUERY_TOO_COSTLY');
      expect(await codeOf(timelineQuery, byIssue('synth-issue-100'))).toBe('OK');
      expect(asked.length).toBe(before);
      // An operation over the limit whatever its sizes (30 aliases of a depth 3 from a node not read
      // yet: their answers alone) is refused without reading them (issue 14: no Cypher runs).
      const thirty = `{ ${Array.from({ length: 30 }, (_, k) => `n${k}: neighbourhood(id: "synth-person-1", depth: 3, limit: 500, includeProvenance: true) { nodes { id label } edges { id type } truncated }`).join(' ')} }`;
      const asking = asked.length;
      expect(await codeOf(thirty, {})).toBe('QUERY_TOO_COSTLY');
      expect(asked.length).toBe(asking);
      // Without the sizes (the read fails; a new process, which has read none yet), as before:
      // the largest issue's weight, the hub's depth 2.
      away = true;
      trackGraphSize(driver, 'neo4j', pino({ level: 'silent' }));
      expect(await codeOf(timelineQuery, byIssue('synth-issue-100'))).toBe('QUERY_TOO_COSTLY');
      expect(await codeOf(neighbourhoodQuery, around('synth-state-100', 2))).toBe('QUERY_TOO_COSTLY');
    } finally {
      await server.stop();
    }
  });
});
