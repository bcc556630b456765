/**
 * `npm run synth -- --actors N --statements M --seed S`: generates a
 * deterministic synthetic corpus and writes it as seed files (--out), or
 * streams it straight into Neo4j through the bulk ingest (--ingest), or into an empty
 * local database through neo4j-admin's offline importer (--bulk), or only writes the
 * CSV that importer would read (--csv-only, no Neo4j).
 * Exit codes: 0 ok, 1 runtime error, 2 usage, 3 invalid data, 4 database unreachable.
 */
import path from 'node:path';
import { projectRoot } from '../config.js';
import { defaultCsvWorkers, writeCsvInWorkers } from '../ingest/bulk-csv-workers.js';
import { runBulkImport, runIngest } from '../ingest/ingest-cli-support.js';
import { createProgress } from '../ingest/progress.js';
import { corpusLayout, type CorpusOptions } from '../synth/corpus-layout.js';
import { generateCorpus } from '../synth/generate-corpus.js';
import { writeCorpus } from '../synth/write-corpus.js';
import { cliProgram, parseArgs, positiveInt, runMain } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const program = cliProgram('synth', 'Generate a deterministic synthetic corpus of seed files, or stream it into Neo4j.')
  .option('--actors <n>', 'number of actors (at least 30)', positiveInt, 1_000)
  .option('--statements <n>', 'number of statements', positiveInt, 10_000)
  .option('--seed <n>', 'random seed: the same options give the same corpus', positiveInt, 1)
  .option('--per-file <n>', 'statements per report file', positiveInt, 500)
  .option('--out <dir>', 'folder to write the seed files to (default .scratch/synth-<actors>-<statements>-<seed>)')
  .option('--ingest', 'stream the corpus into Neo4j with the bulk ingest instead of writing files')
  .option('--batch-size <n>', 'rows per transaction when ingesting', positiveInt)
  .option('--bulk', "load the corpus into an empty local database offline with neo4j-admin's importer")
  .option('--csv-only <dir>', "write the CSV the bulk load would import into <dir> and stop (no Neo4j): times the bulk load's CSV phase");

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const o = program.opts<{ actors: number; statements: number; seed: number; perFile: number; out?: string; ingest?: boolean; bulk?: boolean; batchSize?: number; csvOnly?: string }>();
  const corpus: CorpusOptions = { actors: o.actors, statements: o.statements, seed: o.seed, statementsPerFile: o.perFile };
  try {
    corpusLayout(corpus);
  } catch (err) {
    process.stderr.write(`synth: ${(err as Error).message}\n`);
    return ExitCode.USAGE;
  }
  if (o.csvOnly !== undefined) return writeCsvOnly(corpus, o.csvOnly);
  if (!o.ingest && !o.bulk) {
    const progress = createProgress('statements', o.statements);
    const dir = o.out ?? path.join(projectRoot, '.scratch', `synth-${o.actors}-${o.statements}-${o.seed}`);
    const { files, statements } = await writeCorpus(corpus, dir, (done) => progress.update(done));
    progress.finish(statements);
    process.stdout.write(`wrote ${files.length} seed files (${statements} statements) to ${path.relative(process.cwd(), dir) || dir}\n`);
    process.stdout.write(`load them with: npm run ingest -- ${path.relative(process.cwd(), dir) || dir}   (or npm run seed -- <dir> for one all-or-nothing transaction)\n`);
    return ExitCode.OK;
  }
  // Offline: every worker thread generates, plans and writes its share of the files itself.
  if (o.bulk) return runBulkImport('synth', { synth: corpus }, { unit: 'statements', total: o.statements });
  const files = (function* () {
    for (const f of generateCorpus(corpus)) yield { name: f.name, seed: f.seed, statements: f.statements };
  })();
  return runIngest('synth', files, { unit: 'statements', total: o.statements, batchSize: o.batchSize });
}

/** The bulk load's CSV phase alone, in its worker threads: what it wrote, its seconds and the process's peak RSS. */
async function writeCsvOnly(corpus: CorpusOptions, dir: string): Promise<number> {
  const progress = createProgress('statements', corpus.statements);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const t = performance.now();
  const workers = defaultCsvWorkers();
  try {
    const r = await writeCsvInWorkers(path.resolve(dir), { synth: corpus }, workers, (_, statements) => progress.update(statements));
    progress.finish(r.statements);
    const seconds = (performance.now() - t) / 1000;
    process.stdout.write(
      `wrote ${r.nodes.toLocaleString('en-US')} nodes (${r.topicPositions.toLocaleString('en-US')} topic positions) and ${r.relationships.toLocaleString('en-US')} relationships ` +
        `as ${r.groups.length} CSV groups in ${dir} with ${workers} worker thread${workers === 1 ? '' : 's'}: ${seconds.toFixed(1)} s ` +
        `(derived data ${r.derivedSeconds.toFixed(1)} s), peak RSS ${Math.round(peak / 2 ** 20)} MiB\n`,
    );
    return ExitCode.OK;
  } finally {
    clearInterval(sampler);
  }
}

await runMain('synth', main);
