/**
 * `npm run faults -- api [options]`: takes the local Neo4j away under API load (SIGTERM
 * and SIGKILL) and prints how the server failed and recovered. `npm run faults -- ingest`
 * kills Neo4j during a bulk ingest (see src/reliability/faults-ingest.ts). Both stop and
 * kill the Neo4j of NEO4J_HOME: run them on a home of their own (the default .neo4j is
 * refused unless --allow-default-home). Exit codes: 0 every check held, 1 a check
 * failed or a runtime error, 2 usage.
 */
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, projectRoot, type Config } from '../config.js';
import { runApiFaults } from '../reliability/faults-api.js';
import { runIngestFaults } from '../reliability/faults-ingest.js';
import { apiFaultVerdict } from '../reliability/verdicts.js';
import type { StopMode } from '../reliability/processes.js';
import { cliProgram, parseArgsAsync, runMain } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
};

const program = cliProgram('faults', 'Fault injection against the local Neo4j (a home of its own).');

/** The configuration, refusing the default home unless asked: these commands kill its Neo4j. */
function faultConfig(allowDefaultHome: boolean | undefined): Config {
  const config = loadConfig();
  if (!config.neo4j.local) throw new ConfigError('NEO4J_URI', 'fault runs stop and kill the local Neo4j: unset NEO4J_URI');
  if (!allowDefaultHome && config.localNeo4j.home === path.join(projectRoot, '.neo4j')) {
    throw new ConfigError('NEO4J_HOME', 'fault runs kill this Neo4j: set NEO4J_HOME (and ports) to a home of their own, or pass --allow-default-home');
  }
  return config;
}

let exitCode: number = ExitCode.OK;

program
  .command('api')
  .description('Stop Neo4j under API load (SIGTERM and SIGKILL), restart it, measure time-to-fail and time-to-recovery.')
  .option('--clients <n>', 'concurrent clients (1-64)', positive, 4)
  .option('--warm <s>', 'seconds of load before the stop', positive, 3)
  .option('--outage <s>', 'seconds Neo4j stays away', positive, 5)
  .option('--watch <s>', 'seconds of load after Neo4j is back', positive, 8)
  .option('--modes <list>', 'comma list of sigterm, sigkill', 'sigterm,sigkill')
  .option('--json', 'print the figures as JSON at the end')
  .option('--allow-default-home', 'allow killing the Neo4j of the default home .neo4j')
  .action(async (o: { clients: number; warm: number; outage: number; watch: number; modes: string; json?: boolean; allowDefaultHome?: boolean }) => {
    const modes = o.modes.split(',').map((m) => m.trim());
    if (!modes.every((m): m is StopMode => m === 'sigterm' || m === 'sigkill')) throw new InvalidArgumentError(`--modes: expected sigterm and/or sigkill, got ${o.modes}`);
    const config = faultConfig(o.allowDefaultHome);
    const result = await runApiFaults({ config, modes, clients: o.clients, warmSeconds: o.warm, outageSeconds: o.outage, watchSeconds: o.watch, report: (l) => console.log(l) });
    console.log(`after the cycles: ${result.after.requests} requests, ${result.after.errors} errors, p99 ${result.after.p99} ms`);
    const problems = apiFaultVerdict(result);
    for (const p of problems) console.log(`FAILED: ${p}`);
    if (o.json) console.log(JSON.stringify(result));
    exitCode = problems.length === 0 ? ExitCode.OK : ExitCode.RUNTIME_ERROR;
  });

program
  .command('ingest')
  .description('SIGKILL Neo4j at a random point of a bulk ingest, restart, rerun; check exact counts, no duplicates, no orphans.')
  .option('--trials <n>', 'kill-restart-rerun trials', positive, 10)
  .option('--records <n>', 'statements in the synthetic corpus', positive, 100_000)
  .option('--actors <n>', 'actors in the corpus (default records/20, at least 30)', positive)
  .option('--seed <n>', 'random seed of the corpus', positive, 1)
  .option('--json', 'print the figures as JSON at the end')
  .option('--allow-default-home', 'allow killing (and emptying) the Neo4j of the default home .neo4j')
  .action(async (o: { trials: number; records: number; actors?: number; seed: number; json?: boolean; allowDefaultHome?: boolean }) => {
    const config = faultConfig(o.allowDefaultHome);
    const result = await runIngestFaults({
      config,
      trials: Math.round(o.trials),
      records: Math.round(o.records),
      ...(o.actors ? { actors: Math.round(o.actors) } : {}),
      seed: Math.round(o.seed),
      report: (l) => console.log(l),
    });
    const failed = result.trials.filter((t) => t.problems.length > 0);
    console.log(`${result.trials.length} trials, ${failed.length} failed; reference ingest ${result.referenceSeconds} s`);
    if (o.json) console.log(JSON.stringify(result));
    exitCode = failed.length === 0 ? ExitCode.OK : ExitCode.RUNTIME_ERROR;
  });

async function main(): Promise<number> {
  try {
    const parsed = await parseArgsAsync(program);
    if (parsed !== undefined) return parsed;
  } catch (err) {
    // Thrown by an action (commander has printed its own parse errors).
    if (err instanceof ConfigError || err instanceof InvalidArgumentError) {
      console.error(`faults: ${err.message}`);
      return ExitCode.USAGE;
    }
    throw err;
  }
  return exitCode;
}

// Exits when done: a fault run leaves timers and sockets of its clients behind.
await runMain('faults', main);
process.exit();
