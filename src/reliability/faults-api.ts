/**
 * Neo4j taken away under API load: the server (a real child process) must keep
 * running, answer every request during the outage quickly with SERVICE_UNAVAILABLE,
 * and serve again by itself within seconds of Neo4j's return. One cycle per stop mode
 * (a clean SIGTERM shutdown, and SIGKILL); the figures are measured, not asserted.
 * Writer clients send `upsertStatement` mutations with fresh ids all along: during
 * the outage they must fail with SERVICE_UNAVAILABLE (never a false CREATED), and after
 * the last cycle every acknowledged write must be in the graph exactly once with its
 * Change record (checked with a direct driver query). The run's statements, Change
 * records, write locks and key are removed afterwards.
 */
import type { Config } from '../config.js';
import type { Report } from '../local-neo4j/report.js';
import { startNeo4j } from '../local-neo4j/start-neo4j.js';
import { resolveNeo4jConnection } from '../neo4j/connection.js';
import { createApiKey } from '../auth/api-keys.js';
import { openDriver } from '../neo4j/driver.js';
import { runSeed } from '../seed/run-seed.js';
import { percentile, readMix, runLoad, type LoadSample } from './load.js';
import { startServerProcess, takeNeo4jAway, type StopMode } from './processes.js';
import { acknowledged, apiMentions, cleanUpWrites, runWriters, verifyAcknowledged, WRITE_TEMPLATE, writePrefix, type WriteSample, type WriteVerification } from './writer.js';

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
  /** Writer clients sending upsertStatement alongside the read load (default 1; 0: reads only). */
  writers?: number;
  /**
   * Acknowledged writes to wait for before the stop and after Neo4j is back, on top of
   * the warm and watch seconds (default 3; waits at most 60 s more each time): writes
   * on a cold Neo4j can take seconds, and the check needs some on both sides.
   */
  minWrites?: number;
}

/** The writes of one cycle. */
export interface WriteCycleFigures {
  /** Writes answered before the stop began: all should be acknowledged. */
  before: { sent: number; acknowledged: number; errors: number; ackMsP50: number; ackMsP99: number };
  /** Writes in flight when the stop began. */
  duringStop: { sent: number; codes: Record<string, number> };
  /** Writes sent while Neo4j was down. */
  outage: { sent: number; codes: Record<string, number>; unavailable: number; msP50: number; msP99: number; msMax: number };
  /** Writes acknowledged although sent after Neo4j was gone and answered before its restart began: must be 0. */
  falseAcks: string[];
  /** Writes answered after Neo4j answered again. */
  after: { sent: number; acknowledged: number; errors: number; codes: Record<string, number>; firstAckMs: number | null; ackMsP50: number; ackMsMax: number };
}

/** The writes of the whole run, checked against the graph. */
export interface WriteRunFigures {
  prefix: string;
  writers: number;
  sent: number;
  acknowledged: number;
  /** Acknowledged outcomes (CREATED expected; anything else is noted). */
  outcomes: Record<string, number>;
  /** Failed with SERVICE_UNAVAILABLE (fast, by the driver's retry time). */
  failedUnavailable: number;
  /** Failed otherwise (codes). */
  failedOther: Record<string, number>;
  /** Up to five different failure messages other than SERVICE_UNAVAILABLE. */
  failureSamples: string[];
  verification: WriteVerification;
  cleanup: { statements: number; changes: number; locks: number; mentions: number; keys: number };
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
  /** The writer clients' figures (absent without writers). */
  writes?: WriteCycleFigures;
}

