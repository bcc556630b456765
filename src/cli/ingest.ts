/**
 * `npm run ingest -- paths...`: bulk-loads seed files (e.g. a synthetic corpus)
 * file by file in batched, idempotent transactions: memory stays flat, and an
 * interrupted load completes when rerun. For curated seeds use `npm run seed`
 * (all files validated together, one all-or-nothing transaction).
 * Exit codes: 0 ok, 1 runtime error or stopped, 2 usage, 3 invalid data, 4 database unreachable.
 */
import { Command } from 'commander';
import { abortOnSigint, formatIngestStats, positiveInt, withDatabase } from '../ingest/ingest-cli-support.js';
import { ingestFiles } from '../ingest/ingest-stream.js';
import { createProgress } from '../ingest/progress.js';
import { readIngestFiles } from '../ingest/read-ingest-files.js';
import { findSeedFiles } from '../seed/read-seed-files.js';
import { ExitCode } from './exit-codes.js';

const program = new Command()
  .name('ingest')
  .description('Bulk-load seed files in batched, idempotent transactions (rerun to complete an interrupted load).')
  .argument('<paths...>', 'seed files or folders, loaded in name order')
  .option('--batch-size <n>', 'rows (nodes plus relationships) per transaction', positiveInt)
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

async function main(): Promise<number> {
  try {
    program.parse();
  } catch (err) {
    return (err as { exitCode?: number }).exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
  }
  const o = program.opts<{ batchSize?: number }>();
  let total: number;
  try {
    total = (await findSeedFiles(program.args)).length;
  } catch (err) {
    process.stderr.write(`ingest: ${(err as Error).message}\n`);
    return ExitCode.USAGE;
  }
  return withDatabase('ingest', async (driver, config) => {
    const progress = createProgress('files', total);
    const stats = await ingestFiles(driver, readIngestFiles(program.args), {
      database: config.neo4j.database,
      ...(o.batchSize ? { batchSize: o.batchSize } : {}),
      onBatch: (s) => progress.update(s.files),
      signal: abortOnSigint(),
    });
    progress.finish(stats.files);
    process.stdout.write(formatIngestStats(stats));
  });
}

process.exitCode = await main();
