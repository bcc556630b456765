/**
 * What the ingest, synth and bench commands share beyond src/cli/cli-support.ts: the
 * driver with the schema applied and the ingest's own failures, a summary line and
 * stopping on Ctrl-C.
 */
import type { Driver } from 'neo4j-driver';
import { withDriver, type Failure } from '../cli/cli-support.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { Config } from '../config.js';
import { BulkCsvError } from './bulk-csv.js';
import type { BulkSource } from './bulk-csv-workers.js';
import { bulkImport, BulkImportFailed, BulkImportRefused, type BulkImportStats } from './bulk-import.js';
import { ingestFiles, IngestAbortedError, IngestIntegrityError, IngestValidationError, type IngestFile, type IngestStats } from './ingest-stream.js';
import { createProgress } from './progress.js';

/** A one-line summary of an ingest. */
export function formatIngestStats(s: IngestStats): string {
  const rate = s.seconds > 0 ? Math.round(s.statements / s.seconds) : 0;
  return (
    `ingested ${s.files} files: ${s.statements.toLocaleString('en-US')} statements, ${s.nodes.toLocaleString('en-US')} nodes, ` +
    `${s.relationships.toLocaleString('en-US')} relationships in ${s.batches} batches, ${s.seconds.toFixed(1)} s ` +
    `(${rate.toLocaleString('en-US')} statements/s, ${Math.round((s.nodes + s.relationships) / Math.max(s.seconds, 1e-9)).toLocaleString('en-US')} records/s), ` +
    `peak RSS ${Math.round(s.peakRssBytes / 2 ** 20)} MiB\n`
  );
}

/** The ingest's own failures: invalid data (exit 3) and a stop on Ctrl-C (exit 1). */
function ingestFailure(name: string, err: unknown): Failure | undefined {
  if (err instanceof IngestValidationError || err instanceof IngestIntegrityError) {
    return { exitCode: ExitCode.INVALID_DATA, line: `${name}: ${err.message}\nBatches committed before this one stay; fix the data and rerun (the load is idempotent).` };
  }
  if (err instanceof IngestAbortedError) return { exitCode: ExitCode.RUNTIME_ERROR, line: `\n${name}: ${err.message}` };
  if (err instanceof BulkImportRefused) return { exitCode: ExitCode.USAGE, line: `${name}: ${err.message}; nothing was changed` };
  if (err instanceof BulkCsvError) return { exitCode: ExitCode.INVALID_DATA, line: `${name}: ${err.message}; nothing was imported` };
  if (err instanceof BulkImportFailed) {
    return { exitCode: ExitCode.INVALID_DATA, line: `${name}: ${err.message}\n${err.details.map((l) => `  ${l}`).join('\n')}\nThe database was left empty.` };
  }
  return undefined;
}

/** Runs a command body with a driver on the configured database (schema applied) and maps errors to exit codes. */
export function withDatabase(name: string, body: (driver: Driver, config: Config) => Promise<void>): Promise<number> {
  return withDriver(name, async (driver, config) => (await body(driver, config), ExitCode.OK), { schema: true, failure: (err) => ingestFailure(name, err) });
}

/**
 * Runs command `name` as a bulk ingest of `files` into the configured database: a
 * progress bar counting `unit` (files or statements) up to `total`, Ctrl-C stopping
 * between batches, the summary line on stdout. Returns the exit code.
 */
export function runIngest(
  name: string,
  files: Iterable<IngestFile> | AsyncIterable<IngestFile>,
  options: { unit: 'files' | 'statements'; total: number; batchSize?: number | undefined },
): Promise<number> {
  return withDatabase(name, async (driver, config) => {
    const progress = createProgress(options.unit, options.total);
    const stats = await ingestFiles(driver, files, {
      database: config.neo4j.database,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      onBatch: (s) => progress.update(s[options.unit]),
      signal: abortOnSigint(),
    });
    progress.finish(stats[options.unit]);
    process.stdout.write(formatIngestStats(stats));
  });
}

/** Stops a load cleanly on the first Ctrl-C (between batches); a second one exits at once. */
export function abortOnSigint(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nstopping after the current batch (Ctrl-C again to quit now) ...\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  return controller.signal;
}

/** A one-line summary of a bulk import, with the time of each phase. */
export function formatBulkStats(s: BulkImportStats): string {
  const t = s.seconds;
  return (
    `imported ${s.files} files: ${s.statements.toLocaleString('en-US')} statements, ${s.nodes.toLocaleString('en-US')} nodes, ` +
    `${s.relationships.toLocaleString('en-US')} relationships in ${t.total.toFixed(1)} s ` +
    `(${Math.round(s.statements / Math.max(t.total, 1e-9)).toLocaleString('en-US')} statements/s; CSV ${t.csv.toFixed(1)} s ` +
    `(of which derived data, ${s.topicPositions.toLocaleString('en-US')} topic positions and the attestations, ${t.derived.toFixed(1)} s), ` +
    `neo4j-admin ${t.import.toFixed(1)} s, start ${t.start.toFixed(1)} s, schema and indexes ${t.schema.toFixed(1)} s, derived lists ${t.lists.toFixed(1)} s), ` +
    `peak RSS ${Math.round(s.peakRssBytes / 2 ** 20)} MiB\n`
  );
}

/**
 * Runs command `name` as an offline bulk import of `files` into the empty local
 * database (neo4j-admin), with a progress bar counting `unit` up to `total`.
 */
export function runBulkImport(
  name: string,
  files: Iterable<IngestFile> | AsyncIterable<IngestFile> | BulkSource,
  options: { unit: 'files' | 'statements'; total: number; keepCsv?: boolean | undefined },
): Promise<number> {
  return withDriver(
    name,
    async (driver, config) => {
      const progress = createProgress(options.unit, options.total);
      const stats = await bulkImport(driver, config, files, {
        report: (line) => process.stderr.write(`${line}\n`),
        onFile: (f, st) => progress.update(options.unit === 'files' ? f : st),
        ...(options.keepCsv ? { keepCsv: true } : {}),
      });
      progress.finish(stats[options.unit]);
      process.stdout.write(formatBulkStats(stats));
      return ExitCode.OK;
    },
    { failure: (err) => ingestFailure(name, err) },
  );
}
