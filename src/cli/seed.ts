/**
 * `npm run seed [-- paths...]`: validates seed files, then loads them into
 * Neo4j in one transaction. With --reset on a graph too large to delete inside that
 * transaction, the graph is emptied in batches first (after the files validated). Exit codes: 0 ok, 1 runtime error, 2 usage or
 * configuration, 3 invalid seed data, 4 database unreachable.
 */
import { InvariantViolationError } from '../check/check-graph.js';
import { formatSummary } from '../seed/format-summary.js';
import { LoadIntegrityError } from '../seed/load-graph.js';
import { emptyLargeGraph } from '../ingest/ingest-stream.js';
import { prepareSeeds, runSeed } from '../seed/run-seed.js';
import { SeedValidationError } from '../seed/seed-issue.js';
import { cliProgram, parseArgs, positiveInt, runMain, withDriver, type Failure } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('seed', 'Validate seed files and load them into Neo4j (all or nothing, idempotent).')
  .argument('[paths...]', 'seed files or folders (default: seeds/)')
  .option('--dry-run', 'validate and print what would change, write nothing')
  .option('--reset', 'empty the graph first and reload from the files (needs --yes)')
  .option('--yes', 'confirm --reset')
  .option('--batch-size <n>', 'rows per UNWIND batch', positiveInt);

/** Invalid seed data: exit 3, nothing written. */
function seedFailure(err: unknown): Failure | undefined {
  if (err instanceof SeedValidationError) return { exitCode: ExitCode.INVALID_DATA, line: `${err.message}\nNothing was written.` };
  if (err instanceof InvariantViolationError) return { exitCode: ExitCode.INVALID_DATA, line: `seed: load rolled back, ${err.message}\nNothing was written.` };
  if (err instanceof LoadIntegrityError) return { exitCode: ExitCode.INVALID_DATA, line: `seed: load rolled back: ${err.message}` };
  return undefined;
}

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const opts = program.opts<{ dryRun?: boolean; reset?: boolean; yes?: boolean; batchSize?: number }>();
  if (opts.reset && !opts.yes) {
    process.stderr.write('seed: --reset deletes the whole diplograph graph before loading; add --yes to confirm\n');
    return ExitCode.USAGE;
  }
  const tty = process.stderr.isTTY;
  const started = Date.now();
  return withDriver(
    'seed',
    async (driver, config) => {
      if (opts.reset && !opts.dryRun) {
        // A large graph cannot be deleted inside the load's one transaction: the files are
        // validated first (invalid ones change nothing), then the graph is emptied in batches.
        await prepareSeeds(program.args);
        const held = await emptyLargeGraph(driver, config.neo4j.database, (deleted, total) =>
          process.stderr.write(`${tty ? '\r' : ''}emptying the graph in batches: ${deleted.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records (${Math.round((Date.now() - started) / 1000)} s)${tty ? '' : '\n'}`),
        );
        if (held > 0) process.stderr.write(`${tty ? '\n' : ''}emptied ${held.toLocaleString('en-US')} records in batches (too many for the load's one transaction); loading\n`);
      }
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
    },
    { failure: seedFailure },
  );
}

await runMain('seed', main);
