/**
 * The overload scenario of issue 14: N clients, each from its own loopback address
 * (127.0.1.x, so that per-client limits see N clients), send the heaviest operation the
 * limits allow back to back for T seconds against a server started for the run, while
 * a prober times /health and another client (127.0.2.1) times a cheap lookup, both in a
 * worker thread of their own. Reports
 * their percentiles, the codes every answer carried, and the server's peak RSS (VmHWM).
 */
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { percentile } from './load.js';
import { startServerProcess } from './processes.js';

/** Options of a run. */
export interface OverloadOptions {
  config: Config;
  clients: number;
  seconds: number;
  /** The entity at the centre of the heavy neighbourhood and the start of its paths. */
  hub: string;
  /** The end of the heavy operation's paths. */
  other: string;
  /** An actor id for the cheap lookup. */
  lookup: string;
  /** Send again at once after a refusal instead of waiting for Retry-After. */
  ignoreRetryAfter: boolean;
}

/** Percentiles of one kind of request (ms). */
export interface Latency {
  requests: number;
  p50: number;
  p99: number;
  max: number;
}

/** What a run measured. */
export interface OverloadReport {
  clients: number;
  seconds: number;
  heavyQuery: string;
  heavy: Latency & { codes: Record<string, number> };
  health: Latency & { failures: number };
  lookup: Latency & { codes: Record<string, number> };
  /** The server's resident memory: peak (VmHWM) and the highest sampled, MiB. */
  rssMiB: { peak: number; start: number };
  serviceUnavailable: number;
  /** Load average when the run started and ended (1 min). */
  loadAverage: { start: number; end: number };
}

/** The heaviest operation within the default limits: the largest neighbourhood and the longest path search, with provenance. */
export function heaviestOperation(hub: string, other: string): string {
  return (
    `{ neighbourhood(id: ${JSON.stringify(hub)}, depth: 3, limit: 500, includeProvenance: true) ` +
    '{ nodes { id kind label subkind } edges { id type source target properties } truncated } ' +
    `paths(fromId: ${JSON.stringify(hub)}, toId: ${JSON.stringify(other)}, maxHops: 8, first: 50, includeProvenance: true) ` +
    '{ paths { length nodes { id label } edges { type } } } }'
  );
}

interface Answer {
  status: number;
  ms: number;
  codes: string[];
  retryAfter: number | undefined;
}

/** POSTs a GraphQL operation from `localAddress` over a kept-alive agent; never throws. */
function post(agent: http.Agent, url: URL, localAddress: string, query: string, timeoutMs = 60_000): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: '/graphql', method: 'POST', agent, localAddress, timeout: timeoutMs, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let codes: string[] = [];
          const text = Buffer.concat(chunks).toString('utf8');
          // Only answers with errors are parsed: a heavy answer is hundreds of KiB, and this process is the load.
          if (res.statusCode !== 200 || text.includes('"errors"')) {
            try {
              const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
              codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
            } catch {
              codes = ['NOT_JSON'];
            }
          }
          const retry = Number(res.headers['retry-after']);
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, codes: [...new Set(codes)], retryAfter: Number.isFinite(retry) ? retry : undefined });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('TIMEOUT')));
    req.on('error', (err) => resolve({ status: 0, ms: performance.now() - started, codes: [(err as NodeJS.ErrnoException).code ?? err.message], retryAfter: undefined }));
    req.end(JSON.stringify({ query }));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Math.round(n * 10) / 10;

function latency(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return { requests: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? 0) };
}

