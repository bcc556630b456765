/**
 * A bounded load generator for the GraphQL API on this machine: N clients send a mix
 * of representative read queries back to back for T seconds (or until stopped), every
 * answer is checked for GraphQL errors, and latencies are summarised as percentiles.
 * It refuses any address that is not loopback: it is a test tool, not a weapon.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Upper bounds on a run, so that a typo cannot turn a check into a flood. */
export const LOAD_BOUNDS = { maxClients: 64, maxSeconds: 600 } as const;

/** One operation of the mix. */
export interface LoadOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** One request's outcome. */
export interface LoadSample {
  operation: string;
  /** Milliseconds since the run started, when the request was sent. */
  startedAt: number;
  /** Milliseconds the request took. */
  ms: number;
  ok: boolean;
  /** HTTP status, or 0 when no answer came (connection refused, timeout). */
  status: number;
  /** extensions.code of each GraphQL error, or the network error's name. */
  codes: string[];
  message?: string;
}

/** The summary of a run. */
export interface LoadReport {
  url: string;
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Per operation of the mix: requests and latency percentiles. */
  byOperation: Record<string, { requests: number; p50: number; p99: number }>;
  /** Up to five different error descriptions. */
  errorSamples: string[];
  samples: LoadSample[];
}

/** Thrown for a URL that is not on loopback, or bounds out of range. */
export class LoadConfigError extends Error {
  override name = 'LoadConfigError';
}

const isLoopbackAddress = (address: string): boolean =>
  (isIP(address) === 4 && address.startsWith('127.')) || address === '::1' || address === '::ffff:127.0.0.1';

