import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph, deleteGraph, IngestAbortedError, IngestIntegrityError, IngestValidationError, ingestFiles, type IngestFile } from '../../src/ingest/ingest-stream.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { planGraph } from '../../src/seed/plan-graph.js';
import { seedFileSchema } from '../../src/seed/seed-schema.js';
import { generateCorpus } from '../../src/synth/generate-corpus.js';
import { neo4jEnv, testDatabase, withTestDriver } from '../setup/neo4j.js';
import { childEnv } from '../setup/child-env.js';

const run = promisify(execFile);
const driver = withTestDriver();
const corpus = { actors: 120, statements: 1_000, seed: 3, statementsPerFile: 100 };
const files = (): IngestFile[] => [...generateCorpus(corpus)].map((f) => ({ name: f.name, seed: f.seed, statements: f.statements }));

/** What the corpus should give: the curated planner's rows over all files. */
function expected(): { nodes: number; relationships: number } {
  const plan = planGraph([...generateCorpus(corpus)].map((f) => ({ file: f.name, seed: seedFileSchema.parse(f.seed) })));
  return { nodes: plan.nodes.length, relationships: plan.rels.length };
}

describe('bulk ingest', () => {
  let database: string;
  beforeAll(async () => {
    database = testDatabase();
    await deleteGraph(driver(), database);
    await applySchema(driver(), database);
  });
  afterAll(async () => {
    await deleteGraph(driver(), database);
  });

  it('loads a synthetic corpus in batches, and a rerun changes no counts and duplicates nothing', async () => {
    const want = expected();
    const first = await ingestFiles(driver(), files(), { database, batchSize: 1_000 });
    expect(first.batches).toBeGreaterThan(3);
    expect(first.statements).toBe(1_000);
    expect(await countGraph(driver(), database)).toEqual({ ...want, duplicateIds: 0, duplicateRelationships: 0 });

    await ingestFiles(driver(), files(), { database, batchSize: 1_000 });
    expect(await countGraph(driver(), database)).toEqual({ ...want, duplicateIds: 0, duplicateRelationships: 0 });
  });

  it('completes an interrupted load when rerun, with no duplicates', async () => {
    await deleteGraph(driver(), database);
    const want = expected();
    const controller = new AbortController();
    const stopped = ingestFiles(driver(), files(), {
      database,
      batchSize: 1_000,
      signal: controller.signal,
      onBatch: (s) => {
        if (s.batches === 2) controller.abort();
      },
    });
    await expect(stopped).rejects.toBeInstanceOf(IngestAbortedError);
    const partial = await countGraph(driver(), database);
    expect(partial.nodes).toBeGreaterThan(0);
    expect(partial.nodes).toBeLessThan(want.nodes);

    await ingestFiles(driver(), files(), { database, batchSize: 1_000 });
    expect(await countGraph(driver(), database)).toEqual({ ...want, duplicateIds: 0, duplicateRelationships: 0 });
  });

  it('refuses a file that breaks the seed schema, and a reference to an id no file defines', async () => {
    const bad: IngestFile = { name: 'bad.yaml', seed: { source: { id: 'bad-source', kind: 'NOT_A_KIND', title: { en: 'x' }, language: 'en' } } };
    await expect(ingestFiles(driver(), [bad], { database })).rejects.toThrow(IngestValidationError);

    const dangling: IngestFile = {
      name: 'dangling.yaml',
      seed: { source: { id: 'dangling-source', kind: 'NEWS_REPORT', title: { en: 'x' }, language: 'en', publisher: 'no-such-actor' } },
    };
    const err = await ingestFiles(driver(), [dangling], { database }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestIntegrityError);
    expect((err as Error).message).toContain('no-such-actor');
  });

  it('refuses a reference to an id defined only by a later file, even when that file is in the next batch', async () => {
    // Batches of one file: the second file's new nodes may be written beside the first file's
    // relationships, which must still fail on the id the first file refers to too early.
    const early: IngestFile = {
      name: 'early.yaml',
      seed: { source: { id: 'early-source', kind: 'NEWS_REPORT', title: { en: 'x' }, language: 'en', publisher: 'late-publisher' } },
    };
    const late: IngestFile = {
      name: 'late.yaml',
      seed: {
        source: { id: 'late-source', kind: 'NEWS_REPORT', title: { en: 'y' }, language: 'en' },
        actors: [{ id: 'late-publisher', kind: 'NEWS_AGENCY', name: { en: 'Late Publisher' } }],
      },
    };
    const err = await ingestFiles(driver(), [early, late], { database, batchSize: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestIntegrityError);
    expect((err as Error).message).toContain('late-publisher');
  });

  it('writes a corpus as seed files with `npm run synth` and loads them with `npm run ingest`', async () => {
    await deleteGraph(driver(), database);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-synth-'));
    try {
      const env = childEnv(neo4jEnv());
      const synth = await run('npx', ['tsx', 'src/cli/synth.ts', '--actors', '120', '--statements', '1000', '--seed', '3', '--per-file', '100', '--out', dir], { env });
      expect(synth.stdout).toContain('wrote 11 seed files (1000 statements)');
      expect(await readdir(dir)).toHaveLength(11);
      const ingest = await run('npx', ['tsx', 'src/cli/ingest.ts', dir], { env });
      expect(ingest.stdout).toMatch(/ingested 11 files: 1,000 statements/);
      expect(await countGraph(driver(), database)).toEqual({ ...expected(), duplicateIds: 0, duplicateRelationships: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
