/**
 * Warming the server after `npm run up` has seeded it: each example operation of
 * docs/queries is sent once over HTTP (the server's own path: Apollo's document cache,
 * the resolvers, Neo4j's query plans), then once more, timed, as a first visitor's
 * request would be. Neo4j plans a query on first sight (hundreds of milliseconds for the
 * larger ones); afterwards the plan cache answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';

/** The timings of one operation: the cold (warming) request and the first one after it. */
export interface WarmUpTiming {
  name: string;
  coldMs: number;
  firstMs: number;
  /** The first error code of either answer, if any. */
  error: string | undefined;
}

/** What a first request may take: the goal `npm run up` checks against. */
export const FIRST_REQUEST_GOAL_MS = 300;

/** The example operations in docs/queries, by file name. */
export function exampleOperations(dir = path.join(projectRoot, 'docs', 'queries')): Array<{ name: string; query: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f.replace(/\.graphql$/, ''), query: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

async function timedPost(url: string, query: string): Promise<{ ms: number; error: string | undefined }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
  const ms = performance.now() - started;
  const error = res.ok ? body.errors?.[0]?.extensions?.code : `HTTP ${res.status}${body.errors?.[0]?.extensions?.code ? ` ${body.errors[0].extensions.code}` : ''}`;
  return { ms, error };
}

/** Sends each operation twice to the GraphQL endpoint at `url`, one after the other; returns the timings. */
export async function warmUp(url: string, operations = exampleOperations()): Promise<WarmUpTiming[]> {
  const timings: WarmUpTiming[] = [];
  for (const { name, query } of operations) {
    const cold = await timedPost(url, query);
    const first = await timedPost(url, query);
    timings.push({ name, coldMs: cold.ms, firstMs: first.ms, error: cold.error ?? first.error });
  }
  return timings;
}

/** The lines `npm run up` prints for the timings. */
export function formatWarmUp(timings: WarmUpTiming[]): string[] {
  if (timings.length === 0) return ['warm-up: no operations in docs/queries'];
  const width = Math.max(...timings.map((t) => t.name.length));
  const lines = [`first requests (docs/queries; goal under ${FIRST_REQUEST_GOAL_MS} ms, after one warming request each):`];
  for (const t of timings) {
    const verdict = t.error !== undefined ? `  error ${t.error}` : t.firstMs > FIRST_REQUEST_GOAL_MS ? '  over the goal' : '';
    lines.push(`  ${t.name.padEnd(width)}  ${Math.round(t.firstMs).toString().padStart(5)} ms  (cold ${Math.round(t.coldMs)} ms)${verdict}`);
  }
  return lines;
}
