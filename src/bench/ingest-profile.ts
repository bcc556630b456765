/**
 * Where a transactional ingest's time goes (issue 18, decision 0070): runs `ingestFiles` on a
 * synthetic corpus through a driver whose sessions time every query by Neo4j's own
 * `resultAvailableAfter + resultConsumedAfter` (summed per query file, a relationship MERGE per
 * type) and by the client's wall time, and every write transaction by its wall time, the time of
 * its function (the rest is begin and commit) and its attempts (retries). Beside them: the CPU of
 * the Neo4j process (/proc/<pid>/stat) and of this process over the run, and how long 0, 1 or 2+
 * write transactions were open at once (a second core idle or not).
 *
 * `npx tsx src/bench/ingest-profile.ts --actors 5000 --statements 100000 --seed 1 --reset` (10^5
 * from empty); `--extra FROM:COUNT` ingests COUNT report files past the corpus's last instead (on a
 * graph that holds the corpus already, e.g. bulk-loaded: the same actors, issues and hub pairs).
 * Uses the configured Neo4j (NEO4J_* or the local one's run.json), and empties it with --reset.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Driver, ManagedTransaction, Result, Session } from 'neo4j-driver';
import { loadConfig, projectRoot } from '../config.js';
import { deleteGraph, ingestFiles, planFile, type IngestFile, type IngestStats } from '../ingest/ingest-stream.js';
import { readRunState } from '../local-neo4j/run-state.js';
import { cypher } from '../neo4j/cypher.js';
import { closeDriver, createDriver } from '../neo4j/driver.js';
import { applySchema } from '../seed/load-graph.js';
import { corpusLayout, type CorpusOptions } from '../synth/corpus-layout.js';
import { generateCorpus, reportFile } from '../synth/generate-corpus.js';

/** One query file's totals over a run. */
export interface QueryTotals {
  name: string;
  calls: number;
  /** Neo4j's own time: resultAvailableAfter + resultConsumedAfter, summed (ms). */
  neo4jMs: number;
  /** From tx.run to the result's summary, as the client saw it (ms; pipelined queries overlap). */
  clientMs: number;
}

/** One kind of write transaction's totals (named by its first query). */
export interface TransactionTotals {
  kind: string;
  count: number;
  /** executeWrite's wall time, summed (ms). */
  wallMs: number;
  /** The transaction function's time in its last attempt (ms): wall minus this is begin, commit and retries. */
  workMs: number;
  /** Attempts beyond the first (the driver's retries of transient errors such as deadlocks). */
  retries: number;
  /** Transactions that failed after the driver's retries (the caller may run them again). */
  failed: number;
}

/** What a profiled run measured. */
export interface IngestProfile {
  queries: Map<string, QueryTotals>;
  transactions: Map<string, TransactionTotals>;
  /** Milliseconds with 0, 1 and 2 or more write transactions open. */
  openMs: [number, number, number];
}

const now = (): number => performance.now();

/** Query text -> catalogue name, for every file under cypher/ (a relationship type is appended where the text names one). */
function queryNames(): Map<string, string> {
  const names = new Map<string, string>();
  const root = path.join(projectRoot, 'cypher');
  for (const dir of readdirSync(root)) {
    if (dir === 'schema' || dir === 'fragment') continue;
    for (const f of readdirSync(path.join(root, dir))) if (f.endsWith('.cypher')) names.set(cypher(`${dir}/${f.slice(0, -7)}`), `${dir}/${f.slice(0, -7)}`);
  }
  return names;
}

/** The name a query is counted under: its catalogue file, with the relationship type of a per-type MERGE or CREATE. */
function nameOf(names: Map<string, string>, text: string): string {
  const known = names.get(text);
  if (known) return known;
  const typed = /(MERGE|CREATE) \(a\)-\[r:`([A-Z_]+)`\]->\(b\)/.exec(text);
  if (typed) return `${typed[1] === 'MERGE' ? 'merge' : 'create'} ${typed[2]}`;
  return text.split('\n').find((l) => !l.startsWith('//'))?.slice(0, 60) ?? '?';
}

/**
 * A driver that records into `profile` what its sessions' write transactions and queries
 * took; everything else is the driver's own. For profiling only: one driver's behaviour is
 * unchanged (same sessions, same retries), the records are taken on the side.
 */