/** Resolves the URL's host and refuses it unless every address it names is loopback. */
export async function assertLoopback(url: string): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LoadConfigError(`not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new LoadConfigError(`expected http(s), got ${parsed.protocol}`);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0 || !addresses.every(isLoopbackAddress)) {
    throw new LoadConfigError(`refusing ${parsed.host}: load is only sent to loopback (127.0.0.0/8, ::1), found ${addresses.join(', ') || 'no address'}`);
  }
  return parsed;
}

/** Checks clients and seconds against LOAD_BOUNDS. */
export function assertBounds(clients: number, seconds: number): void {
  if (!Number.isInteger(clients) || clients < 1 || clients > LOAD_BOUNDS.maxClients) {
    throw new LoadConfigError(`--clients must be a whole number from 1 to ${LOAD_BOUNDS.maxClients} (got ${clients})`);
  }
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > LOAD_BOUNDS.maxSeconds) {
    throw new LoadConfigError(`--seconds must be more than 0 and at most ${LOAD_BOUNDS.maxSeconds} (got ${seconds})`);
  }
}

interface GraphqlAnswer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Sends one operation; never throws. */
export async function sendOperation(endpoint: string, op: LoadOperation, timeoutMs = 10_000): Promise<Omit<LoadSample, 'operation' | 'startedAt' | 'ms'>> {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: op.query, variables: op.variables ?? {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: GraphqlAnswer | undefined;
    try {
      body = JSON.parse(text) as GraphqlAnswer;
    } catch {
      return { ok: false, status: res.status, codes: ['NOT_JSON'], message: text.slice(0, 120) };
    }
    const errors = body.errors ?? [];
    const ok = res.status === 200 && errors.length === 0 && body.data !== undefined && body.data !== null;
    return {
      ok,
      status: res.status,
      codes: errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
      ...(errors[0] ? { message: errors[0].message } : ok ? {} : { message: `HTTP ${res.status}` }),
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, status: 0, codes: [e.cause?.code ?? e.name], message: e.cause?.code ?? e.message };
  }
}

/**
 * The read mix: the lookups, lists, search and analysis queries the dashboard and
 * programs use, over ids found in the graph itself (so every answer should be clean).
 */
export async function readMix(url: string): Promise<LoadOperation[]> {
  const endpoint = new URL('/graphql', url).toString();
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ actors(first: 5) { edges { node { id } } } demands(first: 2) { edges { node { id } } } issues { id } }' }),
  });
  const body = (await res.json()) as {
    data?: { actors: { edges: { node: { id: string } }[] }; demands: { edges: { node: { id: string } }[] }; issues: { id: string }[] };
    errors?: unknown[];
  };
  if (!body.data || body.errors) throw new Error(`cannot read ids for the load mix from ${endpoint}: ${JSON.stringify(body).slice(0, 200)}`);
  const actors = body.data.actors.edges.map((e) => e.node.id);
  const demand = body.data.demands.edges[0]?.node.id;
  const issue = body.data.issues[0]?.id;
  if (actors.length < 2) throw new Error('the load mix needs at least two actors in the graph: seed it first (npm run seed)');
  const [a, b] = actors as [string, string];
  const ops: LoadOperation[] = [
    { name: 'actor', query: 'query($id: ID!) { actor(id: $id) { id name kind partOf { id name } } }', variables: { id: a } },
    { name: 'actors', query: '{ actors(first: 20) { totalCount edges { node { id name kind } } } }' },
    { name: 'issues', query: '{ issues { id name } }' },
    { name: 'search', query: 'query($t: String!) { search(text: $t, first: 10) { totalCount edges { node { __typename } } } }', variables: { t: 'russia' } },
    { name: 'neighbourhood', query: 'query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 50) { nodes { id kind label } edges { type } } }', variables: { id: a } },
    { name: 'paths', query: 'query($a: ID!, $b: ID!) { paths(fromId: $a, toId: $b, maxHops: 3, first: 3) { __typename } }', variables: { a, b } },
    { name: 'agreement', query: 'query($ids: [ID!]!) { agreement(actorIds: $ids) { __typename } }', variables: { ids: [a, b] } },
    { name: 'timeline', query: '{ timeline(first: 20) { totalCount edges { node { __typename } } } }' },
    { name: 'entities', query: 'query($ids: [ID!]!) { entities(ids: $ids) { id label entityKind } }', variables: { ids: actors } },
  ];
  if (demand) {
    ops.push({ name: 'demand', query: 'query($id: ID!) { demand(id: $id) { id summary } }', variables: { id: demand } });
    ops.push({ name: 'positions', query: 'query($id: ID) { positions(demandId: $id) { __typename } }', variables: { id: demand } });
    ops.push({ name: 'provenance', query: 'query($id: ID!) { provenance(id: $id) { __typename } }', variables: { id: demand } });
  }
  if (issue) ops.push({ name: 'issue', query: 'query($id: ID!) { issue(id: $id) { id name } }', variables: { id: issue } });
  return ops;
}

/** The value at a percentile (nearest rank) of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Options of a run. */
export interface LoadOptions {
  url: string;
  clients: number;
  /** Stop after this many seconds (or when `signal` aborts, whichever is first). */
  seconds: number;
  mix: LoadOperation[];
  signal?: AbortSignal;
  /** Pause between a client's requests (default none: back to back). */
  pauseMs?: number;
  onSample?: (sample: LoadSample) => void;
}

/** Runs the clients until the time is up or the signal aborts; every request's outcome is kept. */
export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  assertBounds(opts.clients, opts.seconds);
  if (opts.mix.length === 0) throw new LoadConfigError('the operation mix is empty');
  const endpoint = new URL('/graphql', opts.url).toString();
  const samples: LoadSample[] = [];
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const done = () => performance.now() >= deadline || opts.signal?.aborted === true;
  let next = 0;
  const client = async (): Promise<void> => {
    while (!done()) {
      const op = opts.mix[next++ % opts.mix.length]!;
      const t0 = performance.now();
      const outcome = await sendOperation(endpoint, op);
      const sample: LoadSample = { operation: op.name, startedAt: t0 - started, ms: performance.now() - t0, ...outcome };
      samples.push(sample);
      opts.onSample?.(sample);
      if (opts.pauseMs) await new Promise((resolve) => setTimeout(resolve, opts.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
  const failed = samples.filter((s) => !s.ok);
  const errorSamples = [...new Set(failed.map((s) => `${s.operation}: ${s.status} ${s.codes.join(',')} ${s.message ?? ''}`.trim()))].slice(0, 5);
  const round = (n: number) => Math.round(n * 10) / 10;
  const byOperation: LoadReport['byOperation'] = {};
  for (const name of new Set(samples.map((s) => s.operation))) {
    const ms = samples.filter((s) => s.operation === name).map((s) => s.ms).sort((a, b) => a - b);
    byOperation[name] = { requests: ms.length, p50: round(percentile(ms, 50)), p99: round(percentile(ms, 99)) };
  }
  return {
    url: opts.url,
    clients: opts.clients,
    seconds: round(elapsed),
    requests: samples.length,
    errors: failed.length,
    requestsPerSecond: round(samples.length / elapsed),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? 0),
    },
    byOperation,
    errorSamples,
    samples,
  };
}

/** The report as the lines the CLI prints. */
export function formatLoadReport(r: LoadReport): string {
  const lines = [
    `load: ${r.clients} clients for ${r.seconds} s against ${r.url}`,
    `requests: ${r.requests}  (${r.requestsPerSecond} req/s)`,
    `latency ms: p50 ${r.latencyMs.p50}  p95 ${r.latencyMs.p95}  p99 ${r.latencyMs.p99}  max ${r.latencyMs.max}`,
    `errors: ${r.errors}`,
    ...r.errorSamples.map((e) => `  ${e}`),
    'by operation (requests, p50, p99 ms):',
    ...Object.entries(r.byOperation).map(([name, o]) => `  ${name.padEnd(14)} ${String(o.requests).padStart(6)} ${String(o.p50).padStart(8)} ${String(o.p99).padStart(8)}`),
  ];
  return lines.join('\n');
}
