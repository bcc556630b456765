/**
 * The offline bulk import (neo4j-admin) gives the same graph as the transactional
 * ingest: the same corpus (10^4 synthetic statements plus the curated seeds, one quote
 * made multi-line with quotes and commas) loaded both ways, compared by counts per label
 * and type and by a content hash with every value's type (the derived :TopicPosition
 * nodes and the stances' attestations included). It refuses a database that is
 * not empty and one that is not local, and changes nothing then. The bulk side reads the
 * files from disk in two worker threads, as `npm run ingest -- --bulk DIR` does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig, type Config } from '../../src/config.js';
import { bulkImport, BulkImportRefused } from '../../src/ingest/bulk-import.js';
import { deleteGraph, ingestFiles, type IngestFile } from '../../src/ingest/ingest-stream.js';
import { readIngestFiles } from '../../src/ingest/read-ingest-files.js';
import { findSeedFiles } from '../../src/seed/read-seed-files.js';
import { startNeo4j } from '../../src/local-neo4j/start-neo4j.js';
import { stopNeo4j } from '../../src/local-neo4j/stop-neo4j.js';
import { resolveNeo4jConnection } from '../../src/neo4j/connection.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { generateCorpus } from '../../src/synth/generate-corpus.js';
import { localServerSkipReason, testDatabase, withTestDriver } from '../setup/neo4j.js';
import { throwawayNeo4jConfig } from '../setup/ports.js';
import { graphDigest } from './graph-digest.js';

const skipReason = localServerSkipReason('the offline bulk import into a throwaway local Neo4j');
const driver = withTestDriver();

/** The corpus, in load order: the curated seeds (one quote made awkward for CSV), then the synthetic files. */
async function corpus(): Promise<IngestFile[]> {
  const files: IngestFile[] = [];
  for await (const f of readIngestFiles([path.resolve('seeds')])) files.push(f);
  const report = files[0]!.seed as { statements: { text: string }[] };
  report.statements[0]!.text = `first line, with a comma\nsecond "quoted" line; and a semicolon`;
  for (const f of generateCorpus({ actors: 200, statements: 10_000, seed: 11, statementsPerFile: 500 })) {
    files.push({ name: f.name, seed: f.seed, statements: f.statements });
  }
  return files;
}

/**
 * The corpus as seed files on disk, in the same load order (curated seeds under a/, the
 * synthetic files under b/): the CLI's path, where worker threads read, plan and write CSV.
 */
async function corpusDir(dir: string): Promise<string> {
  const root = path.resolve('seeds');
  const files = await corpus();
  for (const f of files) {
    const rel = path.isAbsolute(f.name) || f.name.startsWith('seeds') ? path.join('a', path.relative(root, path.resolve(f.name))) : path.join('b', f.name);
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), stringify(f.seed, { lineWidth: 0 }));
  }
  return dir;
}

describe.skipIf(skipReason !== undefined)(`bulk import with neo4j-admin${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bulk-'));
  let config: Config | undefined;
  let bulkDriver: Driver | undefined;
  const lines: string[] = [];
  const report = (line: string) => lines.push(line);

  afterAll(async () => {
    await bulkDriver?.close();
    if (config) await stopNeo4j(config, report);
    fs.rmSync(home, { recursive: true, force: true });
    await deleteGraph(driver(), testDatabase());
  });

  it('gives the graph the transactional ingest gives, then refuses to import over it', { timeout: 900_000 }, async () => {
    const database = testDatabase();
    await deleteGraph(driver(), database);
    // Earlier test files' API writes leave :WriteLock nodes, which deleteGraph (entities only) keeps.
    await driver().executeQuery('MATCH (l:WriteLock) DELETE l', {}, { database });
    await applySchema(driver(), database);
    const dir = await corpusDir(path.join(home, 'corpus'));
    const ingested = await ingestFiles(driver(), readIngestFiles([dir]), { database });
    const transactional = await graphDigest(driver(), database);

    config = await throwawayNeo4jConfig(home, 29687);
    await startNeo4j(config, report); // sets the password the driver needs
    bulkDriver = openDriver(resolveNeo4jConnection(config));
    // Two worker threads whatever the machine has, so that the merge of their CSV groups is exercised.
    const stats = await bulkImport(bulkDriver, config, { files: await findSeedFiles([dir]) }, { report, workers: 2 });
    expect(stats.statements).toBe(ingested.statements);
    expect(stats.files).toBe(ingested.files);
    expect(stats.seconds.import).toBeGreaterThan(0);

    // A driver of our own: the bulk import replaced the store that bulkDriver's bookmarks name.
    const reader = openDriver(resolveNeo4jConnection(config));
    try {
      const bulk = await graphDigest(reader, config.neo4j.database);
      expect(bulk.labels).toEqual(transactional.labels);
      expect(bulk.types).toEqual(transactional.types);
      expect(bulk.hash).toBe(transactional.hash);
      expect(transactional.labels['Statement']).toBe(stats.statements);
      // The derived data came with the import (decision 0050), not from a rebuild after it: in the hash above, and counted here.
      expect(stats.topicPositions).toBeGreaterThan(1000);
      expect(bulk.labels['TopicPosition']).toBe(stats.topicPositions);
      // Membership dates (decision 0054) are rebuilt after the import by the writes' own function: in the hash above too.
      expect(bulk.labels['MembershipDates']).toBeGreaterThan(30);

      // Not empty now: refused before anything is stopped or written.
      const again = await bulkImport(reader, config, await corpus(), { report }).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(BulkImportRefused);
      expect((again as Error).message).toMatch(/not empty/);
      expect((await graphDigest(reader, config.neo4j.database)).hash).toBe(bulk.hash);
    } finally {
      await reader.close();
    }
  });

  it('refuses a server named by NEO4J_URI: its store files are not ours to write', async () => {
    const remote = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'not-used-here' });
    const err = await bulkImport(driver(), remote, [], { report }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkImportRefused);
    expect((err as Error).message).toMatch(/NEO4J_URI is set/);
  });
});
