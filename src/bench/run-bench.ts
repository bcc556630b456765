/**
 * The benchmark: for each corpus size, empties the graph, streams a synthetic
 * corpus in through the bulk ingest (records/s, peak memory), or with `loaded`
 * checks that the graph already holds that corpus, then times the
 * five operations against the floor (Cypher via the driver), diplograph's
 * GraphQL API and @neo4j/graphql over the same database, and their
 * throughput under concurrency.
 */
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../config.js';
import { countGraph, deleteGraph } from '../ingest/ingest-stream.js';
import type { CorpusOptions } from '../synth/corpus-layout.js';
import { CliError } from '../cli/cli-support.js';
import { ExitCode } from '../cli/exit-codes.js';
import { checkAnswers, type AnswerCheck } from './answers.js';
import { floorRequest, graphqlRequest } from './clients.js';
import { measureLatency, measureThroughput, warmUp, type Latency, type Request, type Throughput } from './measure.js';
import { checkLoadedCorpus, loadCommand } from './loaded-corpus.js';
import { benchOperations } from './operations.js';
import type { BenchServer } from './servers.js';

/** Settings of a benchmark run. */
export interface BenchSettings {
  /** Corpus sizes in statements. */
  sizes: number[];
  seed: number;
  /** Timed requests per operation, implementation and size (split between hub and other start points). */
  requests: number;
  /** Untimed requests per operation and implementation before its timed ones. */
  warmup: number;
  /** Untimed requests to each server (diplograph, @neo4j/graphql) over every operation before any is timed, per size (0 or missing: none). */
  serverWarmup?: number;
  concurrency: number[];
  /** Seconds per throughput measurement. */
  seconds: number;
  batchSize?: number;
  quick: boolean;
  /** Use the graph already in the database (checked to be the corpus of the one size) instead of emptying it and ingesting. */
  loaded?: boolean;
}

/** The implementations compared. */
/** old-floor: the queries the API ran before derived positions (cypher/bench/*-expanded.cypher; the floor elsewhere). */
export const IMPLEMENTATIONS = ['old-floor', 'floor', 'diplograph', 'neo4j-graphql'] as const;
export type Implementation = (typeof IMPLEMENTATIONS)[number];

/** One size's results. */
export interface SizeResult {
  statements: number;
  actors: number;
  graph: { nodes: number; relationships: number; duplicateIds: number; duplicateRelationships: number };
  /** The transactional ingest's figures; absent when the graph was loaded beforehand (`loadedBeforehand`). */
  ingest?: { seconds: number; statementsPerSecond: number; recordsPerSecond: number; peakRssMiB: number; batches: number };
  /** With --loaded: the ingest was not measured; the graph was checked to be the corpus that this command loads. */
  loadedBeforehand?: string;
  latency: Array<{
    operation: string;
    startsAt: 'all' | 'hub' | 'other';
    results: Partial<Record<Implementation, Latency>>;
    unsupported?: string;
  }>;
  throughput: Array<{ workload: string; results: Partial<Record<Implementation, Throughput[]>> }>;
  /** Whether the implementations answered alike, checked before timing (operations whose three forms select the same data). */
  answers: AnswerCheck[];
}

/** The whole run, as written to bench/results/*.json. */
export interface BenchResult {
  startedAt: string;
  command: string;
  /** The commit the code was at (with `+changes` when the working tree differed), if git could tell. */
  commit?: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; neo4j: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  settings: BenchSettings;
  sizes: SizeResult[];
}

/** Actors in a corpus of the given size: a twentieth of the statements, within [200, 50,000]. */
export const actorsFor = (statements: number): number => Math.max(200, Math.min(50_000, Math.round(statements / 20)));

/**
 * Empties the graph and loads a corpus with `npm run synth -- --ingest` in a child
 * process, so that its peak memory is the ingest's own, not the benchmark's.
 */
async function ingestCorpus(driver: Driver, database: string, corpus: CorpusOptions, settings: BenchSettings, log: (s: string) => void): Promise<NonNullable<SizeResult['ingest']>> {
  log(`emptying the graph and loading ${corpus.statements.toLocaleString('en-US')} synthetic statements (${corpus.actors} actors) ...`);
  await deleteGraph(driver, database);
  const args = ['src/cli/synth.ts', '--ingest', '--actors', String(corpus.actors), '--statements', String(corpus.statements), '--seed', String(corpus.seed)];
  if (settings.batchSize) args.push('--batch-size', String(settings.batchSize));
  const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), args, { cwd: projectRoot, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`ingest of ${corpus.statements} statements failed (exit ${code}): ${stdout}`);
  const stats = parseIngestLine(stdout);
  if (!stats) throw new Error(`ingest printed no summary: ${stdout}`);
  return stats;
}

