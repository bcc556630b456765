/**
 * Neo4j taken away under API load: the server (a real child process) must keep
 * running, answer every request during the outage quickly with SERVICE_UNAVAILABLE,
 * and serve again by itself within seconds of Neo4j's return. One cycle per stop mode
 * (a clean SIGTERM shutdown, and SIGKILL); the figures are measured, not asserted.
 */
import type { Config } from '../config.js';
import type { Report } from '../local-neo4j/report.js';
import { startNeo4j } from '../local-neo4j/start-neo4j.js';
import { resolveNeo4jConnection } from '../neo4j/connection.js';
import { openDriver } from '../neo4j/driver.js';
import { runSeed } from '../seed/run-seed.js';
import { percentile, readMix, runLoad, type LoadSample } from './load.js';
import { startServerProcess, takeNeo4jAway, type StopMode } from './processes.js';

/** Options of a fault run. */
export interface ApiFaultOptions {
  config: Config;
  modes: StopMode[];
  clients: number;
  /** Seconds of load before Neo4j is taken away. */
  warmSeconds: number;
  /** Seconds Neo4j stays away. */
  outageSeconds: number;
  /** Seconds of load watched after Neo4j is back. */
  watchSeconds: number;
  report: Report;
  /** Operations of the read mix to leave out (by name). */
  exclude?: string[];
}

/** The figures of one cycle. */
export interface ApiFaultCycle {
  mode: StopMode;
  /** Requests answered before the stop began: all should be ok. */
  before: { requests: number; errors: number };
  /** Requests sent while Neo4j was going down (in flight at the stop). */
  duringStop: { requests: number; codes: Record<string, number> };
  /** Requests sent while Neo4j was down. */
  outage: {
    requests: number;
    codes: Record<string, number>;
    unavailable: number;
    msP50: number;
    msP99: number;
    msMax: number;
    /** Operations answered otherwise than with SERVICE_UNAVAILABLE while Neo4j was down. */
    unexpected: Record<string, number>;
  };
  /** Seconds Neo4j took to come back (startNeo4j until Bolt answers). */
  neo4jRestartSeconds: number;
  /** Milliseconds from Neo4j answering again to the first request that succeeded, and to the last that failed. */
  recovery: { firstOkMs: number | null; lastErrorMs: number | null; requestsAfter: number; errorsAfter: number };
  /** The server process was alive and /health answered 200 throughout. */
  serverStayedUp: boolean;
  healthFailures: number;
}

/** The result of a whole run. */
export interface ApiFaultResult {
  cycles: ApiFaultCycle[];
  /** A clean load after the last cycle: requests and errors. */
  after: { requests: number; errors: number; p99: number };
}

