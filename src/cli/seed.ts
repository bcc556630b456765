/**
 * `npm run seed [-- paths...]`: validates seed files, then loads them into
 * Neo4j in one transaction. Exit codes: 0 ok, 1 runtime error, 2 usage or
 * configuration, 3 invalid seed data, 4 database unreachable.
 */
import { Command, InvalidArgumentError } from 'commander';
import { neo4jErrorKind } from '../neo4j/errors.js';
import { ConfigError, loadConfig } from '../config.js';
import { MissingPasswordError } from '../neo4j/connection.js';
import { closeDriver, createDriver } from '../neo4j/driver.js';
import { formatSummary } from '../seed/format-summary.js';
import { LoadIntegrityError } from '../seed/load-graph.js';
import { runSeed } from '../seed/run-seed.js';
import { SeedValidationError } from '../seed/seed-issue.js';
import { ExitCode } from './exit-codes.js';

const program = new Command()
  .name('seed')
  .description('Validate seed files and load them into Neo4j (all or nothing, idempotent).')
  .argument('[paths...]', 'seed files or folders (default: seeds/)')
  .option('--dry-run', 'validate and print what would change, write nothing')
  .option('--reset', 'empty the graph first and reload from the files (needs --yes)')
  .option('--yes', 'confirm --reset')
  .option('--batch-size <n>', 'rows per UNWIND batch', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
    return n;
  })
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

async function main(): Promise<number> {
  try {
    program.parse();
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    return code === 0 ? ExitCode.OK : ExitCode.USAGE;
  }
  const opts = program.opts<{ dryRun?: boolean; reset?: boolean; yes?: boolean; batchSize?: number }>();
  if (opts.reset && !opts.yes) {
    process.stderr.write('seed: --reset deletes the whole diplograph graph before loading; add --yes to confirm\n');
    return ExitCode.USAGE;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`config error: ${err.message}\n`);
      return ExitCode.USAGE;
    }
    throw err;
  }
  const tty = process.stderr.isTTY;
  const started = Date.now();
  try {
    const driver = createDriver(config);
    const { summary, files } = await runSeed(driver, {
      paths: program.args,
      database: config.neo4j.database,
      dryRun: opts.dryRun ?? false,
      reset: opts.reset ?? false,
      ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
      ...(tty ? { onProgress: (done: number, total: number) => process.stderr.write(`\rloading ${done}/${total}`) } : {}),
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(formatSummary(summary, files, Date.now() - started));
    return ExitCode.OK;
  } catch (err) {
    if (err instanceof MissingPasswordError) {
      process.stderr.write(`seed: ${err.message}\n`);
      return ExitCode.USAGE;
    }
    if (err instanceof SeedValidationError) {
      process.stderr.write(`${err.message}\nNothing was written.\n`);
      return ExitCode.INVALID_DATA;
    }
    if (err instanceof LoadIntegrityError) {
      process.stderr.write(`seed: load rolled back: ${err.message}\n`);
      return ExitCode.INVALID_DATA;
    }
    if (neo4jErrorKind(err) === 'unavailable') {
      process.stderr.write(`seed: Neo4j at ${config.neo4j.uri} is unreachable (${(err as Error).message.split('\n')[0]}). Start it with npm run db:start, or check NEO4J_URI.\n`);
      return ExitCode.DATABASE_UNREACHABLE;
    }
    if (neo4jErrorKind(err) === 'auth') {
      process.stderr.write(`seed: Neo4j refused the credentials for user ${config.neo4j.user}: check NEO4J_USER/NEO4J_PASSWORD\n`);
      return ExitCode.DATABASE_UNREACHABLE;
    }
    process.stderr.write(`seed: ${(err as Error).stack ?? String(err)}\n`);
    return ExitCode.RUNTIME_ERROR;
  } finally {
    await closeDriver();
  }
}

process.exitCode = await main();