/** The result of a whole run. */
export interface ApiFaultResult {
  cycles: ApiFaultCycle[];
  /** A clean load after the last cycle: requests and errors. */
  after: { requests: number; errors: number; p99: number };
  /** The writes, verified against the graph after the last cycle (absent without writers). */
  writes?: WriteRunFigures;
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

const countWrites = (samples: WriteSample[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const s of samples) {
    const key = acknowledged(s) ? s.outcome! : s.codes[0] ?? `HTTP ${s.status}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

/** Everything a cycle needs to know of the writers. */
interface WriteContext {
  token: string;
  writers: number;
  prefix: string;
  samples: WriteSample[];
}

/** Runs the cycles against the local Neo4j of `config` (started and seeded if needed). */
export async function runApiFaults(opts: ApiFaultOptions): Promise<ApiFaultResult> {
  const { config, report } = opts;
  const database = config.neo4j.database;
  const writers = opts.writers ?? 1;
  const prefix = writePrefix();
  await startNeo4j(config, report);
  let writes: WriteContext | undefined;
  let keyId: string | undefined;
  let mentionsBefore: string[] = [];
  const setup = openDriver(resolveNeo4jConnection(config));
  try {
    await runSeed(setup, { database });
    if (writers > 0) {
      const known = await setup.executeQuery('MATCH (e:Entity) WHERE e.id IN $ids RETURN count(DISTINCT e.id) AS n', { ids: [WRITE_TEMPLATE.speaker, WRITE_TEMPLATE.onBehalfOf, WRITE_TEMPLATE.source, ...WRITE_TEMPLATE.mentions] }, { database });
      if (Number(known.records[0]!.get('n')) !== 4) throw new Error(`the writer's statement names ${WRITE_TEMPLATE.speaker}, ${WRITE_TEMPLATE.onBehalfOf}, ${WRITE_TEMPLATE.source} and nato: seed the graph (npm run seed)`);
      const key = await createApiKey(setup, database, { name: `fault run ${prefix}`, scope: 'write' });
      keyId = key.id;
      mentionsBefore = await apiMentions(setup, database);
      writes = { token: key.token, writers, prefix, samples: [] };
      report(`writers: ${writers}, statement ids ${prefix}*, key ${key.id}`);
    }
  } finally {
    await setup.close();
  }
  // The read clients all come from 127.0.0.1, one client for the per-client limits of
  // expensive operations: this run measures outages, not those limits.
  const server = await startServerProcess(config, { EXPENSIVE_PER_CLIENT: '64', EXPENSIVE_RATE_PER_CLIENT: '1000000' });
  report(`server up at ${server.url} (pid ${server.child.pid})`);
  const cycles: ApiFaultCycle[] = [];
  let result: ApiFaultResult;
  try {
    const mix = (await readMix(server.url)).filter((op) => !opts.exclude?.includes(op.name));
    for (const mode of opts.modes) cycles.push(await cycle(opts, server, mix, mode, writes));
    const after = await runLoad({ url: server.url, clients: opts.clients, seconds: 3, mix });
    result = { cycles, after: { requests: after.requests, errors: after.errors, p99: after.latencyMs.p99 } };
  } catch (err) {
    // Leave no test statements behind when a cycle fails (Neo4j may be down: best effort).
    if (writes) await checkWrites(opts, writes, keyId!, mentionsBefore).catch((e: unknown) => report(`writes not cleaned up: ${(e as Error).message}`));
    throw err;
  } finally {
    const code = await server.stop();
    report(`server stopped (${code})`);
  }
  if (writes) result.writes = await checkWrites(opts, writes, keyId!, mentionsBefore);
  return result;
}

/** After the last cycle: every acknowledged write in the graph exactly once with its Change; then clean up. */
async function checkWrites(opts: ApiFaultOptions, writes: WriteContext, keyId: string, mentionsBefore: string[]): Promise<WriteRunFigures> {
  const { config, report } = opts;
  const database = config.neo4j.database;
  // A fresh driver: the check must see the graph as a new client after the restarts would.
  const driver = openDriver(resolveNeo4jConnection(config));
  try {
    const verification = await verifyAcknowledged(driver, database, writes.prefix, writes.samples);
    const cleanup = await cleanUpWrites(driver, database, writes.prefix, mentionsBefore);
    const keys = Number((await driver.executeQuery('MATCH (k:ApiKey {id: $id}) DETACH DELETE k RETURN count(*) AS n', { id: keyId }, { database })).records[0]!.get('n'));
    const acked = writes.samples.filter(acknowledged);
    const failed = writes.samples.filter((s) => !acknowledged(s));
    const unavailable = failed.filter((s) => s.codes.length > 0 && s.codes.every((c) => c === 'SERVICE_UNAVAILABLE'));
    const figures: WriteRunFigures = {
      prefix: writes.prefix,
      writers: writes.writers,
      sent: writes.samples.length,
      acknowledged: acked.length,
      outcomes: countWrites(acked),
      failedUnavailable: unavailable.length,
      failedOther: countWrites(failed.filter((s) => !unavailable.includes(s))),
      failureSamples: [...new Set(failed.filter((s) => !unavailable.includes(s)).map((s) => `${s.status} ${s.codes.join(',')} ${s.message ?? ''}`.trim()))].slice(0, 5),
      verification,
      cleanup: { ...cleanup, keys },
    };
    report(formatWrites(figures));
    return figures;
  } finally {
    await driver.close();
  }
}

