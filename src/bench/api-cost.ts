/**
 * `tsx src/bench/api-cost.ts [--statements 100000] [--requests 60] [--rounds 3]`: the
 * API's cost over the floor per operation (issue 18, decision 0064), narrower than the
 * whole bench. On the graph already loaded (the synthetic corpus of that size and seed,
 * as `npm run bench -- --loaded` checks), it starts diplograph's server as the bench does
 * (child process, NODE_ENV=production, LOG_LEVEL=warn), warms it, then for each operation
 * and start kind alternates blocks of floor and API requests, one at a time, and prints
 * their p50s, the API over the floor, and the CPU each side spent per request: the
 * server process's user+system time (from /proc) for the API, this process's for the
 * floor (the driver's decoding and toPlain happen here). `--cpu-prof <dir>` has the
 * server write a V8 CPU profile there when it stops (summarise it with
 * `tsx src/bench/cpu-profile-summary.ts <file>`). `--baseline <dir>` starts a second server
 * from another checkout (e.g. a worktree of main) with the same database, and times it in
 * the same alternation: before and after under the same load.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { floorRequest, graphqlRequest } from './clients.js';
import { checkLoadedCorpus } from './loaded-corpus.js';
import { percentile, warmUp, type Request } from './measure.js';
import { benchOperations, type Operation } from './operations.js';
import { actorsFor } from './run-bench.js';
import { startDiplograph, type BenchServer } from './servers.js';
import { projectRoot } from '../config.js';
import { positiveInt } from '../cli/cli-support.js';
import { withDatabase } from '../ingest/ingest-cli-support.js';

const program = new Command('api-cost')
  .description("The API's p50 and CPU per request over the floor's, per operation, on the loaded synthetic corpus")
  .option('--statements <n>', 'the loaded corpus size', positiveInt, 100_000)
  .option('--seed <n>', 'the loaded corpus seed', positiveInt, 1)
  .option('--requests <n>', 'timed requests per side, operation and start kind in each round', positiveInt, 60)
  .option('--rounds <n>', 'alternating floor/API blocks per operation and start kind', positiveInt, 3)
  .option('--server-warmup <n>', 'untimed requests to the server before anything is timed', positiveInt, 300)
  .option('--operations <list>', 'comma-separated operation names (default: all five)')
  .option('--cpu-prof <dir>', "write the server's V8 CPU profile into this folder when it stops")
  .option('--baseline <dir>', 'also time the server of another checkout, interleaved (its NEO4J_HOME is this one\'s)');

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** The CPU time, in microseconds, process `pid` has used (user + system), from /proc. */
function processCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime); after the command, field 3 is at index 0.
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS;
}

const ownCpuMicros = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

interface Side {
  times: number[];
  cpuMicros: number;
  errors: number;
  firstError?: string;
}

async function timeBlock(request: Request, samples: number, n: number, offset: number, cpu: () => number, side: Side): Promise<void> {
  const before = cpu();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    try {
      await request((offset + i) % samples);
      side.times.push(performance.now() - t);
    } catch (err) {
      side.errors++;
      side.firstError ??= (err as Error).message.slice(0, 200);
    }
  }
  side.cpuMicros += cpu() - before;
}

const fixed = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ');

