/**
 * What an ingest maintains by updating pairs from their stored lists (decision 0063)
 * equals a rebuild from scratch: a hub pair that gets stances over several batches, the
 * later ones dated before the earlier ones, with ties on a date and stances that also
 * answer a demand; then one of its stances changed by a later file (kind and date), and
 * one added by an API write and then moved to another holder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAllTopicPositions } from '../../src/derived/topic-positions.js';
import { deleteGraph, ingestFiles, type IngestFile } from '../../src/ingest/ingest-stream.js';
import { toPlain } from '../../src/neo4j/values.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { corpusFileCount, reportFile, generateCorpus, type SeedFileInput } from '../../src/synth/generate-corpus.js';
import { writeEntity } from '../../src/write/write-entity.js';
import { testDatabase, withTestDriver } from '../setup/neo4j.js';
import { restoreSeededGraph } from './corpus.js';

const driver = withTestDriver();
const corpus = { actors: 150, statements: 1_000, seed: 4, statementsPerFile: 100 };
let database: string;

async function rows(query: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const res = await driver().executeQuery(query, params, { database, routing: 'READ' });
  return res.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
}

/** Every stored derived node, sorted. */
async function snapshot(): Promise<string[]> {
  return (await rows('MATCH (p:TopicPosition) RETURN labels(p) AS labels, properties(p) AS p ORDER BY p.key')).map((r) => JSON.stringify(r)).sort();
}

async function expectEqualsRebuild(): Promise<void> {
  const maintained = await snapshot();
  expect(maintained.length).toBeGreaterThan(0);
  await rebuildAllTopicPositions(driver(), database, { holdersPerPage: 50 });
  expect(await snapshot()).toEqual(maintained);
}

/** Report `j` past the corpus, every stance of it taken by `holder` on `issue` on `date` (a third of them also answering a demand of the file). */
function extraFile(j: number, holder: string, issue: string, date: string): IngestFile {
  // Past the corpus's own reports: the layout (actors, issues) is the same, the report is full.
  const f = reportFile({ ...corpus, statements: 2 * corpus.statements }, j);
  const seed = structuredClone(f.seed) as SeedFileInput;
  const demands = seed.demands ?? [];
  seed.stances = (seed.stances ?? []).map((s, k) => ({
    ...s, holder, date, issues: [issue],
    respondsTo: k % 3 === 0 && demands.length > 0 ? demands[0]!.id : undefined,
  }));
  return { name: f.name, seed, statements: f.statements };
}

beforeAll(async () => {
  database = testDatabase();
  await deleteGraph(driver(), database);
  await applySchema(driver(), database);
  const files = [...generateCorpus(corpus)].map((f) => ({ name: f.name, seed: f.seed, statements: f.statements }));
  await ingestFiles(driver(), files, { database, batchSize: 500 });
}, 120_000);

afterAll(async () => {
  await restoreSeededGraph(driver(), database, { keyName: 'test update writer', lockPrefix: 'test-update-' });
}, 120_000);

describe('derived positions updated from their stored lists', () => {
  it('equal a rebuild after a hub pair gets stances over batches dated backwards, a changed stance and a removed link', async () => {
    await expectEqualsRebuild();
    const [hub] = await rows(`MATCH (h:Actor)-[:TOOK]->(:Stance)-[:CONCERNS]->(i:Issue)
      RETURN h.id AS holder, i.id AS issue, count(*) AS n ORDER BY n DESC, holder, issue LIMIT 1`);
    const { holder, issue } = hub as { holder: string; issue: string };
    const first = corpusFileCount(corpus);
    // Each file its own ingest (its own batches); each later one dated before the one before it; stances of a file tie on its date.
    const dates = ['2031-06-01', '2024-03-01', '2024-03-01', '1999-01-01'];
    const extra = dates.map((date, k) => extraFile(first + k, holder, issue, date));
    for (const f of extra) await ingestFiles(driver(), [f], { database });
    const [pair] = await rows('MATCH (p:TopicPosition {key: $key}) RETURN size(p.stanceIds) AS n', { key: `${holder}|${issue}` });
    const added = extra.reduce((n, f) => n + ((f.seed as SeedFileInput).stances?.length ?? 0), 0);
    expect(added).toBeGreaterThan(8);
    expect(pair!.n as number).toBeGreaterThanOrEqual(added);
    await expectEqualsRebuild();

    // A later file changes a stance of the pair: another kind and an earlier date.
    const changed = structuredClone(extra[1]!);
    const stance = (changed.seed as SeedFileInput).stances![1]!;
    (changed.seed as SeedFileInput).stances![1] = { ...stance, kind: stance.kind === 'SUPPORTS' ? 'REJECTS' : 'SUPPORTS', date: '1990-01-01' };
    await ingestFiles(driver(), [changed], { database });
    await expectEqualsRebuild();

    // An API write adds a stance to the pair (only added: updated), then gives it to another holder (removed: rebuilt).
    const principal = { keyId: 'test-update', name: 'test update writer', scope: 'write' as const };
    const seed0 = extra[0]!.seed as SeedFileInput;
    const source = seed0.source!.id as string;
    const stanceInput = {
      id: 'test-update-stance', holder, kind: 'SUPPORTS', date: '2024-03-01', issues: [issue],
      summary: [{ lang: 'en', text: 'A test stance.' }], evidence: [seed0.statements![0]!.id as string],
    };
    await writeEntity(driver(), database, { section: 'stances', input: stanceInput, source, principal });
    await expectEqualsRebuild();
    const [other] = await rows('MATCH (a:Actor) WHERE a.id <> $holder AND EXISTS { (a)-[:TOOK]->() } RETURN a.id AS id ORDER BY id LIMIT 1', { holder });
    await writeEntity(driver(), database, { section: 'stances', input: { ...stanceInput, holder: other!.id as string }, source, principal });
    const [left] = await rows('MATCH (p:TopicPosition {key: $key}) RETURN $id IN p.stanceIds AS held', { key: `${holder}|${issue}`, id: stanceInput.id });
    expect(left!.held).toBe(false);
    await expectEqualsRebuild();
  }, 180_000);
});
