/**
 * Seed files from disk for the bulk ingest, read and parsed one at a time (in
 * name order, so a reference file named first loads first) so that a folder of
 * any size streams in constant memory.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { findSeedFiles } from '../seed/read-seed-files.js';
import type { IngestFile } from './ingest-stream.js';

/** Yields the YAML files under the given paths as IngestFiles, in name order. */
export async function* readIngestFiles(paths: string[]): AsyncGenerator<IngestFile> {
  for (const name of await findSeedFiles(paths)) {
    const seed: unknown = parse(await readFile(name, 'utf8'), { uniqueKeys: true, strict: true });
    yield { name, seed };
  }
}