/**
 * With --loaded: checks that the graph in the database is the corpus, and refuses
 * (a CliError, exit 2) with what it found, what it expected and the command that loads it.
 */
async function useLoadedCorpus(driver: Driver, database: string, corpus: CorpusOptions, log: (s: string) => void): Promise<string> {
  log(`checking that the graph in the database is the synthetic corpus of ${corpus.statements.toLocaleString('en-US')} statements (${corpus.actors} actors, seed ${corpus.seed}) ...`);
  const check = await checkLoadedCorpus(driver, database, corpus);
  const command = loadCommand(corpus);
  if (check.differences.length > 0) {
    const f = check.found;
    throw new CliError(
      `--loaded: the graph in the database is not the synthetic corpus of ${corpus.statements.toLocaleString('en-US')} statements, ${corpus.actors.toLocaleString('en-US')} actors, seed ${corpus.seed}: ` +
        `${check.differences.join('; ')}.\n` +
        `  found: ${f.statements.toLocaleString('en-US')} statements, ${f.actors.toLocaleString('en-US')} actors, ${f.topicPositions.toLocaleString('en-US')} topic positions, reference note ${f.note === null ? 'none' : `"${f.note}"`}\n` +
        `  expected: ${check.expected.statements.toLocaleString('en-US')} statements, ${check.expected.actors.toLocaleString('en-US')} actors, reference note "${check.expected.note}"\n` +
        `Load it into an empty local database with: ${command}\n(or run the bench without --loaded, which empties the graph and ingests it). Nothing was changed.`,
      ExitCode.USAGE,
    );
  }
  log(`the graph is that corpus (${check.found.topicPositions.toLocaleString('en-US')} topic positions); the ingest is not measured`);
  return command;
}

/** Reads the summary line `npm run synth -- --ingest` prints (formatIngestStats). */
export function parseIngestLine(text: string): NonNullable<SizeResult['ingest']> | undefined {
  const m = /ingested (\d+) files: ([\d,]+) statements, ([\d,]+) nodes, ([\d,]+) relationships in (\d+) batches, ([\d.]+) s .*peak RSS (\d+) MiB/.exec(text);
  if (!m) return undefined;
  const num = (s: string): number => Number(s.replace(/,/g, ''));
  const seconds = Number(m[6]);
  return {
    seconds,
    statementsPerSecond: Math.round(num(m[2]!) / seconds),
    recordsPerSecond: Math.round((num(m[3]!) + num(m[4]!)) / seconds),
    peakRssMiB: Number(m[7]),
    batches: Number(m[5]),
  };
}

