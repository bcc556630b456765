/**
 * `npm run bench -- --loaded`: benchmarks the graph already in the database when it is
 * the synthetic corpus of the size and seed asked for (at 10^6 that graph comes from
 * the offline importer, 20 minutes cheaper than the bench's own ingest), and refuses,
 * changing nothing, when it is another corpus.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../../src/bench/run-bench.js';
import { countGraph, deleteGraph, ingestFiles } from '../../src/ingest/ingest-stream.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { generateCorpus } from '../../src/synth/generate-corpus.js';
import { childEnv } from '../setup/child-env.js';
import { neo4jEnv, testDatabase, withTestDriver } from '../setup/neo4j.js';

const run = promisify(execFile);
const driver = withTestDriver();
const bench = (args: string[]) =>
  run('npx', ['tsx', 'src/cli/bench.ts', ...args], { env: childEnv(neo4jEnv()), maxBuffer: 10 * 2 ** 20 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
// Outside the corpus and outside :Entity: emptying the graph would delete it, counting the graph does not see it.
const sentinel = async (): Promise<number> =>
  Number((await driver().executeQuery('MATCH (n:BenchLoadedSentinel) RETURN count(n) AS c', {}, { database: testDatabase() })).records[0]!.get('c'));

describe('npm run bench -- --loaded', () => {
  beforeAll(async () => {
    await deleteGraph(driver(), testDatabase());
    await applySchema(driver(), testDatabase());
    // The corpus --quick benchmarks: 1,000 statements, 200 actors, seed 1.
    const files = [...generateCorpus({ actors: 200, statements: 1_000, seed: 1 })];
    await ingestFiles(driver(), files.map((f) => ({ name: f.name, seed: f.seed, statements: f.statements })), { database: testDatabase() });
    await driver().executeQuery('CREATE (:BenchLoadedSentinel)', {}, { database: testDatabase() });
  }, 300_000);
  afterAll(async () => {
    await driver().executeQuery('MATCH (n:BenchLoadedSentinel) DELETE n', {}, { database: testDatabase() });
    await deleteGraph(driver(), testDatabase());
  });

  it('refuses a graph of another seed, saying what it found, what it expected and how to load it, and changes nothing', async () => {
    const before = await countGraph(driver(), testDatabase());
    const res = await bench(['--quick', '--loaded', '--seed', '2']);
    expect(res.code, res.stderr).toBe(2);
    expect(res.stderr).toContain('--loaded: the graph in the database is not the synthetic corpus of 1,000 statements, 200 actors, seed 2');
    // Same counts, other words: the note and the sampled statements tell the seeds apart.
    expect(res.stderr).toContain('the reference source says "diplograph synth --actors 200 --statements 1000 --seed 1", not "diplograph synth --actors 200 --statements 1000 --seed 2"');
    expect(res.stderr).toMatch(/statements synth-stmt-1-0, .* missing or worded otherwise than seed 2 gives/);
    expect(res.stderr).toContain('found: 1,000 statements, 200 actors');
    expect(res.stderr).toContain('expected: 1,000 statements, 200 actors');
    expect(res.stderr).toContain('Load it into an empty local database with: npm run synth -- --actors 200 --statements 1000 --seed 2 --bulk');
    expect(res.stdout).not.toContain('| nodes | operation');
    expect(await countGraph(driver(), testDatabase())).toEqual(before);
    expect(await sentinel()).toBe(1);
  }, 120_000);

  it('refuses more than one size and a graph of another size', async () => {
    const two = await bench(['--sizes', '1000,2000', '--loaded']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--loaded benchmarks the one graph in the database: give one size');
    const other = await bench(['--quick', '--sizes', '2000', '--loaded']);
    expect(other.code, other.stderr).toBe(2);
    expect(other.stderr).toContain('1,000 statements, not 2,000');
    expect(other.stderr).toContain('npm run synth -- --actors 200 --statements 2000 --seed 1 --bulk');
    expect(await sentinel()).toBe(1);
  }, 120_000);

  it('benchmarks the loaded corpus without emptying it, and says the ingest was not measured', async () => {
    const before = await countGraph(driver(), testDatabase());
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diplograph-bench-loaded-'));
    const out = path.join(dir, 'result.json');
    try {
      // No --yes: nothing is emptied.
      const res = await bench(['--quick', '--loaded', '--out', out]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('ingest not measured, the graph was loaded beforehand by `npm run synth -- --actors 200 --statements 1000 --seed 1 --bulk`');
      expect(res.stdout).toMatch(/\| 1,000 +\| 200 +\| [\d,]+ +\| [\d,]+ +\| not measured \|/);
      expect(res.stdout).toContain('| nodes | operation');

      const result = JSON.parse(await readFile(out, 'utf8')) as BenchResult;
      expect(result.settings.loaded).toBe(true);
      const [size] = result.sizes;
      expect(size!.ingest).toBeUndefined();
      expect(size!.loadedBeforehand).toBe('npm run synth -- --actors 200 --statements 1000 --seed 1 --bulk');
      expect(size!.graph.nodes).toBe(before.nodes);
      for (const l of size!.latency) expect(l.results.diplograph!.errors, `${l.operation}: ${l.results.diplograph!.firstError}`).toBe(0);
      for (const a of size!.answers) expect(a.mismatches, `${a.operation}: ${a.firstMismatch}`).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // The graph was used as it was: not emptied and reloaded.
    expect(await sentinel()).toBe(1);
    expect(await countGraph(driver(), testDatabase())).toEqual(before);
  }, 180_000);
});
