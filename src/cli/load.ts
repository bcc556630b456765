/**
 * `npm run load -- --clients N --seconds T [--url U] [--json]`: N clients send a mix of
 * read queries to a running server on this machine for T seconds, then req/s,
 * p50/p95/p99 and errors are printed. Exit codes: 0 no errors, 1 any error, 2 usage
 * (including a URL that is not loopback).
 *
 * `npm run load -- --scenario overload --clients 64 --seconds 30 [--hub ID --other ID]`:
 * starts a server of its own on the configured Neo4j and runs the overload scenario
 * (src/reliability/overload-scenario.ts); exit 1 when a goal of issue 14 is missed.
 */
import { InvalidArgumentError } from 'commander';
import { LoadConfigError, assertBounds, assertLoopback, formatLoadReport, readMix, runLoad } from '../reliability/load.js';
import { cliProgram, loadConfigOrExit, parseArgs, runMain } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const number = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
};

const program = cliProgram('load', 'Bounded read load against the GraphQL API on loopback; fails on any error.')
  .option('--clients <n>', 'concurrent clients (1-64)', number, 4)
  .option('--seconds <t>', 'duration in seconds (at most 600)', number, 10)
  .option('--url <url>', 'the server (loopback only)', 'http://127.0.0.1:4000')
  .option('--json', 'print the summary as JSON')
  .option('--scenario <name>', 'mix (a running server, --url) or overload (a server of its own)', 'mix')
  .option('--hub <id>', 'overload: centre of the heavy neighbourhood, start of its paths', 'nato')
  .option('--other <id>', 'overload: end of the heavy paths', 'russia')
  .option('--lookup <id>', 'overload: the actor of the cheap lookup', 'russia')
  .option('--ignore-retry-after', 'overload: heavy clients send again at once after 429/503');

async function main(): Promise<number> {
  const parsed = parseArgs(program);
  if (parsed !== undefined) return parsed;
  const opts = program.opts<{ clients: number; seconds: number; url: string; json?: boolean; scenario: string; hub: string; other: string; lookup: string; ignoreRetryAfter?: boolean }>();
  if (opts.scenario === 'overload') {
    try {
      assertBounds(opts.clients, opts.seconds);
    } catch (err) {
      console.error(`load: ${(err as Error).message}`);
      return ExitCode.USAGE;
    }
    // Loaded only for this scenario: the plain mix starts as fast as before.
    const { formatOverloadReport, runOverloadScenario } = await import('../reliability/overload-scenario.js');
    const report = await runOverloadScenario({
      config: loadConfigOrExit(),
      clients: opts.clients,
      seconds: opts.seconds,
      hub: opts.hub,
      other: opts.other,
      lookup: opts.lookup,
      ignoreRetryAfter: opts.ignoreRetryAfter === true,
    });
    console.log(opts.json ? JSON.stringify(report) : formatOverloadReport(report));
    const met = report.health.p99 < 100 && report.lookup.p99 < 500 && report.serviceUnavailable === 0 && report.health.failures === 0;
    return met ? ExitCode.OK : ExitCode.RUNTIME_ERROR;
  }
  if (opts.scenario !== 'mix') {
    console.error(`load: --scenario must be mix or overload (got ${opts.scenario})`);
    return ExitCode.USAGE;
  }
  try {
    assertBounds(opts.clients, opts.seconds);
    await assertLoopback(opts.url);
  } catch (err) {
    if (err instanceof LoadConfigError) {
      console.error(`load: ${err.message}`);
      return ExitCode.USAGE;
    }
    throw err;
  }
  let mix;
  try {
    mix = await readMix(opts.url);
  } catch (err) {
    console.error(`load: ${(err as Error).message}`);
    return ExitCode.RUNTIME_ERROR;
  }
  const report = await runLoad({ url: opts.url, clients: opts.clients, seconds: opts.seconds, mix });
  if (opts.json) {
    const { samples: _samples, ...summary } = report;
    console.log(JSON.stringify(summary));
  } else {
    console.log(formatLoadReport(report));
  }
  return report.errors === 0 ? ExitCode.OK : ExitCode.RUNTIME_ERROR;
}

// Exits when done: the clients' keep-alive sockets would hold the process open a while.
await runMain('load', main);
process.exit();