async function main(): Promise<number> {
  program.parse();
  const o = program.opts<{ statements: number; seed: number; requests: number; rounds: number; serverWarmup: number; operations?: string; cpuProf?: string; baseline?: string }>();
  const corpus = { actors: actorsFor(o.statements), statements: o.statements, seed: o.seed };
  const wanted = o.operations?.split(',').map((s) => s.trim());
  return withDatabase('api-cost', async (driver, config) => {
    const database = config.neo4j.database;
    const check = await checkLoadedCorpus(driver, database, corpus);
    if (check.differences.length > 0) throw new Error(`the loaded graph is not the corpus: ${check.differences.join('; ')}`);
    const server = await startDiplograph(process.env, o.cpuProf ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${o.cpuProf}`] } : {});
    const base = o.baseline
      ? await startDiplograph({ ...process.env, NEO4J_HOME: path.resolve(projectRoot, process.env.NEO4J_HOME ?? '.neo4j') }, { cwd: path.resolve(o.baseline) }).catch(async (err: unknown) => {
          await server.stop();
          throw err;
        })
      : undefined;
    const servers: Array<[label: string, server: BenchServer]> = base ? [['baseline', base], ['this', server]] : [['this', server]];
    const log = (s: string): void => void process.stdout.write(`${s}\n`);
    try {
      const ops = benchOperations(corpus, Math.max(8, Math.ceil(o.requests / 2))).filter((op) => !wanted || wanted.includes(op.name));
      const apiOf = (op: Operation, samples: Operation['samples'], at = server): Request => graphqlRequest(at.url, op.graphql, (i) => op.variables(samples[i]!));
      const floorOf = (op: Operation, samples: Operation['samples']): Request => floorRequest(driver, database, { ...op, samples });
      const refused = await warmUp(
        ops.flatMap((op) => [
          ...servers.map(([, at]) => ({ request: apiOf(op, op.samples, at), samples: op.samples.length })),
          { request: floorOf(op, op.samples), samples: op.samples.length },
        ]),
        o.serverWarmup,
      );
      log(`api-cost at ${o.statements} statements, seed ${o.seed}; ${o.requests} requests x ${o.rounds} rounds per side; warm-up ${o.serverWarmup} (${refused} refused); load ${load()}`);
      const heads = servers.map(([label]) => label);
      log(
        `| operation | start | floor p50 ms | ${heads.map((h) => `API p50 ms (${h})`).join(' | ')} | ${heads.map((h) => `API over the floor (${h})`).join(' | ')} | floor CPU µs/req (client) | ${heads.map((h) => `API CPU µs/req (server, ${h})`).join(' | ')} | errors |`,
      );
      log(`|${'---|'.repeat(5 + 3 * heads.length)}`);
      const totals = servers.map(() => ({ cpu: 0, n: 0 }));
      const p50 = (x: Side): number => percentile([...x.times].sort((a, b) => a - b), 50);
      const perReq = (x: Side): number => x.cpuMicros / Math.max(1, x.times.length + x.errors);
      for (const op of ops) {
        for (const hub of [true, false]) {
          const samples = op.samples.filter((x) => x.hub === hub);
          const floor: Side = { times: [], cpuMicros: 0, errors: 0 };
          const apis: Side[] = servers.map(() => ({ times: [], cpuMicros: 0, errors: 0 }));
          const blocks: Array<[Request, Side, () => number]> = [
            [floorOf(op, samples), floor, ownCpuMicros],
            ...servers.map(([, at], k): [Request, Side, () => number] => [apiOf(op, samples, at), apis[k]!, () => processCpuMicros(at.pid)]),
          ];
          for (let r = 0; r < o.rounds; r++) {
            // Rotate which side goes first, so that drift in load hits every side alike.
            for (let b = 0; b < blocks.length; b++) {
              const [req, side, cpu] = blocks[(b + r) % blocks.length]!;
              await timeBlock(req, samples.length, o.requests, r * o.requests, cpu, side);
            }
          }
          apis.forEach((a, k) => {
            totals[k]!.cpu += a.cpuMicros;
            totals[k]!.n += a.times.length + a.errors;
          });
          const errs = floor.errors + apis.reduce((n, a) => n + a.errors, 0);
          const firstError = floor.firstError ?? apis.find((a) => a.firstError)?.firstError;
          log(
            `| ${op.name} | ${hub ? 'hub' : 'other'} | ${fixed(p50(floor), 2)} | ${apis.map((a) => fixed(p50(a), 2)).join(' | ')} | ${apis.map((a) => `+${fixed(p50(a) - p50(floor), 2)}`).join(' | ')} | ${fixed(perReq(floor), 0)} | ${apis.map((a) => fixed(perReq(a), 0)).join(' | ')} | ${errs}${errs ? ` (${firstError})` : ''} |`,
          );
        }
      }
      // The fixed cost alone: an operation that reads nothing.
      const bare = servers.map((): Side => ({ times: [], cpuMicros: 0, errors: 0 }));
      for (let r = 0; r < o.rounds; r++) {
        for (let k = 0; k < servers.length; k++) {
          const j = (k + r) % servers.length;
          const at = servers[j]![1];
          await timeBlock(graphqlRequest(at.url, 'query Bare { __typename }', () => ({})), 1, o.requests, 0, () => processCpuMicros(at.pid), bare[j]!);
        }
      }
      log(`| { __typename } | - | | ${bare.map((b) => fixed(p50(b), 2)).join(' | ')} | ${heads.map(() => '').join(' | ')} | | ${bare.map((b) => fixed(perReq(b), 0)).join(' | ')} | ${bare.reduce((n, b) => n + b.errors, 0)} |`);
      log(`server CPU over every timed API request: ${servers.map(([label], k) => `${label} ${fixed(totals[k]!.cpu / Math.max(1, totals[k]!.n), 0)} µs`).join(', ')}; load ${load()}`);
    } finally {
      await Promise.all(servers.map(([, at]) => at.stop()));
    }
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`api-cost: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
