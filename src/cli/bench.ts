/**
 * `npm run bench [-- --quick] [--sizes 10000,100000,1000000] --yes`: empties
 * the configured graph, loads synthetic corpora of each size and compares the
 * floor (Cypher via neo4j-driver), diplograph's GraphQL API and @neo4j/graphql.
 * Prints tables and writes JSON under bench/results/. --quick is a CI smoke
 * test (one small corpus, few requests). `--sizes N --loaded` benchmarks the graph
 * already in the database (loaded beforehand, e.g. by `npm run synth -- --bulk`)
 * when it is that corpus, without emptying it or measuring the ingest.
 * Exit codes: 0 ok, 1 error, 2 usage (or --loaded on another graph), 4 database unreachable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { formatReport } from '../bench/format-report.js';
import { runBench, type BenchSettings } from '../bench/run-bench.js';
import { startDiplograph, startNeo4jGraphql, type BenchServer } from '../bench/servers.js';
import { projectRoot } from '../config.js';
import { withDatabase } from '../ingest/ingest-cli-support.js';
import { cliProgram, parseArgs, positiveInt, runMain } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const sizeList = (v: string): number[] => {
  const sizes = v.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((s) => !Number.isInteger(s) || s < 100)) throw new InvalidArgumentError('expected whole numbers of at least 100, e.g. 10000,100000');
  return sizes;
};

const program = cliProgram('bench', 'Benchmark ingest and reads: Cypher floor vs diplograph GraphQL vs @neo4j/graphql. Empties the graph first.')
  .option('--quick', 'smoke test: one corpus of 1,000 statements, few requests, 1 s per throughput run')
  .option('--sizes <list>', 'corpus sizes in statements', sizeList)
  .option('--requests <n>', 'timed requests per operation, implementation and size', positiveInt)
  .option('--seconds <n>', 'seconds per throughput run', positiveInt)
  .option('--seed <n>', 'corpus seed', positiveInt, 1)
  .option('--batch-size <n>', 'ingest rows per transaction', positiveInt)
  .option('--out <file>', 'JSON result file (default bench/results/<time>.json)')
  .option('--loaded', 'use the graph already in the database, checked to be the corpus of the one size and seed; the ingest is not measured')
  .option('--yes', 'confirm that the graph of the configured database may be emptied (not needed with --loaded)');

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const o = program.opts<{ quick?: boolean; sizes?: number[]; requests?: number; seconds?: number; seed: number; batchSize?: number; out?: string; yes?: boolean; loaded?: boolean }>();
  const quick = o.quick ?? false;
  const sizes = o.sizes ?? (quick ? [1_000] : [10_000, 100_000, 1_000_000]);
  if (o.loaded && sizes.length !== 1) {
    process.stderr.write(`bench: --loaded benchmarks the one graph in the database: give one size, e.g. --sizes 1000000 (got ${sizes.join(',')})\n`);
    return ExitCode.USAGE;
  }
  if (o.loaded && o.batchSize) {
    process.stderr.write('bench: --batch-size sets the ingest, which --loaded does not run\n');
    return ExitCode.USAGE;
  }
  if (!o.yes && !o.loaded) {
    process.stderr.write('bench: the benchmark empties the graph of the configured database (NEO4J_URI / NEO4J_BOLT_PORT); add --yes to confirm\n');
    return ExitCode.USAGE;
  }
  const settings: BenchSettings = {
    sizes,
    seed: o.seed,
    requests: o.requests ?? (quick ? 12 : 200),
    warmup: quick ? 2 : Math.min(20, Math.ceil((o.requests ?? 200) / 5)),
    serverWarmup: quick ? 10 : 100,
    concurrency: [32, 64],
    seconds: o.seconds ?? (quick ? 1 : 10),
    quick,
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
    ...(o.loaded ? { loaded: true } : {}),
  };
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  return withDatabase('bench', async (driver, config) => {
    const servers: BenchServer[] = [];
    try {
      log('starting diplograph and @neo4j/graphql servers ...');
      const [diplograph, neo4jGraphql] = await Promise.all([startDiplograph(process.env), startNeo4jGraphql(process.env)]);
      servers.push(diplograph, neo4jGraphql);
      const result = await runBench({ driver, database: config.neo4j.database, diplograph, neo4jGraphql, command, log }, settings);
      const file = o.out ?? path.join(projectRoot, 'bench', 'results', `${result.startedAt.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}${o.loaded ? '-loaded' : ''}.json`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
      process.stdout.write(formatReport(result));
      process.stdout.write(`\nresults written to ${path.relative(process.cwd(), file)}\n`);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
}

await runMain('bench', main);