/** Runs the benchmark; servers are started by the caller and reused across sizes. */
export async function runBench(
  deps: { driver: Driver; database: string; diplograph: BenchServer; neo4jGraphql: BenchServer; command: string; log: (s: string) => void },
  settings: BenchSettings,
): Promise<BenchResult> {
  const { driver, database, log } = deps;
  const components = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN name + " " + versions[0] + " " + edition AS v', {}, { database });
  const result: BenchResult = {
    startedAt: new Date().toISOString(),
    command: deps.command,
    ...codeVersion(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      neo4j: String(components.records[0]?.get('v') ?? 'unknown'),
      loadAverageBefore: os.loadavg().map((x) => Math.round(x * 100) / 100),
      loadAverageAfter: [],
    },
    settings,
    sizes: [],
  };

  for (const statements of settings.sizes) {
    const corpus: CorpusOptions = { actors: actorsFor(statements), statements, seed: settings.seed };
    const load = settings.loaded ? { loadedBeforehand: await useLoadedCorpus(driver, database, corpus, log) } : { ingest: await ingestCorpus(driver, database, corpus, settings, log) };
    const graph = await countGraph(driver, database);
    log(`graph: ${graph.nodes.toLocaleString('en-US')} nodes, ${graph.relationships.toLocaleString('en-US')} relationships; ${load.ingest ? `ingest ${load.ingest.statementsPerSecond} statements/s` : 'ingest not measured'}`);
    const size: SizeResult = { statements, actors: corpus.actors, graph, ...load, latency: [], throughput: [], answers: [] };
    const ops = benchOperations(corpus, Math.max(8, Math.ceil(settings.requests / 2)));

    const requestsOf = (op: (typeof ops)[number], samples: typeof op.samples, mix = false): Partial<Record<Implementation, Request>> => {
      const sub = { ...op, samples };
      const out: Partial<Record<Implementation, Request>> = {
        // Timed alone only where it differs from the floor; in a mix it stands for today's queries.
        ...(op.oldFloor || mix ? { 'old-floor': floorRequest(driver, database, { ...sub, floor: op.oldFloor ?? op.floor }) } : {}),
        floor: floorRequest(driver, database, sub),
        diplograph: graphqlRequest(deps.diplograph.url, op.graphql, (i) => op.variables(samples[i]!)),
      };
      if ('query' in op.neo4jGraphql) out['neo4j-graphql'] = graphqlRequest(deps.neo4jGraphql.url, op.neo4jGraphql.query, (i) => op.variables(samples[i]!));
      return out;
    };

    // A faster implementation must not be one that reads less: compare answers first.
    for (const op of ops.filter((o) => 'query' in o.neo4jGraphql)) {
      const check = await checkAnswers({ driver, database, diplographUrl: deps.diplograph.url, neo4jGraphqlUrl: deps.neo4jGraphql.url }, op);
      size.answers.push(check);
      log(`answers of ${op.name}: ${check.compared.join(', ')} ${check.mismatches === 0 ? 'agree' : `DIFFER on ${check.mismatches}`} on ${check.samples} start points${check.firstMismatch ? ` (${check.firstMismatch})` : ''}`);
    }

    // Both servers warmed over every operation first, so that the first operations timed are not a cold server's.
    const serverWarmup = settings.serverWarmup ?? 0;
    for (const impl of serverWarmup > 0 ? (['diplograph', 'neo4j-graphql'] as const) : []) {
      const warm = ops.flatMap((op) => {
        const request = requestsOf(op, op.samples)[impl];
        return request ? [{ request, samples: op.samples.length }] : [];
      });
      const refused = await warmUp(warm, serverWarmup);
      log(`warmed ${impl}: ${serverWarmup} requests over ${warm.length} operations, ${refused} refused`);
    }

    for (const op of ops) {
      for (const startsAt of ['hub', 'other'] as const) {
        const samples = op.samples.filter((s) => s.hub === (startsAt === 'hub'));
        const requests = requestsOf(op, samples);
        const row: SizeResult['latency'][number] = { operation: op.name, startsAt, results: {} };
        if ('unsupported' in op.neo4jGraphql) row.unsupported = op.neo4jGraphql.unsupported;
        const n = Math.max(4, Math.round(settings.requests * (startsAt === 'hub' ? 0.25 : 0.75)));
        // Interleave implementations per operation so that background load hits them alike.
        for (const impl of IMPLEMENTATIONS) {
          const request = requests[impl];
          if (request) row.results[impl] = await measureLatency(request, samples.length, n, settings.warmup);
        }
        size.latency.push(row);
        log(`${op.name} (${startsAt}): ${IMPLEMENTATIONS.map((i) => (row.results[i] ? `${i} p50 ${row.results[i]!.p50} ms` : `${i} n/a`)).join(', ')}`);
      }
    }

    // Throughput: the workload all three can serve (actor profile and demand thread,
    // alternating), and diplograph's full mix of five against the floor.
    const common = ops.filter((o) => 'query' in o.neo4jGraphql);
    for (const [workload, list] of [
      ['actor profile + demand thread', common],
      ['all five operations', ops],
    ] as const) {
      const entry: SizeResult['throughput'][number] = { workload, results: {} };
      for (const impl of IMPLEMENTATIONS) {
        const reqs = list.map((op) => requestsOf(op, op.samples, list.length === ops.length)[impl]);
        if (reqs.some((r) => r === undefined)) continue;
        const runs: Throughput[] = [];
        for (const c of settings.concurrency) runs.push(await measureThroughput(reqs as Request[], list[0]!.samples.length, c, settings.seconds));
        entry.results[impl] = runs;
        log(`throughput ${workload}, ${impl}: ${runs.map((r) => `c${r.concurrency} ${r.rps} req/s p99 ${r.p99} ms errors ${r.errors}`).join('; ')}`);
      }
      size.throughput.push(entry);
    }
    result.sizes.push(size);
  }
  result.machine.loadAverageAfter = os.loadavg().map((x) => Math.round(x * 100) / 100);
  return result;
}

/** The commit of the code being measured, so that a result file says what it measured. */
function codeVersion(): { commit?: string } {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'cypher', 'schema.graphql') !== '';
    return { commit: `${git('rev-parse', '--short', 'HEAD')}${dirty ? '+changes' : ''}` };
  } catch {
    return {};
  }
}
