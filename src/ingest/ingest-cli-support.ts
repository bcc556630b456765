/**
 * What the ingest and synth commands share: option parsing, the driver, the
 * schema, a progress bar and one mapping from errors to exit codes.
 */
import { InvalidArgumentError } from 'commander';
import type { Driver } from 'neo4j-driver';
import { ExitCode } from '../cli/exit-codes.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { MissingPasswordError } from '../neo4j/connection.js';
import { closeDriver, createDriver } from '../neo4j/driver.js';
import { neo4jErrorKind } from '../neo4j/errors.js';
import { applySchema } from '../seed/load-graph.js';
import { IngestAbortedError, IngestIntegrityError, IngestValidationError, type IngestStats } from './ingest-stream.js';

/** commander parser of a positive whole number. */
export function positiveInt(v: string): number {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

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

/** Runs a command body with a driver on the configured database (schema applied) and maps errors to exit codes. */
export async function withDatabase(name: string, body: (driver: Driver, config: Config) => Promise<void>): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`config error: ${err.message}\n`);
      return ExitCode.USAGE;
    }
    throw err;
  }
  try {
    const driver = createDriver(config);
    await applySchema(driver, config.neo4j.database);
    await body(driver, config);
    return ExitCode.OK;
  } catch (err) {
    if (err instanceof MissingPasswordError) {
      process.stderr.write(`${name}: ${err.message}\n`);
      return ExitCode.USAGE;
    }
    if (err instanceof IngestValidationError || err instanceof IngestIntegrityError) {
      process.stderr.write(`${name}: ${err.message}\nBatches committed before this one stay; fix the data and rerun (the load is idempotent).\n`);
      return ExitCode.INVALID_DATA;
    }
    if (err instanceof IngestAbortedError) {
      process.stderr.write(`\n${name}: ${err.message}\n`);
      return ExitCode.RUNTIME_ERROR;
    }
    if (neo4jErrorKind(err) === 'unavailable') {
      process.stderr.write(`${name}: Neo4j at ${config.neo4j.uri} is unreachable (${(err as Error).message.split('\n')[0]}). Start it with npm run db:start, or check NEO4J_URI.\n`);
      return ExitCode.DATABASE_UNREACHABLE;
    }
    if (neo4jErrorKind(err) === 'auth') {
      process.stderr.write(`${name}: Neo4j refused the credentials for user ${config.neo4j.user}: check NEO4J_USER/NEO4J_PASSWORD\n`);
      return ExitCode.DATABASE_UNREACHABLE;
    }
    process.stderr.write(`${name}: ${(err as Error).stack ?? String(err)}\n`);
    return ExitCode.RUNTIME_ERROR;
  } finally {
    await closeDriver();
  }
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
