/**
 * `npm run ingest -- paths...`: bulk-loads seed files (e.g. a synthetic corpus)
 * file by file in batched, idempotent transactions: memory stays flat, and an
 * interrupted load completes when rerun. For curated seeds use `npm run seed`
 * (all files validated together, one all-or-nothing transaction). With --bulk, an
 * empty local database is loaded offline by neo4j-admin instead (an order of magnitude
 * faster for large corpora; see docs/decisions/0023-offline-bulk-import.md).
 * Exit codes: 0 ok, 1 runtime error or stopped, 2 usage, 3 invalid data, 4 database unreachable.
 */
import { runBulkImport, runIngest } from '../ingest/ingest-cli-support.js';
import { readIngestFiles } from '../ingest/read-ingest-files.js';
import { findSeedFiles } from '../seed/read-seed-files.js';
import { cliProgram, parseArgs, positiveInt, runMain } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('ingest', 'Bulk-load seed files in batched, idempotent transactions (rerun to complete an interrupted load).')
  .argument('<paths...>', 'seed files or folders, loaded in name order')
  .option('--batch-size <n>', 'rows (nodes plus relationships) per transaction', positiveInt)
  .option('--bulk', "load an empty local database offline with neo4j-admin's importer (stops and restarts the local Neo4j)")
  .option('--keep-csv', 'with --bulk: keep the CSV files written for the importer');

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const o = program.opts<{ batchSize?: number; bulk?: boolean; keepCsv?: boolean }>();
  let found: string[];
  try {
    found = await findSeedFiles(program.args);
  } catch (err) {
    process.stderr.write(`ingest: ${(err as Error).message}\n`);
    return ExitCode.USAGE;
  }
  const total = found.length;
  // Offline: the files are read, planned and written as CSV in worker threads, one per core.
  if (o.bulk) return runBulkImport('ingest', { files: found }, { unit: 'files', total, keepCsv: o.keepCsv });
  return runIngest('ingest', readIngestFiles(program.args), { unit: 'files', total, batchSize: o.batchSize });
}

await runMain('ingest', main);
