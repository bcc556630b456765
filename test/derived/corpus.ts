/**
 * The graphs the derived-data equality tests compare answers on: a synthetic corpus of
 * 2,000 statements ingested in batches (the ingest maintains the derived data as it
 * goes), and the seeded graph restored afterwards with the API writers' trail removed.
 */
import type { Driver } from 'neo4j-driver';
import { deleteGraph, ingestFiles } from '../../src/ingest/ingest-stream.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { generateCorpus } from '../../src/synth/generate-corpus.js';

/** Empties `database` and ingests the synthetic corpus of `seed` (150 actors, 2,000 statements, files of 250). */
export async function loadSyntheticCorpus(driver: Driver, database: string, seed: number): Promise<void> {
  await deleteGraph(driver, database);
  await applySchema(driver, database);
  const files = [...generateCorpus({ actors: 150, statements: 2_000, seed, statementsPerFile: 250 })].map((f) => ({ name: f.name, seed: f.seed, statements: f.statements }));
  await ingestFiles(driver, files, { database, batchSize: 2_000 });
}

/**
 * Puts the seeded graph back, and removes the audit trail and write locks of the test's
 * API writer (`keyName`, lock ids starting with `lockPrefix`), which a reset does not empty.
 */
export async function restoreSeededGraph(driver: Driver, database: string, writer?: { keyName: string; lockPrefix: string }): Promise<void> {
  await runSeed(driver, { database, reset: true });
  if (!writer) return;
  await driver.executeQuery('MATCH (c:Change {keyName: $keyName}) DETACH DELETE c', { keyName: writer.keyName }, { database });
  await driver.executeQuery('MATCH (l:WriteLock) WHERE l.id STARTS WITH $prefix DELETE l', { prefix: writer.lockPrefix }, { database });
}
