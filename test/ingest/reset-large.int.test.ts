/**
 * `npm run seed -- --reset --yes` on a graph too large for one transaction (a synthetic
 * corpus of 10^4 statements, ~90,000 records, over RESET_IN_ONE_TRANSACTION_MAX): the
 * files are validated first (invalid ones delete nothing), then the graph is emptied in
 * batches and the seeds loaded. The same at 10^5 is measured by the script in
 * docs/performance.md ("Whole-graph operations").
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph, deleteGraph, ingestFiles, RESET_IN_ONE_TRANSACTION_MAX } from '../../src/ingest/ingest-stream.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { generateCorpus } from '../../src/synth/generate-corpus.js';
import { childEnv } from '../setup/child-env.js';
import { neo4jEnv, testDatabase, withTestDriver } from '../setup/neo4j.js';

const run = promisify(execFile);
const driver = withTestDriver();
const seed = (args: string[]) =>
  run('npx', ['tsx', 'src/cli/seed.ts', ...args], { env: childEnv(neo4jEnv()) }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
const synthIds = async () =>
  Number((await driver().executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'synth-' RETURN count(n) AS c", {}, { database: testDatabase() })).records[0]!.get('c'));

describe('seed --reset on a large graph', () => {
  beforeAll(async () => {
    await deleteGraph(driver(), testDatabase());
    await applySchema(driver(), testDatabase());
    const files = [...generateCorpus({ actors: 200, statements: 10_000, seed: 4, statementsPerFile: 1_000 })];
    await ingestFiles(driver(), files.map((f) => ({ name: f.name, seed: f.seed, statements: f.statements })), { database: testDatabase() });
  }, 600_000);
  afterAll(async () => {
    await deleteGraph(driver(), testDatabase());
  });

  it('refuses invalid files before deleting anything', async () => {
    const before = await countGraph(driver(), testDatabase());
    expect(before.nodes + before.relationships).toBeGreaterThan(RESET_IN_ONE_TRANSACTION_MAX);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-reset-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.yaml'), 'source: {id: bad, kind: NOT_A_KIND, title: {en: T}, language: en}\n');
      const res = await seed([dir, '--reset', '--yes']);
      expect(res.code, res.stderr).toBe(3);
      expect(await countGraph(driver(), testDatabase())).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('empties the graph in batches, then loads the seeds', async () => {
    const res = await seed(['--reset', '--yes']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/emptied [\d,]+ records in batches/);
    expect(await synthIds()).toBe(0);
    const after = await countGraph(driver(), testDatabase());
    expect(after.nodes).toBeGreaterThan(100); // the curated seeds, loaded after the reset
    expect(after.nodes + after.relationships).toBeLessThan(RESET_IN_ONE_TRANSACTION_MAX);
  });
});
