/**
 * The cost estimate (src/graphql/operation-cost.ts) on the real schema: what a field
 * will do counts (first, limit, depth, maxHops, the analytical fields), how the
 * operation is written does not, and every operation the project ships (docs/queries,
 * the dashboard's documents) stays under the default GRAPHQL_MAX_COST.
 */
import { buildASTSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DB_HITS_PER_UNIT, fieldWork, type FieldArgs } from '../../src/graphql/field-work.js';
import { datedItems, monthOf, sizesWanted } from '../../src/graphql/field-work.js';
import type { LocalSizes, NodeDegree } from '../../src/graphql/graph-size.js';
import { scaleOf, type GraphDates, type GraphScale } from '../../src/graphql/graph-size.js';
import { estimateOperationCost } from '../../src/graphql/operation-cost.js';
import { readFileSync } from 'node:fs';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { exampleOperations } from '../api/example-operations.js';
import { actorQuery, actorStatementsQuery } from '../../web/src/operations/actor.js';
import { demandQuery } from '../../web/src/operations/demand.js';
import { entityModelFactsQuery, entityQuery } from '../../web/src/operations/entity.js';
import { neighbourhoodQuery } from '../../web/src/operations/neighbourhood.js';
import { overviewQuery } from '../../web/src/operations/overview.js';
import { labelsQuery, pathsQuery } from '../../web/src/operations/paths.js';
import { pickerSearchQuery } from '../../web/src/operations/picker.js';
import { allDemandsQuery, allIssuesQuery, batchDocument, DEFAULT_BATCH, FIRST_PAGE, MORE_PAGE, pageDocument } from '../../web/src/operations/positions.js';
import { searchQuery } from '../../web/src/operations/search.js';
import { filterQuery, timelineQuery } from '../../web/src/operations/timeline.js';

const schema = buildASTSchema(loadTypeDefs());
const maxCost = loadConfig({}).graphql.limits.maxCost;

function estimate(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return estimateOperationCost(schema, document, operation, variables);
}

const subgraph = 'nodes { id kind label } edges { id type source target } truncated';
const neighbourhood = (args: string) => `{ neighbourhood(id: "nato", ${args}) { ${subgraph} } }`;

