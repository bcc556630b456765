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
 * `tsx src/bench/cpu-profile-summary.ts <file>`).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { floorRequest, graphqlRequest } from './clients.js';
import { checkLoadedCorpus } from './loaded-corpus.js';
import { percentile, warmUp, type Request } from './measure.js';
import { benchOperations, type Operation } from './operations.js';
import { actorsFor } from './run-bench.js';
import { startDiplograph } from './servers.js';
import { withDatabase } from '../ingest/ingest-cli-support.js';

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

const program = new Command('api-cost')
  .description("The API's p50 and CPU per request over the floor's, per operation, on the loaded synthetic corpus")
  .option('--statements <n>', 'the loaded corpus size', positive, 100_000)
  .option('--seed <n>', 'the loaded corpus seed', positive, 1)
  .option('--requests <n>', 'timed requests per side, operation and start kind in each round', positive, 60)
  .option('--rounds <n>', 'alternating floor/API blocks per operation and start kind', positive, 3)
  .option('--server-warmup <n>', 'untimed requests to the server before anything is timed', positive, 300)
  .option('--operations <list>', 'comma-separated operation names (default: all five)')
  .option('--cpu-prof <dir>', "write the server's V8 CPU profile into this folder when it stops");

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
  const o = program.opts<{ statements: number; seed: number; requests: number; rounds: number; serverWarmup: number; operations?: string; cpuProf?: string }>();
  const corpus = { actors: actorsFor(o.statements), statements: o.statements, seed: o.seed };
  const wanted = o.operations?.split(',').map((s) => s.trim());
  return withDatabase('api-cost', async (driver, config) => {
    const database = config.neo4j.database;
    const check = await checkLoadedCorpus(driver, database, corpus);
    if (check.differences.length > 0) throw new Error(`the loaded graph is not the corpus: ${check.differences.join('; ')}`);
    const server = await startDiplograph(process.env, o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProf}`] : []);
    const log = (s: string): void => void process.stdout.write(`${s}\n`);
    try {
      const ops = benchOperations(corpus, Math.max(8, Math.ceil(o.requests / 2))).filter((op) => !wanted || wanted.includes(op.name));
      const apiOf = (op: Operation, samples: Operation['samples']): Request => graphqlRequest(server.url, op.graphql, (i) => op.variables(samples[i]!));
      const floorOf = (op: Operation, samples: Operation['samples']): Request => floorRequest(driver, database, { ...op, samples });
      const refused = await warmUp(
        ops.flatMap((op) => [{ request: apiOf(op, op.samples), samples: op.samples.length }, { request: floorOf(op, op.samples), samples: op.samples.length }]),
        o.serverWarmup,
      );
      log(`api-cost at ${o.statements} statements, seed ${o.seed}; ${o.requests} requests x ${o.rounds} rounds per side; warm-up ${o.serverWarmup} (${refused} refused); load ${load()}`);
      log('| operation | start | floor p50 ms | API p50 ms | API over the floor | floor CPU µs/req (client) | API CPU µs/req (server) | errors |');
      log('|---|---|---|---|---|---|---|---|');
      const totals = { apiCpu: 0, apiN: 0 };
      for (const op of ops) {
        for (const hub of [true, false]) {
          const samples = op.samples.filter((s) => s.hub === hub);
          const floor: Side = { times: [], cpuMicros: 0, errors: 0 };
          const api: Side = { times: [], cpuMicros: 0, errors: 0 };
          const floorReq = floorOf(op, samples);
          const apiReq = apiOf(op, samples);
          for (let r = 0; r < o.rounds; r++) {
            // Alternate which side goes first, so drift in load hits both alike.
            const blocks: Array<[Request, Side, () => number]> = [
              [floorReq, floor, ownCpuMicros],
              [apiReq, api, () => processCpuMicros(server.pid)],
            ];
            if (r % 2 === 1) blocks.reverse();
            for (const [req, side, cpu] of blocks) await timeBlock(req, samples.length, o.requests, r * o.requests, cpu, side);
          }
          const p50 = (s: Side): number => percentile([...s.times].sort((a, b) => a - b), 50);
          const perReq = (s: Side): number => s.cpuMicros / Math.max(1, s.times.length + s.errors);
          totals.apiCpu += api.cpuMicros;
          totals.apiN += api.times.length + api.errors;
          const errs = floor.errors + api.errors;
          log(
            `| ${op.name} | ${hub ? 'hub' : 'other'} | ${fixed(p50(floor), 2)} | ${fixed(p50(api), 2)} | +${fixed(p50(api) - p50(floor), 2)} | ${fixed(perReq(floor), 0)} | ${fixed(perReq(api), 0)} | ${errs}${errs ? ` (${floor.firstError ?? api.firstError})` : ''} |`,
          );
        }
      }
      // The fixed cost alone: an operation that reads nothing.
      const bare: Side = { times: [], cpuMicros: 0, errors: 0 };
      const bareReq = graphqlRequest(server.url, 'query Bare { __typename }', () => ({}));
      for (let r = 0; r < o.rounds; r++) await timeBlock(bareReq, 1, o.requests, 0, () => processCpuMicros(server.pid), bare);
      log(
        `| { __typename } | - | | ${fixed(percentile([...bare.times].sort((a, b) => a - b), 50), 2)} | | | ${fixed(bare.cpuMicros / Math.max(1, bare.times.length + bare.errors), 0)} | ${bare.errors} |`,
      );
      log(`server CPU over every timed API request: ${fixed(totals.apiCpu / Math.max(1, totals.apiN), 0)} µs/request; load ${load()}`);
    } finally {
      await server.stop();
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