async function cycle(
  opts: ApiFaultOptions,
  server: Awaited<ReturnType<typeof startServerProcess>>,
  mix: Awaited<ReturnType<typeof readMix>>,
  mode: StopMode,
  writes: WriteContext | undefined,
): Promise<ApiFaultCycle> {
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
  let acked = 0;
  let ackedAfterBack = 0;
  let backAt = Infinity;
  const countAck = (s: WriteSample) => {
    if (!acknowledged(s)) return;
    acked++;
    if (s.doneAt - t0 >= backAt) ackedAfterBack++;
  };
  const writing = writes
    ? runWriters({ url: server.url, token: writes.token, writers: writes.writers, prefix: writes.prefix, tag: mode, signal: stopLoad.signal, onSample: countAck })
    : Promise.resolve([]);
  const minWrites = writes ? (opts.minWrites ?? 3) : 0;
  /** Waits until `enough()` (at most 60 s). */
  const until = async (enough: () => boolean) => {
    const deadline = performance.now() + 60_000;
    while (!enough() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  let stopBegan: number, stopEnded: number, restartBegan: number, back: number;
  try {
    await new Promise((resolve) => setTimeout(resolve, opts.warmSeconds * 1000));
    await until(() => acked >= minWrites);
    stopBegan = at();
    report(`${mode}: taking Neo4j away under load ...`);
    await takeNeo4jAway(config, mode, report);
    stopEnded = at();
    await new Promise((resolve) => setTimeout(resolve, opts.outageSeconds * 1000));
    restartBegan = at();
    await startNeo4j(config, report);
    back = at();
    backAt = back;
    await new Promise((resolve) => setTimeout(resolve, opts.watchSeconds * 1000));
    await until(() => ackedAfterBack >= minWrites);
  } catch (err) {
    // Stop the clients (the writers have no time bound of their own) before giving up.
    stopLoad.abort();
    polling = false;
    await Promise.allSettled([load, writing, health]);
    throw err;
  }
  stopLoad.abort();
  const result = await load;
  const written = await writing;
  writes?.samples.push(...written);
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
    ...(writes ? { writes: writeCycle(written, t0, { stopBegan, stopEnded, restartBegan, back }) } : {}),
  };
  report(formatCycle(figures));
  return figures;
}

/** The writes of one cycle, by the same windows as the reads (times relative to t0). */
function writeCycle(samples: WriteSample[], t0: number, w: { stopBegan: number; stopEnded: number; restartBegan: number; back: number }): WriteCycleFigures {
  const sent = (s: WriteSample) => s.sentAt - t0;
  const done = (s: WriteSample) => s.doneAt - t0;
  const ms = (s: WriteSample) => s.doneAt - s.sentAt;
  const isUnavailable = (s: WriteSample) => !acknowledged(s) && s.codes.length > 0 && s.codes.every((c) => c === 'SERVICE_UNAVAILABLE');
  const before = samples.filter((s) => done(s) < w.stopBegan);
  const duringStop = samples.filter((s) => sent(s) < w.stopEnded && done(s) >= w.stopBegan);
  const outage = samples.filter((s) => sent(s) >= w.stopEnded && done(s) <= w.back && !(acknowledged(s) && sent(s) >= w.restartBegan));
  const afterBack = samples.filter((s) => done(s) >= w.back);
  const ackMs = before.filter(acknowledged).map(ms).sort((a, b) => a - b);
  const outageMs = outage.map(ms).sort((a, b) => a - b);
  const afterAckMs = afterBack.filter(acknowledged).map(ms).sort((a, b) => a - b);
  const firstAck = afterBack.filter(acknowledged).map((s) => done(s) - w.back).sort((a, b) => a - b)[0];
  return {
    before: { sent: before.length, acknowledged: before.filter(acknowledged).length, errors: before.filter((s) => !acknowledged(s)).length, ackMsP50: round(percentile(ackMs, 50)), ackMsP99: round(percentile(ackMs, 99)) },
    duringStop: { sent: duringStop.length, codes: countWrites(duringStop) },
    outage: {
      sent: outage.length,
      codes: countWrites(outage),
      unavailable: outage.filter(isUnavailable).length,
      msP50: round(percentile(outageMs, 50)),
      msP99: round(percentile(outageMs, 99)),
      msMax: round(outageMs[outageMs.length - 1] ?? 0),
    },
    falseAcks: samples.filter((s) => acknowledged(s) && sent(s) >= w.stopEnded && done(s) < w.restartBegan).map((s) => s.id),
    after: {
      sent: afterBack.length,
      acknowledged: afterBack.filter(acknowledged).length,
      errors: afterBack.filter((s) => !acknowledged(s)).length,
      codes: countWrites(afterBack),
      firstAckMs: firstAck === undefined ? null : Math.round(Math.max(0, firstAck)),
      ackMsP50: round(percentile(afterAckMs, 50)),
      ackMsMax: round(afterAckMs[afterAckMs.length - 1] ?? 0),
    },
  };
}

/** The run's write figures as a few lines. */
export function formatWrites(w: WriteRunFigures): string {
  const codes = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const v = w.verification;
  return [
    `[writes] ${w.writers} writer(s), ${w.sent} upsertStatement sent: ${w.acknowledged} acknowledged (${codes(w.outcomes)}), ${w.failedUnavailable} failed with SERVICE_UNAVAILABLE, other failures: ${codes(w.failedOther)}`,
    `[writes] in the graph after the restarts (direct driver query): lost ${v.lost.length}, duplicated ${v.duplicated.length}, without their one Change ${v.badChange.length} of ${v.acknowledged} acknowledged; ${v.failedButStored} failed writes stored all the same; ${v.storedTotal} statements ${w.prefix}* in all`,
    ...w.failureSamples.map((m) => `[writes]   failure: ${m}`),
    ...(v.lost.length > 0 ? [`[writes] LOST: ${v.lost.slice(0, 10).join(', ')}`] : []),
    `[writes] cleaned up: ${w.cleanup.statements} statements, ${w.cleanup.changes} Change records, ${w.cleanup.locks} write locks, ${w.cleanup.mentions} derived MENTIONS, ${w.cleanup.keys} key`,
  ].join('\n');
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
    ...(c.writes
      ? [
          `[${c.mode}] writes before the stop: ${c.writes.before.sent} (${c.writes.before.acknowledged} acknowledged, ${c.writes.before.errors} errors), acknowledged in p50 ${c.writes.before.ackMsP50} ms, p99 ${c.writes.before.ackMsP99} ms`,
          `[${c.mode}] writes in flight at the stop: ${c.writes.duringStop.sent} (${codes(c.writes.duringStop.codes)})`,
          `[${c.mode}] writes during the outage: ${c.writes.outage.sent} (${codes(c.writes.outage.codes)}); time to fail p50 ${c.writes.outage.msP50} ms, p99 ${c.writes.outage.msP99} ms, max ${c.writes.outage.msMax} ms; false acknowledgements ${c.writes.falseAcks.length}`,
          `[${c.mode}] writes after Neo4j was back: ${c.writes.after.sent} (${codes(c.writes.after.codes)}), first acknowledged ${c.writes.after.firstAckMs ?? 'none'} ms after; acknowledged in p50 ${c.writes.after.ackMsP50} ms, max ${c.writes.after.ackMsMax} ms`,
        ]
      : []),
  ].join('\n');
}
