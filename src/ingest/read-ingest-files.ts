/**
 * Seed files from disk for the bulk ingest, read and parsed one at a time (in
 * name order, so a reference file named first loads first) so that a folder of
 * any size streams in constant memory.
 */
import { readFile } from 'node:fs/promises';
import { parse, YAMLError } from 'yaml';
import { findSeedFiles } from '../seed/read-seed-files.js';
import { decodeUtf8 } from '../seed/decode-utf8.js';
import { IngestValidationError, type IngestFile } from './ingest-stream.js';

/** Yields the YAML files under the given paths as IngestFiles, in name order. */
export async function* readIngestFiles(paths: string[]): AsyncGenerator<IngestFile> {
  for (const name of await findSeedFiles(paths)) {
    const decoded = decodeUtf8(await readFile(name));
    if ('fault' in decoded) {
      const { line, col, byte, offset } = decoded.fault;
      throw new IngestValidationError(`${name}:${line}:${col}: not valid UTF-8: byte ${byte} at byte offset ${offset}; save the file as UTF-8`);
    }
    let seed: unknown;
    try {
      seed = parse(decoded.text, { uniqueKeys: true, strict: true });
    } catch (err) {
      if (!(err instanceof YAMLError)) throw err;
      const at = err.linePos?.[0];
      throw new IngestValidationError(`${name}${at ? `:${at.line}:${at.col}` : ''}: YAML syntax: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    yield { name, seed };
  }
}