describe('the cost estimate', () => {
  it('grows with what a field will do: depth, provenance, limit, first', () => {
    const d1 = estimate(neighbourhood('depth: 1, limit: 100')).cost;
    const d3 = estimate(neighbourhood('depth: 3, limit: 100')).cost;
    const d3p = estimate(neighbourhood('depth: 3, limit: 100, includeProvenance: true')).cost;
    const d3p500 = estimate(neighbourhood('depth: 3, limit: 500, includeProvenance: true')).cost;
    expect(d1).toBeLessThan(d3);
    expect(d3).toBeLessThan(d3p);
    expect(d3p).toBeLessThan(d3p500);
    expect(estimate('{ actors(first: 10) { edges { node { id } } } }').cost).toBeLessThan(estimate('{ actors(first: 200) { edges { node { id } } } }').cost);
    expect(estimate('{ paths(fromId: "a", toId: "b", maxHops: 2) { paths { length } } }').cost).toBeLessThan(
      estimate('{ paths(fromId: "a", toId: "b", maxHops: 8) { paths { length } } }').cost,
    );
    // A table of positions costs its page (decision 0049): 10 rows less than the default 100, 1000 more; the count alone least.
    const positionsPage = (page: string) => estimate(`{ positions(demandId: "d") { count positions${page} { actor { id name } kind reasoning } } }`).cost;
    expect(estimate('{ positions(demandId: "d") { count counts { kind basis count } } }').cost).toBeLessThan(positionsPage('(first: 10)'));
    expect(positionsPage('(first: 10)')).toBeLessThan(positionsPage(''));
    expect(positionsPage('')).toBe(positionsPage('(first: 100)'));
    expect(positionsPage('(first: 1000)')).toBeGreaterThan(positionsPage('') * 5);
    expect(estimate('{ agreement(actorIds: ["a", "b"]) { agreeCount } }').cost).toBeLessThan(
      estimate('{ agreement(actorIds: ["a", "b", "c", "d", "e", "f"]) { agreeCount } }').cost,
    );
  });

  it('reads arguments from variables, their defaults in the operation, and the schema defaults', () => {
    const withVariable = 'query($d: Int!, $p: Boolean!) { neighbourhood(id: "nato", depth: $d, limit: 500, includeProvenance: $p) { truncated } }';
    const literal = estimate(neighbourhood('depth: 3, limit: 500, includeProvenance: true').replace(subgraph, 'truncated')).cost;
    expect(estimate(withVariable, { d: 3, p: true }).cost).toBe(literal);
    expect(estimate('query($d: Int = 3) { neighbourhood(id: "nato", depth: $d, limit: 500, includeProvenance: true) { truncated } }').cost).toBe(literal);
    // The schema's defaults: depth 1, limit 100.
    expect(estimate('{ neighbourhood(id: "nato") { truncated } }').cost).toBe(estimate('{ neighbourhood(id: "nato", depth: 1, limit: 100) { truncated } }').cost);
  });

  it('counts a page read backwards (last) as one read forwards (first), and a connection given neither as 50 items', () => {
    const timeline = (args: string) => `{ timeline${args} { edges { node { title entity { id } } } } }`;
    const statements = (args: string) => `{ actor(id: "russia") { statements${args} { edges { node { id text } } } } }`;
    for (const page of [timeline, statements]) {
      expect(estimate(page('(last: 200)')).cost).toBe(estimate(page('(first: 200)')).cost);
      expect(estimate(page('')).cost).toBe(estimate(page('(first: 50)')).cost);
      expect(estimate(page('(last: 200)')).cost).toBeGreaterThan(estimate(page('(last: 5)')).cost);
    }
  });

  it('is the same whether the operation is written plainly, with inline fragments or with named fragments', () => {
    const body = 'actors(first: 50) { edges { node { id stances(first: 20) { totalCount edges { node { id } } } } } }';
    const plain = estimate(`{ ${body} }`).cost;
    expect(estimate(`{ ... on Query { ${body} } }`).cost).toBe(plain);
    expect(estimate(`{ ...Q } fragment Q on Query { ${body} }`).cost).toBe(plain);
    expect(estimate('{ actors(first: 50) { edges { node { ...A } } } } fragment A on Actor { id stances(first: 20) { ...S } } fragment S on StanceConnection { totalCount edges { node { id } } }').cost).toBe(plain);
  });

  it('walks a fragment spread in many places once (no blow-up), and survives a cycle', () => {
    // Each fragment spreads the next twice: 2^24 spreads if walked naively.
    const chain = Array.from({ length: 24 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const doubling = estimate(`{ ...F0 }\n${chain}\nfragment F24 on Query { issues { id } }`);
    expect(doubling.cost).toBeGreaterThan(0);
    expect(estimate('{ ...A } fragment A on Query { issues { id } ...B } fragment B on Query { ...A }').cost).toBeGreaterThan(0);
  });

  it('names the analytical fields an operation selects', () => {
    expect(estimate(neighbourhood('depth: 1')).expensiveFields).toEqual(['Query.neighbourhood']);
    expect(estimate('{ actor(id: "russia") { id } issues { id } }').expensiveFields).toEqual([]);
  });

  it('refuses the reproduction of issue 14 (30 aliases of the heaviest neighbourhood) under the default limit', () => {
    const one = 'neighbourhood(id: "nato", depth: 3, limit: 500, includeProvenance: true) { nodes { id kind label subkind } edges { id type source target properties } truncated }';
    expect(estimate(`{ ${one} }`).cost).toBeLessThanOrEqual(maxCost);
    const thirty = Array.from({ length: 30 }, (_, i) => `n${i}: ${one}`).join(' ');
    expect(estimate(`{ ${thirty} }`).cost).toBeGreaterThan(maxCost);
  });
});

describe('the analytical work, weighed for the graph size', () => {
  // db hits measured from hubs at 10^4, 10^5 and 10^6 statements on main at commit f2b03c8
  // (docs/performance.md, "Cost calibration at 10^6"; decision 0059), the lists since decision
  // 0062 at 10^4 and 10^5: the weights and growth exponents of field-work.ts must stay within
  // 2x of each, both ways.
  const measured: Array<[string, FieldArgs, number, number | null, number | null]> = [
    ['Query.neighbourhood', { depth: 1 }, 30_578, 100_817, 788_525],
    ['Query.neighbourhood', { depth: 2 }, 58_569, 314_334, 2_875_486],
    ['Query.neighbourhood', { depth: 3 }, 236_321, 2_136_464, 21_292_466],
    ['Query.neighbourhood', { depth: 1, includeProvenance: true }, 43_585, 94_989, 752_945],
    ['Query.neighbourhood', { depth: 2, includeProvenance: true }, 148_112, 1_122_718, 11_195_872],
    ['Query.neighbourhood', { depth: 3, includeProvenance: true }, 583_814, 5_641_676, 56_862_983],
    // The paths query explores up to 8 hops whatever maxHops says: the same db hits for each.
    ['Query.paths', { maxHops: 2 }, 3_951, 27_350, 266_682],
    ['Query.paths', { maxHops: 8 }, 3_951, 27_350, 266_682],
    ['Query.paths', { maxHops: 2, includeProvenance: true }, 6_027, 29_204, 266_952],
    ['Query.paths', { maxHops: 8, includeProvenance: true }, 6_027, 29_204, 266_952],
    // Refitted after decisions 0057 and 0058 (decision 0065; docs/performance.md, "Cost calibration
    // after decisions 0057, 0058 and 0062"): measured on this branch at the three sizes.
    ['Query.positions', { includeDerived: false }, 5_225, 5_822, 6_904],
    ['Query.positions', { includeDerived: true }, 5_679, 7_118, 9_212],
    ['Query.agreement', { actorIds: ['a', 'b'] }, 17_180, 38_532, 254_643],
    ['Query.agreement', { actorIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] }, 26_012, 100_562, 780_823],
    // Read from their filters (decision 0062), measured at 10^4, 10^5 and 10^6 on this branch
    // (docs/performance.md, "Timeline and statements from their filters"); the 10^6 column was
    // measured after the weights were fitted to the other two.
    ['Query.timeline', { first: 50 }, 3_110, 3_238, 3_949],
    ['Query.timeline', { first: 200 }, 5_360, 6_080, 6_799],
    ['Query.statements', { first: 50 }, 2_983, 2_944, 2_948],
    ['Query.statements', { first: 200 }, 7_767, 7_688, 7_726],
    ['Query.stances', { first: 50 }, 2_572, 2_570, 2_574],
    ['Query.stances', { first: 200 }, 7_971, 7_970, 7_979],
    ['Query.timeline', { filter: { actorIds: ['hub'] }, first: 50 }, 10_554, 72_892, 713_184],
    ['Query.timeline', { filter: { actorIds: ['hub'] }, first: 200 }, 12_721, 75_062, 715_366],
    ['Query.statements', { filter: { speakerIds: ['hub'] }, first: 50 }, 2_891, 10_584, 85_038],
    ['Query.statements', { filter: { speakerIds: ['hub'] }, first: 200 }, 6_867, 15_547, 89_976],
    ['Query.stances', { filter: { holderIds: ['hub'] }, first: 50 }, 8_117, 48_213, 465_350],
    ['Query.stances', { filter: { holderIds: ['hub'] }, first: 200 }, 13_517, 53_613, 470_750],
    // The largest issue with its sub-issues (4 at 10^4, 24 at 10^5, 249 at 10^6), the roll-up's read included.
    ['Query.timeline', { filter: { issueIds: ['issue'] }, first: 50 }, 47_558, 333_896, 2_821_209],
    ['Query.timeline', { filter: { issueIds: ['issue'] }, first: 200 }, 49_416, 335_666, 2_822_911],
    ['Query.statements', { filter: { issueIds: ['issue'] }, first: 50 }, 17_534, 114_463, 949_187],
    ['Query.statements', { filter: { issueIds: ['issue'] }, first: 200 }, 22_331, 119_236, 953_957],
    ['Query.stances', { filter: { issueIds: ['issue'] }, first: 50 }, 27_012, 181_189, 1_522_299],
    ['Query.stances', { filter: { issueIds: ['issue'] }, first: 200 }, 32_425, 186_590, 1_527_714],
    // A date range alone, weighed as one over every item: 1990-2030 (10^5 not measured).
    ['Query.timeline', { filter: { from: '1990', to: '2030' }, first: 50 }, 105_954, null, 10_518_774],
    ['Query.timeline', { filter: { from: '1990', to: '2030' }, first: 200 }, 108_204, null, 10_521_024],
    ['Query.statements', { filter: { from: '1990', to: '2030' }, first: 50 }, 71_612, null, 7_001_607],
    ['Query.statements', { filter: { from: '1990', to: '2030' }, first: 200 }, 76_396, null, 7_006_385],
    ['Query.stances', { filter: { from: '1990', to: '2030' }, first: 50 }, 36_819, null, 3_501_821],
    ['Query.stances', { filter: { from: '1990', to: '2030' }, first: 200 }, 42_218, null, 3_507_226],
  ];
  it.each(measured)('%s %j: within 2x of the db hits measured at 10^4, 10^5 and 10^6 (where measured)', (coordinate, args, at4, at5, at6) => {
    const sizes: Array<[number, number | null]> = [[10_000, at4], [100_000, at5], [1_000_000, at6]];
    const ratios = sizes.flatMap(([statements, hits]) => (hits === null ? [] : [(fieldWork(coordinate, args, statements)! * DB_HITS_PER_UNIT) / hits]));
    for (const ratio of ratios) {
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    }
  });

  // A date range alone with the graph's dates known (decision 0065): weighed by the items its
  // read goes through, measured through the server (calibrate-cost) at 10^4, 10^5 and 10^6
  // with the dates of each graph (test/graphql/graph-dates/, cypher/read/graph-dates.cypher).
  const datesAt: Record<number, GraphDates> = Object.fromEntries(
    ([[10_000, '1e4'], [100_000, '1e5'], [1_000_000, '1e6']] as const).map(([n, name]) => [n, JSON.parse(readFileSync(new URL(`./graph-dates/synth-${name}.json`, import.meta.url), 'utf8')) as GraphDates]),
  );
  const scaleAt = (statements: number): GraphScale => ({ statements, dates: datesAt[statements]! });
  const ranged: Array<[string, FieldArgs, number | null, number | null, number | null]> = [
    // A range from 2024-06 reads every item from that month to the corpus' end; at 10^4 the
    // corpus ends in 2023-06 and the read finds nothing (4-172 db hits): not compared, the
    // estimate is then the floor of an unfiltered page (20 units and the page's).
    ['Query.timeline', { filter: { from: '2024-06', to: '2024-06' }, first: 50 }, null, 15_112, 186_828],
    ['Query.statements', { filter: { from: '2024-06', to: '2024-06' }, first: 50 }, null, 6_260, 84_441],
    ['Query.stances', { filter: { from: '2024-06', to: '2024-06' }, first: 50 }, null, 3_004, 42_564],
    ['Query.timeline', { filter: { from: '2024-06', to: '2024-06' }, first: 200 }, null, 15_112, 188_478],
    ['Query.statements', { filter: { from: '2024-06', to: '2024-06' }, first: 200 }, null, 6_260, 89_210],
    ['Query.stances', { filter: { from: '2024-06', to: '2024-06' }, first: 200 }, null, 3_004, 47_971],
    // A year long ago reads that year's statements and stances (decision 0066: the end-date index up
    // to the year's last day) and the events up to its end.
    ['Query.timeline', { filter: { from: '2020', to: '2020' }, first: 50 }, 5_966, 38_733, 366_268],
    ['Query.statements', { filter: { from: '2020', to: '2020' }, first: 50 }, 5_104, 26_110, 236_103],
    ['Query.stances', { filter: { from: '2020', to: '2020' }, first: 50 }, 3_574, 14_067, 119_070],
    ['Query.timeline', { filter: { from: '2020', to: '2020' }, first: 200 }, 8_173, 40_983, 367_918],
    ['Query.statements', { filter: { from: '2020', to: '2020' }, first: 200 }, 9_878, 30_882, 240_883],
    ['Query.stances', { filter: { from: '2020', to: '2020' }, first: 200 }, 8_981, 19_477, 124_475],
    ['Query.timeline', { filter: { to: '1996' }, first: 50 }, 11_290, 74_398, 705_478],
    ['Query.statements', { filter: { to: '1996' }, first: 50 }, 7_604, 43_613, 403_613],
    ['Query.stances', { filter: { to: '1996' }, first: 50 }, 4_823, 22_822, 202_820],
    ['Query.timeline', { filter: { to: '1996' }, first: 200 }, 13_540, 76_648, 707_728],
    ['Query.statements', { filter: { to: '1996' }, first: 200 }, 12_365, 48_376, 408_388],
    ['Query.stances', { filter: { to: '1996' }, first: 200 }, 10_237, 28_217, 208_221],
    ['Query.timeline', { filter: { from: '1990', to: '2030' }, first: 50 }, 105_954, 1_052_574, 10_518_774],
    ['Query.statements', { filter: { from: '1990', to: '2030' }, first: 50 }, 71_612, 701_600, 7_001_607],
    ['Query.stances', { filter: { from: '1990', to: '2030' }, first: 50 }, 36_819, 351_817, 3_501_821],
    ['Query.timeline', { filter: { from: '1990', to: '2030' }, first: 200 }, 108_204, 1_054_824, 10_521_024],
    ['Query.statements', { filter: { from: '1990', to: '2030' }, first: 200 }, 76_396, 706_344, 7_006_385],
    ['Query.stances', { filter: { from: '1990', to: '2030' }, first: 200 }, 42_218, 357_217, 3_507_226],
  ];
  it.each(ranged)('%s %j with the graph\'s dates: within 2x of the db hits measured at 10^4, 10^5 and 10^6', (coordinate, args, at4, at5, at6) => {
    const sizes: Array<[number, number | null]> = [[10_000, at4], [100_000, at5], [1_000_000, at6]];
    for (const [statements, hits] of sizes) {
      if (hits === null) continue;
      const ratio = (fieldWork(coordinate, args, scaleAt(statements))! * DB_HITS_PER_UNIT) / hits;
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    }
  });

  it('stands as measured up to 10^4 statements and grows past it, so a document fit for 10^4 can be too costly at 10^6', () => {
    const query = neighbourhood('depth: 2, limit: 100, includeProvenance: true');
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const at = (statements: number) => estimateOperationCost(schema, document, operation, {}, statements).cost;
    expect(at(0)).toBe(at(10_000));
    expect(at(100_000)).toBeGreaterThan(at(10_000) * 4);
    expect(at(10_000)).toBeLessThanOrEqual(maxCost);
    expect(at(1_000_000)).toBeGreaterThan(maxCost);
  });
});

describe('every operation the project ships stays under the default GRAPHQL_MAX_COST', () => {
  it.each(exampleOperations().map((e) => [e.name, e.query]))('docs/queries/%s.graphql', (_name, query) => {
    expect(estimate(query).cost).toBeLessThanOrEqual(maxCost);
  });

  // The dashboard's documents with the heaviest variables its controls allow.
  const heaviest = { depth: 3, includeProvenance: true, maxHops: 8, derived: true, first: 50 };
  it.each([
    ['actor', actorQuery],
    ['actor statements', actorStatementsQuery],
    ['demand', demandQuery],
    ['entity', entityQuery],
    ['entity facts from the model', entityModelFactsQuery],
    ['neighbourhood', neighbourhoodQuery],
    ['overview', overviewQuery],
    ['paths', pathsQuery],
    ['path ends', labelsQuery],
    ['picker search', pickerSearchQuery],
    ['all demands', allDemandsQuery],
    ['all issues', allIssuesQuery],
    ['search', searchQuery],
    ['timeline', timelineQuery],
    ['timeline filter', filterQuery],
  ])('web/src/operations: %s', (_name, query) => {
    expect(estimate(query, heaviest).cost).toBeLessThanOrEqual(maxCost);
  });

  // The matrix sends its own page sizes: a first page per column in a batch, then one column read on (decision 0049).
  it.each([
    ['positions matrix (demands)', batchDocument('demand', DEFAULT_BATCH), { derived: true, first: FIRST_PAGE }],
    ['positions matrix (issues)', batchDocument('issue', DEFAULT_BATCH), { derived: true, first: FIRST_PAGE }],
    ['positions matrix, a column read on (demands)', pageDocument('demand'), { derived: true, first: MORE_PAGE, offset: 0 }],
    ['positions matrix, a column read on (issues)', pageDocument('issue'), { derived: true, first: MORE_PAGE, offset: 0 }],
  ])('web/src/operations: %s, also on a graph of 10^6 statements', (_name, query, variables) => {
    expect(estimate(query, variables).cost).toBeLessThanOrEqual(maxCost);
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    expect(estimateOperationCost(schema, document, operation, variables, 1_000_000).cost).toBeLessThanOrEqual(maxCost);
  });
});

describe('the dashboard\'s timeline on large graphs (decision 0062)', () => {
  const document = parse(timelineQuery);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const at = (variables: Record<string, unknown>, statements: number) => estimateOperationCost(schema, document, operation, variables, statements).cost;
  it.each([
    ['unfiltered', {}, [100_000, 1_000_000]],
    ['two actors', { filter: { actorIds: ['a', 'b'] } }, [100_000, 1_000_000]],
    ['an issue with its sub-issues', { filter: { issueIds: ['i'] } }, [100_000]],
    ['a date range alone', { filter: { from: '2020', to: '2021' } }, [100_000]],
  ] as const)('%s: allowed at %j statements', (_name, variables, sizes) => {
    for (const statements of sizes) expect(at(variables, statements)).toBeLessThanOrEqual(maxCost);
  });

  it('a date range alone without the graph\'s dates is weighed as every item, and refused at 10^6 (docs/performance.md)', () => {
    expect(at({ filter: { from: '2020', to: '2021' } }, 1_000_000)).toBeGreaterThan(maxCost);
  });

  // With the dates the server reads (decision 0065; the synthetic corpora's, 1995-01 to 2024-10 at
  // 10^5 and 10^6): a range reads its statements and stances from its start to its end's year's
  // last day (decision 0066), its events up to its end; with a start alone, to the corpus' end.
  const datesOf = (name: string) => JSON.parse(readFileSync(new URL(`./graph-dates/synth-${name}.json`, import.meta.url), 'utf8')) as GraphDates;
  const withDates = (variables: Record<string, unknown>, statements: number, name: string) => estimateOperationCost(schema, document, operation, variables, { statements, dates: datesOf(name) }).cost;
  it.each([
    ['the last months', { from: '2024-06', to: '2024-06' }],
    ['the last year', { from: '2024', to: '2024' }],
    ['2022', { from: '2022', to: '2022' }],
    ['2020 (366,268 db hits measured at 10^6; 1.56 million when the read went on to the corpus\' end)', { from: '2020', to: '2020' }],
    ['from 2022 on (a start alone: read to the corpus\' end, 10 % of the items)', { from: '2022' }],
    ['the first two years (only an end: read up to it)', { to: '1996' }],
  ] as const)('a date range alone, %s: allowed at 10^4, 10^5 and 10^6', (_name, filter) => {
    expect(withDates({ filter }, 10_000, '1e4')).toBeLessThanOrEqual(maxCost);
    expect(withDates({ filter }, 100_000, '1e5')).toBeLessThanOrEqual(maxCost);
    expect(withDates({ filter }, 1_000_000, '1e6')).toBeLessThanOrEqual(maxCost);
  });

  it.each([
    ['2005 to 2014 (a third of the items)', { from: '2005', to: '2014' }],
    ['from 2020 on (a start alone: read to the corpus\' end, 1.56 million db hits measured)', { from: '2020' }],
    ['every item (10.5 million db hits measured)', { from: '1990', to: '2030' }],
    ['up to 2000 (301,151 items, about 2.1 million db hits)', { to: '2000' }],
  ] as const)('a date range alone, %s: refused at 10^6, allowed at 10^5', (_name, filter) => {
    expect(withDates({ filter }, 1_000_000, '1e6')).toBeGreaterThan(maxCost);
    expect(withDates({ filter }, 100_000, '1e5')).toBeLessThanOrEqual(maxCost);
  });

  it('a recent range costs at 10^6 what its items cost, not the corpus (9,140 against 113,267 without the dates)', () => {
    const filter = { from: '2024-06', to: '2024-06' };
    expect(withDates({ filter }, 1_000_000, '1e6')).toBeLessThan(at({ filter }, 1_000_000) / 10);
  });
});

describe('a date range alone, weighed by the items its read goes through (decision 0065)', () => {
  const month = (y: number, m: number) => y * 12 + m - 1;
  // 10 statements a month from 2000-01 to 2009-12, 5 stances and 1 event every month.
  const months = Array.from({ length: 120 }, (_, i) => month(2000, 1) + i);
  const dates: GraphDates = { statements: months.map((m) => [m, 10] as const), stances: months.map((m) => [m, 5] as const), events: months.map((m) => [m, 1] as const) };
  const scale: GraphScale = { statements: 1_200, dates };

  it('reads a Date argument as its first month, or its last', () => {
    expect(monthOf('2020')).toBe(month(2020, 1));
    expect(monthOf('2020', true)).toBe(month(2020, 12));
    expect(monthOf('2020-06')).toBe(month(2020, 6));
    expect(monthOf('2020-06', true)).toBe(month(2020, 6));
    expect(monthOf('2020-06-15', true)).toBe(month(2020, 6));
    expect(monthOf(undefined)).toBeUndefined();
    expect(monthOf(2020)).toBeUndefined();
  });

  it('counts what the read goes through: from the start to its end\'s year\'s last month, or to the corpus\' end, or up to the end; in range, the months between', () => {
    // From a start: the end-date index from it to the last day of the range's end's year (an item ends
    // within the year it starts in), to the last item without an end (src/graph/lists.ts: startParams).
    expect(datedItems(['statements'], { from: '2009', to: '2009-03' }, scale)).toEqual({ read: 120, inRange: 30 });
    expect(datedItems(['statements'], { from: '2003-11', to: '2004-02' }, scale)).toEqual({ read: 140, inRange: 40 });
    // Events have no end-date index: read from the corpus' start up to the range's end.
    expect(datedItems(['events'], { from: '2003-11', to: '2004-02' }, scale)).toEqual({ read: 50, inRange: 4 });
    expect(datedItems(['statements'], { from: '2005' }, scale)).toEqual({ read: 600, inRange: 600 });
    // Only an end: the start-date index up to it.
    expect(datedItems(['statements'], { to: '2000-06' }, scale)).toEqual({ read: 60, inRange: 60 });
    expect(datedItems(['events', 'statements', 'stances'], { from: '1990', to: '2030' }, scale)).toEqual({ read: 1_920, inRange: 1_920 });
    expect(datedItems(['stances'], { from: '2020' }, scale)).toEqual({ read: 0, inRange: 0 });
    // Without the dates, or without a range: unknown, weighed as every item.
    expect(datedItems(['statements'], { from: '2005' }, { statements: 1_200 })).toBeUndefined();
    expect(datedItems(['statements'], { modes: ['QUOTE'] }, scale)).toBeUndefined();
  });

  it('weighs a recent range less than an old one, and as every item without the dates', () => {
    const work = (filter: Record<string, unknown>, s: GraphScale | number) => fieldWork('Query.statements', { filter, first: 50 }, s)!;
    expect(work({ from: '2009-06' }, scale)).toBeLessThan(work({ from: '2001' }, scale));
    expect(work({ from: '2001' }, scale)).toBeLessThan(work({ from: '2001' }, 1_200));
    expect(work({ from: '2001' }, 1_200)).toBe(work({ from: '2001' }, { statements: 1_200 }));
    // A range that finds nothing costs what an unfiltered read does, without the page's items.
    expect(work({ from: '2020' }, scale)).toBe(fieldWork('Query.statements', { first: 1 }, scale)! - 1);
  });

  it('takes the dates the server last read when the plugin hands it only the count (graph-size.ts: scaleOf)', () => {
    expect(scaleOf(scale)).toBe(scale);
    expect(scaleOf(1_200)).toEqual({ statements: 1_200 });
  });
});

describe('an issue filter and a neighbourhood at depth 2, weighed by their own nodes (decision 0068)', () => {
  // [degree, plainDegree, sampled, sampledPlain, around, aroundPlain, meanDegree] as cypher/read/cost-sizes reads them.
  const node = (...[degree, plainDegree, sampled, sampledPlain, around, aroundPlain, meanDegree]: number[]): LocalSizes => ({
    degrees: { n: { degree: degree!, plainDegree: plainDegree!, sampled: sampled!, sampledPlain: sampledPlain!, around: around!, aroundPlain: aroundPlain!, meanDegree: meanDegree! } },
    issues: {},
  });
  const issue = (own: number, subIssues: number): LocalSizes => ({ degrees: {}, issues: { i: { own, subIssues } } });
  const depth2 = (includeProvenance: boolean): FieldArgs => ({ id: 'n', depth: 2, limit: 500, includeProvenance });
  const lists = (first: number): Array<[string, FieldArgs]> => [
    ['Query.timeline', { filter: { issueIds: ['i'] }, first }],
    ['Query.statements', { filter: { issueIds: ['i'] }, first }],
    ['Query.stances', { filter: { issueIds: ['i'] }, first }],
  ];
  // db hits through the server (calibrate-cost) on the synthetic corpora, with the sizes
  // cypher/read/cost-sizes read on the same graph (docs/performance.md, "Cost of an issue
  // filter and of neighbourhood depth 2"): [statements, what, sizes, field, args, db hits].
  const measured: Array<[number, string, LocalSizes, string, FieldArgs, number]> = [];
  const add = (statements: number, what: string, sizes: LocalSizes, rows: Array<[string, FieldArgs]>, hits: number[]) => rows.forEach(([c, a], k) => measured.push([statements, what, sizes, c, a, hits[k]!]));
  const neighbourhoods: Array<[string, FieldArgs]> = [['Query.neighbourhood', depth2(false)], ['Query.neighbourhood', depth2(true)]];
  // 10^4
  add(10_000, 'synth-person-500', node(19, 10, 19, 10, 10_741, 57, 6.93), neighbourhoods, [1_287, 70_434]);
  add(10_000, 'synth-state-100', node(155, 102, 155, 102, 25_384, 614, 6.93), neighbourhoods, [13_791, 97_060]);
  add(10_000, 'synth-org-0 (the hub)', node(3_148, 1_269, 3_148, 1_269, 42_244, 6_989, 6.93), neighbourhoods, [58_569, 148_112]);
  add(10_000, 'synth-issue-10', issue(253, 0), [...lists(50), ...lists(200)], [5_030, 3_291, 3_704, 6_761, 8_059, 3_704]);
  add(10_000, 'synth-issue-20', issue(175, 0), [...lists(50), ...lists(200)], [4_188, 2_770, 3_751, 6_062, 5_913, 4_925]);
  add(10_000, 'synth-issue-0 and its 4 sub-issues', issue(1_686, 741), [...lists(50), ...lists(200)], [47_558, 17_534, 27_012, 49_416, 22_331, 32_425]);
  // 10^5 (every relationship of these two read: their plain counts, read since, do not matter then)
  add(100_000, 'synth-state-100', node(764, 0, 764, 0, 278_693, 2_277, 7.4), neighbourhoods, [30_819, 862_291]);
  add(100_000, 'synth-power-25', node(4_954, 0, 4_954, 0, 323_242, 26_607, 7.4), neighbourhoods, [121_941, 993_767]);
  add(100_000, 'synth-issue-100', issue(357, 0), [...lists(50), ...lists(200)], [7_128, 3_942, 5_238, 8_946, 8_710, 7_177]);
  add(100_000, 'synth-issue-20', issue(814, 0), [...lists(50), ...lists(200)], [15_301, 6_929, 9_450, 17_027, 11_677, 14_770]);
  add(100_000, 'synth-issue-0 and its 24 sub-issues', issue(7_362, 9_823), [...lists(50), ...lists(200)], [333_896, 114_463, 181_189, 335_666, 119_236, 186_590]);
  // 10^6: a person, a state (5,000 of its 7,401 relationships sampled), the hub (5,000 of 217,940)
  add(1_000_000, 'synth-person-35000', node(20, 10, 20, 10, 73_358, 59, 7.58), neighbourhoods, [8_240, 283_914]);
  add(1_000_000, 'synth-state-100', node(7_401, 3_566, 5_000, 1_165, 2_872_680, 7_361, 7.58), neighbourhoods, [128_299, 7_639_645]);
  add(1_000_000, 'synth-issue-100', issue(1_886, 0), [...lists(50), ...lists(200)], [37_196, 13_899, 21_574, 38_986, 18_672, 26_979]);
  add(1_000_000, 'synth-issue-20', issue(4_168, 0), [...lists(50), ...lists(200)], [85_478, 28_929, 48_471, 87_264, 33_704, 53_864]);
  add(1_000_000, 'synth-issue-0 and its 249 sub-issues', issue(36_910, 107_406), [...lists(50), ...lists(200)], [2_821_209, 949_187, 1_522_299, 2_822_911, 953_957, 1_527_714]);
  add(1_000_000, 'synth-org-0 (the hub)', node(217_940, 84_188, 5_000, 5_000, 107_882, 107_882, 7.58), neighbourhoods, [2_875_486, 11_195_872]);

  // A small read (under 15,000 db hits: a page of 200 from a small issue at 10^4, a person's depth 2)
  // is weighed at its floor (the page's items, the kept nodes' base): at most 150 units.
  const SMALL_READ = 15_000;
  it.each(measured)('at %i statements, %s (sizes %j): %s %j within 0.7-1.6x of the db hits measured (a small read: at most its floor)', (statements, _what, local, coordinate, args, hits) => {
    const estimated = fieldWork(coordinate, args, { statements, local })! * DB_HITS_PER_UNIT;
    if (hits < SMALL_READ && estimated <= SMALL_READ) return;
    expect(estimated / hits).toBeGreaterThan(0.7);
    expect(estimated / hits).toBeLessThan(1.6);
  });

  it('wants the start node of a neighbourhood at any depth, and the actors, else the issues, a list starts from; nothing else', () => {
    const none = { entities: [], issues: [], actors: [] };
    for (const depth of [1, 2, 3, undefined]) expect(sizesWanted('Query.neighbourhood', { id: 'n', depth })).toEqual({ ...none, entities: ['n'] });
    expect(sizesWanted('Query.timeline', { filter: { issueIds: ['a', 'b'] } })).toEqual({ ...none, issues: ['a', 'b'] });
    expect(sizesWanted('Query.stances', { filter: { issueIds: ['a'] } })).toEqual({ ...none, issues: ['a'] });
    // An actor filter is where the read starts (decision 0069): its actors, the issues only tested.
    expect(sizesWanted('Query.statements', { filter: { issueIds: ['a'], speakerIds: ['x'] } })).toEqual({ ...none, actors: ['x'] });
    expect(sizesWanted('Query.timeline', { filter: { actorIds: ['x', 'y'] } })).toEqual({ ...none, actors: ['x', 'y'] });
    expect(sizesWanted('Query.stances', { filter: { holderIds: ['x'] } })).toEqual({ ...none, actors: ['x'] });
    expect(sizesWanted('Query.timeline', { filter: { from: '2020' } })).toEqual(none);
    expect(sizesWanted('Query.agreement', { actorIds: ['a', 'b'], issueId: 'a' })).toEqual(none);
    const many = Array.from({ length: 101 }, (_, k) => `i${k}`);
    expect(sizesWanted('Query.timeline', { filter: { issueIds: many } })).toEqual(none);
    expect(sizesWanted('Query.timeline', { filter: { actorIds: many } })).toEqual(none);
  });

  it('gathers what an operation wants once, from variables too', () => {
    const document = parse('query($id: ID!, $i: [ID!]) { a: neighbourhood(id: $id, depth: 2) { truncated } b: neighbourhood(id: $id, depth: 3, includeProvenance: true) { truncated } timeline(filter: { issueIds: $i }) { totalCount } stances(filter: { holderIds: [$id, "h"] }) { totalCount } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(estimateOperationCost(schema, document, operation, { id: 'n', i: ['x', 'y'] }).wanted).toEqual({ entities: ['n'], issues: ['x', 'y'], actors: ['h', 'n'] });
  });

  it('weighs the sub-issues only when the filter includes them, an issue not found as none, and stays as before without the sizes', () => {
    const args = (includeSubIssues: boolean): FieldArgs => ({ filter: { issueIds: ['i'], includeSubIssues }, first: 50 });
    const at = (a: FieldArgs, local?: LocalSizes) => fieldWork('Query.timeline', a, { statements: 1_000_000, ...(local ? { local } : {}) })!;
    expect(at(args(true), issue(300, 30_000))).toBeGreaterThan(at(args(false), issue(300, 30_000)) * 10);
    expect(at(args(true), { degrees: {}, issues: {} })).toBeLessThan(at(args(true), issue(300, 0)));
    expect(at(args(true))).toBe(fieldWork('Query.timeline', args(true), 1_000_000));
    const d2 = (local?: LocalSizes) => fieldWork('Query.neighbourhood', depth2(false), { statements: 1_000_000, ...(local ? { local } : {}) })!;
    expect(d2()).toBe(fieldWork('Query.neighbourhood', depth2(false), 1_000_000));
    expect(d2({ degrees: {}, issues: {} })).toBeLessThan(d2(node(10, 10, 10, 10, 100, 100, 7)));
  });
});

describe('neighbourhoods at depths 1 and 3 and actor filters, weighed by their own nodes (decision 0069)', () => {
  // The sizes cypher/read/cost-sizes reads for a node (as start node "n" and as actor "a"): its
  // relationships and the sampled neighbours' and second hop's (NodeDegree), and an actor's
  // [events, said, onBehalfOf, took] of its own and of its parts.
  const sized = (degree: NodeDegree, items: number[]): LocalSizes => ({
    degrees: { n: degree },
    issues: {},
    actors: { a: { own: { events: items[0]!, said: items[1]!, onBehalfOf: items[2]!, took: items[3]! }, parts: { events: items[4]!, said: items[5]!, onBehalfOf: items[6]!, took: items[7]! } } },
  });
  const around = (depth: number, includeProvenance: boolean): [string, FieldArgs] => ['Query.neighbourhood', { id: 'n', depth, limit: 500, includeProvenance }];
  const neighbourhoods = [around(1, false), around(1, true), around(2, false), around(2, true), around(3, false), around(3, true)];
  const byActor = (first: number): Array<[string, FieldArgs]> => [
    ['Query.timeline', { filter: { actorIds: ['a'] }, first }],
    ['Query.statements', { filter: { speakerIds: ['a'] }, first }],
    ['Query.stances', { filter: { holderIds: ['a'] }, first }],
  ];
  const withParts = (first: number): Array<[string, FieldArgs]> => byActor(first).map(([c, a]) => [c, { ...a, filter: { ...(a['filter'] as object), includeParts: true } }]);
  // db hits through the server (calibrate-cost) with the sizes cypher/read/cost-sizes read on the
  // same graph (docs/performance.md, "Cost of neighbourhood depths 1 and 3 and of an actor filter"):
  // 10^4 and 10^5 bulk-loaded in this helper's Neo4j, 10^6 the bench's corpus (loaded transactionally);
  // null where not measured. [statements, what, sizes, field, args, db hits].
  const measured: Array<[number, string, LocalSizes, string, FieldArgs, number]> = [];
  const add = (statements: number, what: string, sizes: LocalSizes, rows: Array<[string, FieldArgs]>, hits: Array<number | null>) =>
    rows.forEach(([c, a], k) => {
      if (hits[k] !== null && hits[k] !== undefined) measured.push([statements, what, sizes, c, a, hits[k]!]);
    });
  // 10^4
  add(10_000, 'synth-person-500', sized({ degree: 19, plainDegree: 10, outDegree: 10, sampled: 19, sampledPlain: 10, around: 10_741, aroundPlain: 57, aroundOut: 4_232, aroundOutPlain: 42, keptOut: 4_232, keptOutPlain: 42, neighbours: 19, neighboursPlain: 10, hop2: 2_000, reach: 59_791, hop2Plain: 21, reachPlain: 4_111, meanDegree: 8.19, relationships: 83_951 }, [0, 9, 0, 0, 0, 0, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [456, 4_997, 1_287, 70_434, 39_406, 299_243, 378, 412, 48, 378, 412, 48]);
  add(10_000, 'synth-state-100', sized({ degree: 155, plainDegree: 102, outDegree: 30, sampled: 155, sampledPlain: 102, around: 25_384, aroundPlain: 614, aroundOut: 9_553, aroundOutPlain: 453, keptOut: 9_553, keptOutPlain: 453, neighbours: 154, neighboursPlain: 102, hop2: 2_000, reach: 68_445, hop2Plain: 236, reachPlain: 16_706, meanDegree: 8.19, relationships: 83_951 }, [0, 11, 69, 16, 0, 53, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [4_952, 16_973, 13_791, 97_060, 94_015, 499_918, 1_543, 2_197, 710, 2_058, 3_144, 710]);
  add(10_000, 'synth-power-10', sized({ degree: 695, plainDegree: 556, outDegree: 101, sampled: 695, sampledPlain: 556, around: 28_711, aroundPlain: 3_466, aroundOut: 11_849, aroundOutPlain: 2_402, keptOut: 11_019, keptOutPlain: 2_156, neighbours: 690, neighboursPlain: 556, hop2: 2_000, reach: 70_472, hop2Plain: 1_381, reachPlain: 23_662, meanDegree: 8.19, relationships: 83_951 }, [2, 34, 440, 62, 0, 56, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [21_328, 34_218, 32_536, 109_179, 124_035, 520_197, 5_521, 4_958, 2_274, 7_271, 9_671, 2_692]);
  add(10_000, 'synth-org-0', sized({ degree: 3_148, plainDegree: 1_269, outDegree: 1_109, sampled: 3_148, sampledPlain: 1_269, around: 42_244, aroundPlain: 6_989, aroundOut: 20_652, aroundOutPlain: 3_824, keptOut: 10_476, keptOutPlain: 1_561, neighbours: 3_122, neighboursPlain: 1_269, hop2: 2_000, reach: 72_098, hop2Plain: 2_000, reachPlain: 42_946, meanDegree: 8.19, relationships: 83_951 }, [10, 171, 0, 897, 0, 0, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [30_578, 43_585, 58_569, 148_112, 236_321, 583_814, 10_554, 2_891, 8_117, 12_721, 6_867, 13_517]);
  // 10^5
  add(100_000, 'synth-person-3500', sized({ degree: 10, plainDegree: 5, outDegree: 5, sampled: 10, sampledPlain: 5, around: 12_306, aroundPlain: 26, aroundOut: 7_698, aroundOutPlain: 20, keptOut: 7_698, keptOutPlain: 20, neighbours: 10, neighboursPlain: 5, hop2: 2_000, reach: 380_009, hop2Plain: 9, reachPlain: 3_215, meanDegree: 8.84, relationships: 881_573 }, [0, 4, 0, 0, 0, 0, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [236, 8_104, 711, 55_593, 30_975, 1_265_846, 198, 195, 30, 198, 195, 30]);
  add(100_000, 'synth-state-100', sized({ degree: 764, plainDegree: 364, outDegree: 181, sampled: 764, sampledPlain: 364, around: 278_693, aroundPlain: 2_277, aroundOut: 133_628, aroundOutPlain: 1_393, keptOut: 132_511, keptOutPlain: 1_393, neighbours: 764, neighboursPlain: 364, hop2: 2_000, reach: 384_755, hop2Plain: 980, reachPlain: 136_405, meanDegree: 8.84, relationships: 881_573 }, [2, 64, 174, 110, 0, 0, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [15_643, 153_731, 30_819, 862_291, 522_717, 4_928_228, 3_865, 3_316, 2_608, 5_692, 8_088, 4_754]);
  add(100_000, 'synth-power-25', sized({ degree: 4_954, plainDegree: 4_257, outDegree: 388, sampled: 4_954, sampledPlain: 4_257, around: 323_242, aroundPlain: 26_607, aroundOut: 161_211, aroundOutPlain: 19_060, keptOut: 141_515, keptOutPlain: 2_285, neighbours: 4_942, neighboursPlain: 4_257, hop2: 2_000, reach: 549_769, hop2Plain: 2_000, reachPlain: 165_389, meanDegree: 8.84, relationships: 881_573 }, [4, 119, 3_810, 249, 0, 579, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [38_542, 181_842, 121_941, 993_767, 961_833, 5_330_789, 38_301, 29_113, 3_583, 40_011, 33_810, 8_983]);
  add(100_000, 'synth-org-0', sized({ degree: 22_061, plainDegree: 8_766, outDegree: 8_245, sampled: 5_000, sampledPlain: 779, around: 125_436, aroundPlain: 11_037, aroundOut: 62_639, aroundOutPlain: 2_496, keptOut: 14_053, keptOutPlain: 1_938, neighbours: 5_000, neighboursPlain: 779, hop2: 2_000, reach: 349_621, hop2Plain: 2_000, reachPlain: 191_994, meanDegree: 8.84, relationships: 881_573 }, [92, 1_270, 0, 6_625, 0, 0, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [100_817, 94_989, 314_334, 1_122_718, 2_136_464, 5_641_676, 72_892, 10_584, 48_213, 75_062, 15_547, 53_613]);
  // 10^6 (the state's and the power's sizes serve their rows with includeParts too)
  const state100 = sized({ degree: 7_401, plainDegree: 3_566, outDegree: 1_680, sampled: 5_000, sampledPlain: 1_165, around: 2_873_625, aroundPlain: 8_319, aroundOut: 1_428_029, aroundOutPlain: 4_714, keptOut: 326_711, keptOutPlain: 2_079, neighbours: 4_997, neighboursPlain: 1_165, hop2: 2_000, reach: 3_422_806, hop2Plain: 2_000, reachPlain: 1_027_787, meanDegree: 9.07, relationships: 8_901_233 }, [21, 560, 1_814, 1_051, 0, 179, 0, 0]);
  const power25 = sized({ degree: 46_820, plainDegree: 39_802, outDegree: 3_838, sampled: 5_000, sampledPlain: 547, around: 1_968_604, aroundPlain: 11_424, aroundOut: 987_380, aroundOutPlain: 6_033, keptOut: 2_769, keptOutPlain: 2_769, neighbours: 5_000, neighboursPlain: 547, hop2: 2_000, reach: 1_243_825, hop2Plain: 2_000, reachPlain: 12_021, meanDegree: 9.07, relationships: 8_901_233 }, [39, 1_207, 35_337, 2_463, 0, 5_036, 0, 0]);
  add(1_000_000, 'synth-person-35000', sized({ degree: 20, plainDegree: 10, outDegree: 10, sampled: 20, sampledPlain: 10, around: 73_358, aroundPlain: 59, aroundOut: 56_635, aroundOutPlain: 43, keptOut: 56_635, keptOutPlain: 43, neighbours: 20, neighboursPlain: 10, hop2: 2_000, reach: 3_219_797, hop2Plain: 21, reachPlain: 29_919, meanDegree: 9.07, relationships: 8_901_233 }, [0, 9, 0, 0, 0, 0, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [462, 57_436, 8_240, 283_914, 134_573, 11_988_791, 388, 418, 50, 388, 418, 50]);
  add(1_000_000, 'synth-state-100', state100, [...neighbourhoods, ...byActor(50), ...byActor(200)], [44_411, 352_512, 128_318, 7_639_664, 8_029_452, 49_199_109, 31_783, 18_267, 9_201, 33_590, 23_021, 14_601]);
  add(1_000_000, 'synth-power-25', power25, [...neighbourhoods, ...byActor(50), ...byActor(200)], [196_132, 158_228, 977_341, 8_426_503, 12_684_600, 52_258_298, 352_155, 257_429, 19_085, 353_865, 262_147, 24_485]);
  add(1_000_000, 'synth-org-0', sized({ degree: 217_940, plainDegree: 84_188, outDegree: 81_578, sampled: 5_000, sampledPlain: 310, around: 190_111, aroundPlain: 930, aroundOut: 120_430, aroundOutPlain: 620, keptOut: 101_364, keptOutPlain: 620, neighbours: 5_000, neighboursPlain: 310, hop2: 2_000, reach: 2_012_109, hop2Plain: 310, reachPlain: 1_948_111, meanDegree: 9.07, relationships: 8_901_233 }, [843, 11_906, 0, 66_216, 0, 0, 0, 0]), [...neighbourhoods, ...byActor(50), ...byActor(200)], [788_525, 752_945, 2_875_426, 11_195_812, 21_292_010, 56_862_223, 713_182, 85_036, 465_350, 715_364, 89_974, 470_750]);

  // 10^6, with the actor's parts (includeParts: PART_OF)
  add(1_000_000, 'synth-state-100 and its parts', state100, [...withParts(50), ...withParts(200)], [33_158, 19_246, 9_378, 34_965, 24_000, 14_778]);
  add(1_000_000, 'synth-power-25 and its parts', power25, [...withParts(50), ...withParts(200)], [380_308, 281_066, 21_422, 382_018, 285_784, 26_822]);

  // Outside 0.7-1.6x, measured and kept to show it (docs/performance.md says why): a sample of a
  // node's first relationships does not tell which of the second hop's nodes are shared.
  const MISSES = new Set<string>([
    // Depth 3 from a person with provenance: its sample reaches sources and reports shared by everyone (1.7x at 10^4, 3.4x at 10^5, 3.6x at 10^6).
    `10000 synth-person-500 Query.neighbourhood ${JSON.stringify({ id: 'n', depth: 3, limit: 500, includeProvenance: true })}`,
    `1000000 synth-person-35000 Query.neighbourhood ${JSON.stringify({ id: 'n', depth: 3, limit: 500, includeProvenance: true })}`,
    `100000 synth-person-3500 Query.neighbourhood ${JSON.stringify({ id: 'n', depth: 3, limit: 500, includeProvenance: true })}`,
    // Depth 3 from a power without provenance at 10^5: its second hop's sample, scaled up, counts shared nodes again (2.0x).
    `100000 synth-power-25 Query.neighbourhood ${JSON.stringify({ id: 'n', depth: 3, limit: 500, includeProvenance: false })}`,
    // Depth 2 from a person with provenance at 10^5: decision 0068's base (800 units) against 55,593 db hits (1.9x).
    `100000 synth-person-3500 Query.neighbourhood ${JSON.stringify({ id: 'n', depth: 2, limit: 500, includeProvenance: true })}`,
    // Depth 3 from a state without provenance at 10^6: its second hop's sample, scaled up, counts shared issues again (2.3x).
    `1000000 synth-state-100 Query.neighbourhood ${JSON.stringify({ id: 'n', depth: 3, limit: 500, includeProvenance: false })}`,
  ]);
  const SMALL_READ = 15_000;
  const key = (statements: number, what: string, coordinate: string, args: FieldArgs) => `${statements} ${what} ${coordinate} ${JSON.stringify(args)}`;
  it.each(measured.map(([statements, what, local, coordinate, args, hits]) => [statements, what, coordinate, args, hits, local] as const))('at %i statements, %s: %s %j (%i db hits) within 0.7-1.6x (a small read: at most its floor; a known miss: 0.25-4x)', (statements, what, coordinate, args, hits, local) => {
    const estimated = fieldWork(coordinate, args, { statements, local })! * DB_HITS_PER_UNIT;
    if (hits < SMALL_READ && estimated <= SMALL_READ) return;
    const [lo, hi] = MISSES.has(key(statements, what, coordinate, args)) ? [0.25, 4] : [0.7, 1.6];
    expect(estimated / hits).toBeGreaterThan(lo);
    expect(estimated / hits).toBeLessThan(hi);
  });

  it.each(measured.filter(([, , , c, a]) => c === 'Query.neighbourhood' && a['depth'] === 1).map(([statements, what, local, , args]) => [statements, what, args, local] as const))('at %i statements, %s: depth 1 <= depth 2 <= depth 3 (%j)', (statements, _what, args, local) => {
    const at = (depth: number) => fieldWork('Query.neighbourhood', { ...args, depth }, { statements, local })!;
    expect(at(1)).toBeLessThanOrEqual(at(2));
    expect(at(2)).toBeLessThanOrEqual(at(3));
  });

  it('weighs an actor filter by its actors\' own items, their parts\' only with includeParts, an actor not found as none, and as before without the sizes', () => {
    const local = sized(measured[0]![2].degrees['n']!, [10, 200, 300, 400, 1, 2_000, 3, 4]);
    const at = (filter: Record<string, unknown>, l?: LocalSizes) => fieldWork('Query.statements', { filter, first: 50 }, { statements: 1_000_000, ...(l ? { local: l } : {}) })!;
    expect(at({ speakerIds: ['a'], includeParts: true }, local)).toBeGreaterThan(at({ speakerIds: ['a'] }, local) * 3);
    expect(at({ speakerIds: ['a', 'nowhere'] }, local)).toBeLessThan(at({ speakerIds: ['a'] }, local) + 10);
    expect(at({ speakerIds: ['a'] })).toBe(fieldWork('Query.statements', { filter: { speakerIds: ['a'] }, first: 50 }, 1_000_000));
    // Stances count only the stances taken, the timeline every kind of item.
    expect(fieldWork('Query.stances', { filter: { holderIds: ['a'] } }, { statements: 1_000_000, local })!).toBeLessThan(fieldWork('Query.timeline', { filter: { actorIds: ['a'] } }, { statements: 1_000_000, local })!);
  });
});
