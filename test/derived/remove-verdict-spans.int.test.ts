/**
 * A graph loaded before decision 0067 holds :VerdictSpan nodes and their four indexes
 * (decision 0053); the normal path (the seed's, which `npm run up` runs too, and every
 * command that applies the schema) drops the indexes and deletes the nodes in batches,
 * leaving everything else as it was; run again, it finds nothing and says nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { removeVerdictSpans } from '../../src/derived/remove-verdict-spans.js';
import { toPlain } from '../../src/neo4j/values.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { testDatabase, withTestDriver } from '../setup/neo4j.js';
import { restoreSeededGraph } from './corpus.js';

const driver = withTestDriver();
let database: string;

/** The indexes of the removed cypher/schema/007-verdict-spans.cypher, as graphs loaded before hold them. */
const OLD_INDEXES = [
  'CREATE INDEX verdict_span_pair IF NOT EXISTS FOR (s:VerdictSpan) ON (s.pairKey)',
  'CREATE INDEX verdict_span_count IF NOT EXISTS FOR (s:VerdictSpan) ON (s.holderId, s.verdict, s.until, s.from)',
  'CREATE INDEX verdict_span_page IF NOT EXISTS FOR (s:VerdictSpan) ON (s.holderId, s.verdict, s.targetId, s.from, s.until)',
  'CREATE INDEX verdict_span_aim IF NOT EXISTS FOR (s:VerdictSpan) ON (s.holderId, s.aimId, s.until, s.from)',
];

async function rows(query: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const res = await driver().executeQuery(query, params, { database });
  return res.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
}

/** Spans as decision 0053 wrote them (one per pair and verdict, some aim spans), `n` of them, with the old indexes. */
async function addOldSpans(n: number): Promise<void> {
  for (const statement of OLD_INDEXES) await driver().executeQuery(statement, {}, { database });
  await driver().executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  await driver().executeQuery(
    `UNWIND range(1, $n) AS i
     CREATE (s:VerdictSpan {key: 'h' + (i % 97) + '|t' + i + '|AGREE|2020-01-01', pairKey: 'h' + (i % 97) + '|t' + i, holderId: 'h' + (i % 97), targetId: 't' + i,
       from: date('2020-01-01'), until: date('2021-01-01')})
     SET s.verdict = CASE WHEN i % 5 = 0 THEN null ELSE 'AGREE' END, s.aimId = CASE WHEN i % 5 = 0 THEN 'h1' ELSE null END`,
    { n },
    { database },
  );
}

/** Everything but the spans: nodes per label set, relationships per type, the indexes and constraints. */
async function rest(): Promise<unknown> {
  return {
    nodes: (await rows('MATCH (n) WHERE NOT n:VerdictSpan RETURN labels(n) AS labels, count(*) AS n')).map((r) => JSON.stringify(r)).sort(),
    relationships: await rows('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type'),
    derived: (await rows('MATCH (p:TopicPosition|MembershipDates) RETURN labels(p) AS labels, properties(p) AS p')).map((r) => JSON.stringify(r)).sort(),
    indexes: await rows("SHOW INDEXES YIELD name, state WHERE NOT name STARTS WITH 'verdict_span_' RETURN name, state ORDER BY name"),
    constraints: await rows('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name'),
  };
}

async function spansLeft(): Promise<{ spans: number; indexes: string[] }> {
  const [{ spans }] = (await rows('MATCH (s:VerdictSpan) RETURN count(s) AS spans')) as [{ spans: number }];
  const indexes = (await rows("SHOW INDEXES YIELD name WHERE name STARTS WITH 'verdict_span_' RETURN name")).map((r) => r.name as string);
  return { spans, indexes };
}

beforeAll(async () => {
  database = testDatabase();
  await restoreSeededGraph(driver(), database);
}, 120_000);

describe('verdict spans of a graph loaded before decision 0067', () => {
  it('are gone, with their indexes, after the seed (the normal path), and nothing else changed', async () => {
    const before = await rest();
    await addOldSpans(25_000);
    expect(await spansLeft()).toEqual({ spans: 25_000, indexes: expect.arrayContaining(['verdict_span_pair', 'verdict_span_count', 'verdict_span_page', 'verdict_span_aim']) });
    await runSeed(driver(), { database });
    expect(await spansLeft()).toEqual({ spans: 0, indexes: [] });
    expect(await rest()).toEqual(before);
  }, 120_000);

  it('are deleted in batches of their own transactions with progress, and the schema run again finds nothing and says nothing', async () => {
    await addOldSpans(12_345);
    const said: string[] = [];
    // Small batches: several calls of ten transactions each, as at 10^6 with the default batch.
    expect(await removeVerdictSpans(driver(), database, { batch: 500, report: (line) => said.push(line) })).toBe(12_345);
    expect(said[0]).toMatch(/^Removing 12,345 verdict spans/);
    expect(said.filter((l) => / of 12,345 removed$/.test(l))).toEqual(['  5,000 of 12,345 removed', '  10,000 of 12,345 removed']);
    expect(said.at(-1)).toMatch(/^Removed 12,345 verdict spans in \d+\.\d s$/);
    expect((await spansLeft()).spans).toBe(0);

    said.length = 0;
    await addOldSpans(0);
    await applySchema(driver(), database, (line) => said.push(line));
    await applySchema(driver(), database, (line) => said.push(line));
    expect(said).toEqual([]);
    expect(await spansLeft()).toEqual({ spans: 0, indexes: [] });
  }, 120_000);
});