const count = (samples: LoadSample[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const s of samples) {
    const key = s.ok ? 'ok' : s.codes[0] ?? `HTTP ${s.status}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

const round = (n: number) => Math.round(n * 10) / 10;

/** Runs the cycles against the local Neo4j of `config` (started and seeded if needed). */
export async function runApiFaults(opts: ApiFaultOptions): Promise<ApiFaultResult> {
  const { config, report } = opts;
  await startNeo4j(config, report);
  const driver = openDriver(resolveNeo4jConnection(config));
  try {
    await runSeed(driver, { database: config.neo4j.database });
  } finally {
    await driver.close();
  }
  const server = await startServerProcess(config);
  report(`server up at ${server.url} (pid ${server.child.pid})`);
  const cycles: ApiFaultCycle[] = [];
  try {
    const mix = (await readMix(server.url)).filter((op) => !opts.exclude?.includes(op.name));
    for (const mode of opts.modes) cycles.push(await cycle(opts, server, mix, mode));
    const after = await runLoad({ url: server.url, clients: opts.clients, seconds: 3, mix });
    return { cycles, after: { requests: after.requests, errors: after.errors, p99: after.latencyMs.p99 } };
  } finally {
    const code = await server.stop();
    report(`server stopped (${code})`);
  }
}

async function cycle(opts: ApiFaultOptions, server: Awaited<ReturnType<typeof startServerProcess>>, mix: Awaited<ReturnType<typeof readMix>>, mode: StopMode): Promise<ApiFaultCycle> {
  const { config, report } = opts;
  const stopLoad = new AbortController();
  const t0 = performance.now();
  const at = () => performance.now() - t0;
  // Health is polled on the side: the process must answer /health throughout.
  let healthFailures = 0;
  let polling = true;
  const health = (async () => {
    while (polling) {
      const ok = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
      if (!ok) healthFailures++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const load = runLoad({ url: server.url, clients: opts.clients, seconds: 600, mix, signal: stopLoad.signal });

  await new Promise((resolve) => setTimeout(resolve, opts.warmSeconds * 1000));
  const stopBegan = at();
  report(`${mode}: taking Neo4j away under load ...`);
  await takeNeo4jAway(config, mode, report);
  const stopEnded = at();
  await new Promise((resolve) => setTimeout(resolve, opts.outageSeconds * 1000));
  const restartBegan = at();
  await startNeo4j(config, report);
  const back = at();
  await new Promise((resolve) => setTimeout(resolve, opts.watchSeconds * 1000));
  stopLoad.abort();
  const result = await load;
  polling = false;
  await health;

  // The load's clock starts within a microsecond of t0 (same synchronous turn).
  const started = (s: LoadSample) => s.startedAt;
  const before = result.samples.filter((s) => started(s) + s.ms < stopBegan);
  const duringStop = result.samples.filter((s) => started(s) < stopEnded && started(s) + s.ms >= stopBegan);
  // Down from the end of the stop until Bolt answers again (the restart takes a while).
  // startNeo4j polls Bolt, so Neo4j may serve a little before `back`: a success sent
  // after the restart began is Neo4j being back, not a wrong answer.
  const outage = result.samples.filter((s) => started(s) >= stopEnded && started(s) + s.ms <= back && !(s.ok && started(s) >= restartBegan));
  const afterBack = result.samples.filter((s) => started(s) + s.ms >= back);
  const outageMs = outage.map((s) => s.ms).sort((a, b) => a - b);
  const firstOk = afterBack.filter((s) => s.ok).map((s) => started(s) + s.ms - back).sort((a, b) => a - b)[0];
  const lastError = afterBack.filter((s) => !s.ok).map((s) => started(s) + s.ms - back).sort((a, b) => b - a)[0];
  const figures: ApiFaultCycle = {
    mode,
    before: { requests: before.length, errors: before.filter((s) => !s.ok).length },
    duringStop: { requests: duringStop.length, codes: count(duringStop) },
    outage: {
      requests: outage.length,
      codes: count(outage),
      unavailable: outage.filter((s) => s.codes.length > 0 && s.codes.every((c) => c === 'SERVICE_UNAVAILABLE')).length,
      msP50: round(percentile(outageMs, 50)),
      msP99: round(percentile(outageMs, 99)),
      msMax: round(outageMs[outageMs.length - 1] ?? 0),
      unexpected: count(outage.filter((s) => !(s.codes.length > 0 && s.codes.every((c) => c === 'SERVICE_UNAVAILABLE'))).map((s) => ({ ...s, ok: false, codes: [`${s.operation}: ${s.ok ? 'answered with data' : s.codes.join('+')}`] }))),
    },
    neo4jRestartSeconds: round((back - restartBegan) / 1000),
    recovery: {
      firstOkMs: firstOk === undefined ? null : Math.round(Math.max(0, firstOk)),
      lastErrorMs: lastError === undefined ? null : Math.round(Math.max(0, lastError)),
      requestsAfter: afterBack.length,
      errorsAfter: afterBack.filter((s) => !s.ok).length,
    },
    serverStayedUp: server.alive() && healthFailures === 0,
    healthFailures,
  };
  report(formatCycle(figures));
  return figures;
}

/** One cycle's figures as a few lines. */
export function formatCycle(c: ApiFaultCycle): string {
  const codes = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  return [
    `[${c.mode}] before the stop: ${c.before.requests} requests, ${c.before.errors} errors`,
    `[${c.mode}] in flight at the stop: ${c.duringStop.requests} (${codes(c.duringStop.codes)})`,
    `[${c.mode}] outage: ${c.outage.requests} requests (${codes(c.outage.codes)}); time to fail p50 ${c.outage.msP50} ms, p99 ${c.outage.msP99} ms, max ${c.outage.msMax} ms`,
    ...(Object.keys(c.outage.unexpected).length > 0 ? [`[${c.mode}] outage, not SERVICE_UNAVAILABLE: ${codes(c.outage.unexpected)}`] : []),
    `[${c.mode}] Neo4j back after ${c.neo4jRestartSeconds} s; first success ${c.recovery.firstOkMs ?? 'none'} ms after, last error ${c.recovery.lastErrorMs ?? 'none'} ms after (${c.recovery.errorsAfter}/${c.recovery.requestsAfter} failed after the return)`,
    `[${c.mode}] server process up throughout: ${c.serverStayedUp ? 'yes' : `NO (health failures: ${c.healthFailures})`}`,
  ].join('\n');
}