function tally(answers: Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const key = a.codes.length > 0 ? a.codes.join('+') : `HTTP ${a.status}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** The process's memory from /proc (Linux): current and peak resident set, MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** What the probe worker measured. */
interface Probed {
  health: number[];
  healthFailures: number;
  lookups: Answer[];
}

/** The worker: /health every 100 ms, and a cheap lookup from 127.0.2.1 every 100 ms, until the deadline. */
const probeWorker = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, lookup, seconds } = workerData;
const deadline = performance.now() + seconds * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const target = new URL(url);
function get(path, agent, localAddress, body) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path, method: body ? 'POST' : 'GET', agent, localAddress, timeout: 30000,
      headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let codes = [];
        try { codes = (JSON.parse(text).errors || []).map((e) => (e.extensions && e.extensions.code) || 'UNKNOWN'); } catch { codes = ['NOT_JSON']; }
        resolve({ status: res.statusCode, ms: performance.now() - started, codes: [...new Set(codes)], retryAfter: undefined });
      });
    });
    req.on('timeout', () => req.destroy(new Error('TIMEOUT')));
    req.on('error', (err) => resolve({ status: 0, ms: performance.now() - started, codes: [err.code || err.message], retryAfter: undefined }));
    req.end(body);
  });
}
(async () => {
  const health = [];
  let healthFailures = 0;
  const lookups = [];
  const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const lookupAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const query = JSON.stringify({ query: '{ actor(id: ' + JSON.stringify(lookup) + ') { id name kind } }' });
  await Promise.all([
    (async () => { while (performance.now() < deadline) { const a = await get('/health', healthAgent, '127.0.0.1'); health.push(a.ms); if (a.status !== 200) healthFailures++; await sleep(100); } })(),
    (async () => { while (performance.now() < deadline) { lookups.push(await get('/graphql', lookupAgent, '127.0.2.1', query)); await sleep(100); } })(),
  ]);
  parentPort.postMessage({ health, healthFailures, lookups });
})();
`;

function runProbes(url: string, lookup: string, seconds: number): Promise<Probed> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(probeWorker, { eval: true, workerData: { url, lookup, seconds } });
    worker.once('message', (m: Probed) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const loadAverage = (): number => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** Runs the scenario against a server started for it (default limits) and stops the server. */
export async function runOverloadScenario(opts: OverloadOptions): Promise<OverloadReport> {
  const server = await startServerProcess(opts.config);
  const url = new URL(server.url);
  const pid = server.child.pid!;
  const heavyQuery = heaviestOperation(opts.hub, opts.other);
  try {
    const probe = await post(new http.Agent(), url, '127.0.0.1', heavyQuery);
    if (probe.status !== 200 || probe.codes.length > 0) throw new Error(`the heavy operation is not answered cleanly before the run: HTTP ${probe.status} ${probe.codes.join(',')}`);
    const start = { load: loadAverage(), rss: memoryOf(pid).rss };
    const deadline = performance.now() + opts.seconds * 1000;
    const running = () => performance.now() < deadline;
    const heavy: Answer[] = [];

    const heavyClient = async (i: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const address = `127.0.1.${i + 1}`;
      while (running()) {
        const answer = await post(agent, url, address, heavyQuery);
        heavy.push(answer);
        if (!opts.ignoreRetryAfter && answer.retryAfter !== undefined) await sleep(answer.retryAfter * 1000);
      }
      agent.destroy();
    };
    // The prober and the lookup client run in a worker thread: their own event loop, so
    // that parsing the heavy answers here does not show up as the server's latency.
    const probes = runProbes(server.url, opts.lookup, opts.seconds);
    const [probed] = await Promise.all([probes, ...Array.from({ length: opts.clients }, (_, i) => heavyClient(i))]);
    const { health, healthFailures } = probed;
    const lookups = probed.lookups;
    const memory = memoryOf(pid);
    const all = [...heavy, ...lookups];
    return {
      clients: opts.clients,
      seconds: opts.seconds,
      heavyQuery,
      heavy: { ...latency(heavy.map((a) => a.ms)), codes: tally(heavy) },
      health: { ...latency(health), failures: healthFailures },
      lookup: { ...latency(lookups.map((a) => a.ms)), codes: tally(lookups) },
      rssMiB: { peak: round(memory.peak), start: round(start.rss) },
      serviceUnavailable: all.filter((a) => a.codes.includes('SERVICE_UNAVAILABLE')).length,
      loadAverage: { start: start.load, end: loadAverage() },
    };
  } finally {
    await server.stop();
  }
}

/** The report as the lines the CLI prints. */
export function formatOverloadReport(r: OverloadReport): string {
  const codes = (c: Record<string, number>) => Object.entries(c).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `overload: ${r.clients} clients (one address each) sending the heaviest allowed operation for ${r.seconds} s`,
    `heavy:   ${r.heavy.requests} requests, p50 ${r.heavy.p50} ms, p99 ${r.heavy.p99} ms, max ${r.heavy.max} ms; ${codes(r.heavy.codes)}`,
    `/health: ${r.health.requests} probes, p50 ${r.health.p50} ms, p99 ${r.health.p99} ms, max ${r.health.max} ms, failures ${r.health.failures}`,
    `lookup:  ${r.lookup.requests} requests, p50 ${r.lookup.p50} ms, p99 ${r.lookup.p99} ms, max ${r.lookup.max} ms; ${codes(r.lookup.codes)}`,
    `server RSS: ${r.rssMiB.start} MiB at the start, peak ${r.rssMiB.peak} MiB`,
    `SERVICE_UNAVAILABLE answers: ${r.serviceUnavailable}`,
    `load average (1 min): ${r.loadAverage.start} at the start, ${r.loadAverage.end} at the end`,
  ].join('\n');
}