export function profiledDriver(driver: Driver, profile: IngestProfile): Driver {
  const names = queryNames();
  let open = 0;
  let since = now();
  const openChange = (delta: number): void => {
    const t = now();
    profile.openMs[Math.min(open, 2) as 0 | 1 | 2] += t - since;
    since = t;
    open += delta;
  };
  const count = (name: string, neo4jMs: number, clientMs: number): void => {
    const q = profile.queries.get(name) ?? { name, calls: 0, neo4jMs: 0, clientMs: 0 };
    q.calls++;
    q.neo4jMs += neo4jMs;
    q.clientMs += clientMs;
    profile.queries.set(name, q);
  };
  const wrapTx = (tx: ManagedTransaction, first: (name: string) => void): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop !== 'run') return Reflect.get(target, prop, target) as unknown;
        return (text: string, params?: Record<string, unknown>): Result => {
          const t = now();
          const name = nameOf(names, text);
          first(name);
          const result = target.run(text, params);
          result.then(
            (r) => count(name, r.summary.resultAvailableAfter.toNumber() + r.summary.resultConsumedAfter.toNumber(), now() - t),
            () => undefined,
          );
          return result;
        };
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (prop !== 'executeWrite') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        return async <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: Parameters<Session['executeWrite']>[1]): Promise<T> => {
          let attempts = 0;
          let workMs = 0;
          let kind: string | undefined;
          let failed = 0;
          const t = now();
          openChange(1);
          try {
            return await target.executeWrite(async (tx) => {
              attempts++;
              const w = now();
              try {
                return await work(wrapTx(tx, (name) => void (kind ??= /^(merge|create) /.test(name) ? 'relationships' : name)));
              } finally {
                workMs = now() - w;
              }
            }, config);
          } catch (err) {
            failed = 1;
            throw err;
          } finally {
            openChange(-1);
            const k = kind ?? '(no query)';
            const totals = profile.transactions.get(k) ?? { kind: k, count: 0, wallMs: 0, workMs: 0, retries: 0, failed: 0 };
            totals.count++;
            totals.wallMs += now() - t;
            totals.workMs += workMs;
            totals.retries += attempts - 1;
            totals.failed += failed;
            profile.transactions.set(k, totals);
          }
        };
      },
    });
  return new Proxy(driver, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'session') return (config?: Parameters<Driver['session']>[0]) => wrapSession(target.session(config));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** User plus system CPU seconds of a process from /proc (Linux), or NaN when it cannot be read. */
export function processCpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The files of a run: the whole corpus, or `count` report files after its last (`--extra FROM:COUNT`, from file FROM on). */
export function profileFiles(corpus: CorpusOptions, extra?: { from: number; count: number }): IngestFile[] | Iterable<IngestFile> {
  if (!extra) {
    return (function* () {
      for (const f of generateCorpus(corpus)) yield { name: f.name, seed: f.seed, statements: f.statements };
    })();
  }
  // Files past the corpus's last, as a corpus twice as large numbers them: new statements,
  // stances and demands on the same actors and issues (decision 0063's slice).
  const reports = corpusLayout(corpus).reports;
  const larger = { ...corpus, statements: corpus.statements * 2 };
  return Array.from({ length: extra.count }, (_, j) => {
    const f = reportFile(larger, reports + 1 + extra.from + j);
    return { name: f.name, seed: f.seed, statements: f.statements };
  });
}

const ms = (v: number): string => (v / 1000).toFixed(1).padStart(8);

