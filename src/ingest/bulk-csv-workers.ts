/**
 * Plans files and writes them as CSV for the offline importer in worker threads, one
 * per core: planning (seed-schema validation, planGraph) and CSV formatting are CPU work
 * that one thread did at about 70,000 rows/s. Each worker takes every N-th file and writes
 * groups of its own; groups with the same signature are merged into one header with one
 * data file per worker (see docs/decisions/0047-bulk-load-in-parallel.md).
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CorpusOptions } from '../synth/corpus-layout.js';
import { BulkCsvError, BulkCsvWriter, mergeCsvGroups, type CsvGroup } from './bulk-csv.js';
import { computeDerivedData, topicPositionCsvRow, type DerivedFactsData, type StanceAttestation } from './bulk-derived.js';
import { IngestValidationError } from './ingest-stream.js';

/** Where the parallel writer's files come from: a synthetic corpus generated in the workers, or seed files on disk (in name order). */
export type BulkSource = { synth: CorpusOptions } | { files: string[] };

/** Whether a bulk import's input is a BulkSource (written in workers) rather than an iterable of parsed files. */
export function isBulkSource(x: unknown): x is BulkSource {
  return typeof x === 'object' && x !== null && !(Symbol.iterator in x) && !(Symbol.asyncIterator in x) && ('synth' in x || 'files' in x);
}

/** What a worker is given. */
export interface WorkerData {
  dir: string;
  part: number;
  of: number;
  source: BulkSource;
}

/** What a worker reports: each file written, the facts of its share, then its groups (or its error). */
export type WorkerMessage =
  | { type: 'file'; statements: number; nodes: number; relationships: number }
  | { type: 'facts'; facts: DerivedFactsData }
  | { type: 'done'; groups: CsvGroup[] }
  | { type: 'error'; name: string; message: string };

/** What the main thread answers a worker's facts with: the attestations of its stances. */
export interface MainMessage {
  type: 'attestations';
  attestations: Array<[string, StanceAttestation['attestation'], string | null]>;
}

/** Totals of the parallel writer. */
export interface ParallelCsvResult {
  groups: CsvGroup[];
  files: number;
  statements: number;
  nodes: number;
  relationships: number;
  workers: number;
  /** Derived :TopicPosition nodes written. */
  topicPositions: number;
  /** Seconds the main thread spent computing and writing the derived data. */
  derivedSeconds: number;
}

/** Errors that keep their class across the thread boundary (the CLI maps them to exit codes). */
const errorClasses: Record<string, new (message: string) => Error> = {
  IngestValidationError,
  BulkCsvError,
};

/** Worker threads to use: one per core, at least one. */
export function defaultCsvWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * A worker's young generation (V8's default is 16 MB semi-spaces, about 48 MB here):
 * planning makes several short-lived objects per row, and in the default size a fifth
 * of the CPU went to collecting them, many surviving one scavenge only to die in the old
 * generation. 192 MB (64 MB semi-spaces, as the server's --max-semi-space-size=64) let
 * them die young (decision 0056).
 */
const WORKER_YOUNG_GENERATION_MB = 192;

/**
 * The workers run TypeScript: tsx's API loads the worker module (the process itself may
 * run under tsx's loader or under vitest's, neither of which a worker inherits).
 */
function startWorker(data: WorkerData): Worker {
  // The ES module build: the CommonJS one registers its hooks by a path that does not exist.
  const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./bulk-csv-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  return new Worker(code, { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
}

/**
 * Writes the source as CSV under `dir` with `workers` threads; `onFile` after every file
 * any worker finishes. When every worker has reported the facts of its share, this thread
 * computes the derived data (bulk-derived.ts), writes the topic positions under
 * `dir/derived` and sends each worker its stances' attestations, which it writes with them.
 */
export async function writeCsvInWorkers(
  dir: string,
  source: BulkSource,
  workers: number,
  onFile?: (files: number, statements: number) => void,
): Promise<ParallelCsvResult> {
  const result: ParallelCsvResult = { groups: [], files: 0, statements: 0, nodes: 0, relationships: 0, workers, topicPositions: 0, derivedSeconds: 0 };
  const threads = Array.from({ length: workers }, (_, part) => startWorker({ dir, part, of: workers, source }));
  const facts: Array<DerivedFactsData | undefined> = threads.map(() => undefined);
  let derivedGroups: CsvGroup[] = [];
  /** Once every worker has sent its facts: the derived data, computed and sent back. */
  const deriveWhenComplete = (): void => {
    if (facts.some((f) => f === undefined)) return;
    const t = performance.now();
    const parts = facts as DerivedFactsData[];
    const derived = computeDerivedData(parts);
    // The attestations first: the workers write their stances while this thread writes the positions.
    parts.forEach((part, i) => {
      const message: MainMessage = { type: 'attestations', attestations: [] };
      for (const [id] of part.stances) {
        const a = derived.attestations.get(id);
        if (a) message.attestations.push([id, a.attestation, a.attestedById]);
      }
      threads[i]!.postMessage(message);
    });
    const writer = new BulkCsvWriter(path.join(dir, 'derived'));
    try {
      writer.addTopicPositions(derived.positions.map(topicPositionCsvRow));
    } finally {
      derivedGroups = writer.close();
    }
    result.topicPositions = derived.positions.length;
    result.derivedSeconds = (performance.now() - t) / 1000;
  };
  const parts = await Promise.allSettled(
    threads.map(
      (worker, i) =>
        new Promise<CsvGroup[]>((resolve, reject) => {
          let groups: CsvGroup[] = [];
          let failure: Error | undefined;
          const fail = (err: Error): void => {
            failure ??= err;
            // The others' work is wasted now, and they may be waiting for attestations: stop them all.
            for (const t of threads) void t.terminate();
          };
          worker.on('message', (m: WorkerMessage) => {
            if (m.type === 'file') {
              result.files++;
              result.statements += m.statements;
              result.nodes += m.nodes;
              result.relationships += m.relationships;
              onFile?.(result.files, result.statements);
            } else if (m.type === 'facts') {
              facts[i] = m.facts;
              try {
                deriveWhenComplete();
              } catch (err) {
                fail(err as Error);
              }
            } else if (m.type === 'done') groups = m.groups;
            else fail(new (errorClasses[m.name] ?? Error)(m.message));
          });
          worker.once('error', (err) => (failure ??= err));
          worker.once('exit', (code) => {
            if (failure) reject(failure);
            else if (code !== 0) reject(new Error(`a CSV worker stopped (exit code ${code})`));
            else resolve(groups);
          });
        }),
    ),
  );
  // The first real error, not "stopped" of a worker terminated because of it.
  const failed = parts.filter((p): p is PromiseRejectedResult => p.status === 'rejected').map((p) => p.reason as Error);
  if (failed.length > 0) throw failed.find((e) => !/stopped \(exit code/.test(e.message)) ?? failed[0];
  result.groups = mergeCsvGroups([...parts.map((p) => (p as PromiseFulfilledResult<CsvGroup[]>).value), derivedGroups]);
  result.nodes += result.topicPositions;
  return result;
}
