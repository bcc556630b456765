/**
 * Whole-graph operations on a graph too large for one transaction (a synthetic corpus of
 * 10^4 statements, ~90,000 records, over RESET_IN_ONE_TRANSACTION_MAX): `npm run check`
 * pages through it with progress; `npm run export` reads it a page of files at a time
 * (the same files as one transaction gives) with progress; `npm run seed -- --reset --yes`
 * validates the files first (invalid ones delete nothing), then empties the graph in
 * batches and loads the seeds. The same at 10^5 and 10^6 is measured by the commands in
 * docs/performance.md ("Offline bulk import and whole-graph operations").
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSeeds, exportSeedsInPages } from '../../src/export/export-graph.js';
import type { ExportedFile } from '../../src/export/graph-to-seeds.js';
import { countGraph, deleteGraph, ingestFiles, RESET_IN_ONE_TRANSACTION_MAX } from '../../src/ingest/ingest-stream.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { generateCorpus } from '../../src/synth/generate-corpus.js';
import { childEnv } from '../setup/child-env.js';
import { neo4jEnv, testDatabase, withTestDriver } from '../setup/neo4j.js';

const run = promisify(execFile);
const driver = withTestDriver();
const cli = (name: string, args: string[]) =>
  run('npx', ['tsx', `src/cli/${name}.ts`, ...args], { env: childEnv(neo4jEnv()), maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
const seed = (args: string[]) => cli('seed', args);
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

  it('checks every node, page by page, with progress on stderr', async () => {
    const res = await cli('check', ['--page-size', '2000']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/checked \d+ nodes \(\d+ s\)/);
    const checked = Number(/(\d+) nodes checked in [\d.]+ s: no violations/.exec(res.stdout)?.[1]);
    expect(checked).toBeGreaterThanOrEqual(await synthIds());
  });

  it('exports a page of files at a time: the same files as one transaction, with progress on stderr', async () => {
    const whole = await exportSeeds(driver(), testDatabase());
    const paged: ExportedFile[] = [];
    for await (const f of exportSeedsInPages(driver(), testDatabase(), { filesPerPage: 3 })) paged.push(f);
    expect(paged.length).toBe(11); // the reference file and ten reports
    expect(paged).toEqual(whole);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-export-'));
    try {
      const res = await cli('export', ['--out', dir]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toMatch(/export: 11 of 11 files read/);
      expect(fs.readdirSync(dir).sort()).toEqual(whole.map((f) => `${f.source}.yaml`).sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
    const emptied = /emptied ([\d,]+) records in batches/.exec(res.stderr)?.[1];
    expect(emptied, res.stderr).toBeDefined();
    // Progress counts up to the total it announced, derived positions included, with the time taken.
    const progress = [...res.stderr.matchAll(/emptying the graph in batches: ([\d,]+) of ([\d,]+) records \(\d+ s\)/g)];
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.slice(1, 3)).toEqual([emptied, emptied]);
    expect(await synthIds()).toBe(0);
    const after = await countGraph(driver(), testDatabase());
    expect(after.nodes).toBeGreaterThan(100); // the curated seeds, loaded after the reset
    expect(after.nodes + after.relationships).toBeLessThan(RESET_IN_ONE_TRANSACTION_MAX);
  });
});