/** The report of a run, as printed. */
export function formatProfile(p: IngestProfile, stats: IngestStats, cpu: { neo4j: number; client: number; planSeconds: number }, load: { start: string; end: string }): string {
  const lines: string[] = [];
  const rate = Math.round(stats.statements / stats.seconds);
  lines.push(`${stats.statements} statements, ${stats.nodes} nodes, ${stats.relationships} relationships, ${stats.batches} batches in ${stats.seconds.toFixed(1)} s (${rate} statements/s); load ${load.start} -> ${load.end}`);
  lines.push(`CPU: Neo4j ${cpu.neo4j.toFixed(1)} s (${(cpu.neo4j / stats.seconds).toFixed(2)} cores), this process ${cpu.client.toFixed(1)} s (${(cpu.client / stats.seconds).toFixed(2)} cores); generate and plan alone ${cpu.planSeconds.toFixed(1)} s`);
  const [o0, o1, o2] = p.openMs;
  const total = o0 + o1 + o2;
  lines.push(`write transactions open: none ${(o0 / 1000).toFixed(1)} s (${((100 * o0) / total).toFixed(0)} %), one ${(o1 / 1000).toFixed(1)} s (${((100 * o1) / total).toFixed(0)} %), two or more ${(o2 / 1000).toFixed(1)} s (${((100 * o2) / total).toFixed(0)} %)`);
  lines.push('', 'transaction (first query)            count   wall s   work s  commit s  retries  failed');
  for (const t of [...p.transactions.values()].sort((a, b) => b.wallMs - a.wallMs)) {
    lines.push(`${t.kind.padEnd(36)} ${String(t.count).padStart(6)} ${ms(t.wallMs)} ${ms(t.workMs)} ${ms(t.wallMs - t.workMs)}  ${String(t.retries).padStart(7)} ${String(t.failed).padStart(7)}`);
  }
  const queries = [...p.queries.values()].sort((a, b) => b.neo4jMs - a.neo4jMs);
  const neo4jTotal = queries.reduce((s, q) => s + q.neo4jMs, 0);
  const groups = new Map<string, number>();
  for (const q of queries) {
    const group = /^(merge|create) /.test(q.name) ? 'relationship writes' : q.name.startsWith('derived/') ? 'derived upkeep' : q.name;
    groups.set(group, (groups.get(group) ?? 0) + q.neo4jMs);
  }
  lines.push('', `Neo4j's time by part: ${[...groups].sort((a, b) => b[1] - a[1]).map(([g, v]) => `${g} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
  lines.push('', `query                                 calls  Neo4j s  share  client s   (all queries: ${(neo4jTotal / 1000).toFixed(1)} s of Neo4j's time)`);
  for (const q of queries) {
    lines.push(`${q.name.padEnd(36)} ${String(q.calls).padStart(6)} ${ms(q.neo4jMs)} ${((100 * q.neo4jMs) / neo4jTotal).toFixed(1).padStart(5)} % ${ms(q.clientMs)}`);
  }
  return `${lines.join('\n')}\n`;
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The command: profiles one ingest and prints the report. */
async function main(args: string[]): Promise<void> {
  const corpus: CorpusOptions = {
    actors: Number(argValue(args, '--actors') ?? 5000),
    statements: Number(argValue(args, '--statements') ?? 100_000),
    seed: Number(argValue(args, '--seed') ?? 1),
  };
  const extraArg = argValue(args, '--extra');
  const extra = extraArg ? { from: Number(extraArg.split(':')[0]), count: Number(extraArg.split(':')[1]) } : undefined;
  const batchSize = argValue(args, '--batch-size');
  const config = loadConfig();
  const pid = readRunState(config.localNeo4j.home)?.pid;
  const driver = createDriver(config);
  try {
    await applySchema(driver, config.neo4j.database);
    if (args.includes('--reset')) await deleteGraph(driver, config.neo4j.database);
    const profile: IngestProfile = { queries: new Map(), transactions: new Map(), openMs: [0, 0, 0] };
    const load = { start: loadAverage(), end: '' };
    const neo4jCpu = pid ? processCpuSeconds(pid) : Number.NaN;
    const clientCpu = process.cpuUsage();
    const stats = await ingestFiles(profiledDriver(driver, profile), profileFiles(corpus, extra), {
      database: config.neo4j.database,
      ...(batchSize ? { batchSize: Number(batchSize) } : {}),
    });
    load.end = loadAverage();
    const client = process.cpuUsage(clientCpu);
    const cpu = { neo4j: (pid ? processCpuSeconds(pid) : Number.NaN) - neo4jCpu, client: (client.user + client.system) / 1e6, planSeconds: 0 };
    // The client's own share, without a database: generating and planning the same files.
    const planStart = process.cpuUsage();
    for (const f of profileFiles(corpus, extra)) planFile(f);
    const plan = process.cpuUsage(planStart);
    cpu.planSeconds = (plan.user + plan.system) / 1e6;
    process.stdout.write(formatProfile(profile, stats, cpu, load));
  } finally {
    await closeDriver();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`ingest-profile: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
