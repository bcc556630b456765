/**
 * Writer clients for the API fault run: they send `upsertStatement` mutations with
 * fresh, unique ids back to back while Neo4j is taken away and brought back, and keep
 * every outcome. A write counts as acknowledged when the answer is HTTP 200 with no
 * error and an outcome; after the run, `verifyAcknowledged` checks with a direct
 * driver query that every acknowledged id is in the graph exactly once, with the
 * :Change record the answer named. `cleanUpWrites` removes the run's statements, their
 * Change records and write locks by id prefix (API-origin facts: the seed loader never
 * removes them).
 */
import type { Driver } from 'neo4j-driver';
import { toPlain } from '../neo4j/values.js';

/** The statement every write sends, but its id: an API fact in a seeded file. */
export const WRITE_TEMPLATE = {
  speaker: 'alexander-fomin',
  onBehalfOf: 'russia',
  mode: 'PARAPHRASE',
  text: 'Fault run: a statement written while Neo4j is taken away.',
  language: 'en',
  gloss: 'Fault run: a statement written while Neo4j is taken away.',
  said: '2022-01-13',
  source: 'liputan6-2022-01-14-nrc',
  mentions: ['nato'],
} as const;

const UPSERT_STATEMENT = 'mutation ($input: StatementInput!) { upsertStatement(input: $input) { outcome entity { id } change { id } } }';

/** One write's outcome. */
export interface WriteSample {
  id: string;
  /** performance.now() when it was sent, and when the answer (or the failure) came. */
  sentAt: number;
  doneAt: number;
  /** HTTP status, 0 when no answer came. */
  status: number;
  /** The mutation's outcome when acknowledged (CREATED, or UNCHANGED/UPDATED: unexpected for a fresh id). */
  outcome: string | null;
  /** The id of the Change record the answer named. */
  changeId: string | null;
  /** extensions.code of each error, or the network error's name. */
  codes: string[];
  message?: string;
}

/** Acknowledged: HTTP 200, no error, an outcome. */
export const acknowledged = (s: WriteSample): boolean => s.status === 200 && s.codes.length === 0 && s.outcome !== null;

/** A prefix of statement ids unique to one run: `stmt-fault-<base36 time>-`. */
export function writePrefix(now = Date.now()): string {
  return `stmt-fault-${now.toString(36)}-`;
}

interface WriteAnswer {
  data?: { upsertStatement?: { outcome: string; entity: { id: string } | null; change: { id: string } | null } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Sends one upsertStatement; never throws. */
export async function sendWrite(endpoint: string, token: string, id: string, timeoutMs = 15_000): Promise<WriteSample> {
  const sentAt = performance.now();
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: UPSERT_STATEMENT, variables: { input: { ...WRITE_TEMPLATE, id } } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const doneAt = performance.now();
    let body: WriteAnswer;
    try {
      body = JSON.parse(text) as WriteAnswer;
    } catch {
      return { id, sentAt, doneAt, status: res.status, outcome: null, changeId: null, codes: ['NOT_JSON'], message: text.slice(0, 120) };
    }
    const errors = body.errors ?? [];
    const result = body.data?.upsertStatement ?? null;
    return {
      id,
      sentAt,
      doneAt,
      status: res.status,
      outcome: result?.outcome ?? null,
      changeId: result?.change?.id ?? null,
      codes: errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
      ...(errors[0] ? { message: errors[0].message } : result ? {} : { message: `HTTP ${res.status}, no result` }),
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { id, sentAt, doneAt: performance.now(), status: 0, outcome: null, changeId: null, codes: [e.cause?.code ?? e.name], message: e.cause?.code ?? e.message };
  }
}

/** Options of the writers. */
export interface WritersOptions {
  url: string;
  token: string;
  /** Writer clients (each sends one write at a time). */
  writers: number;
  /** Id prefix of the run; each id is `<prefix><cycle tag>-<writer>-<n>`. */
  prefix: string;
  /** Distinguishes the ids of one cycle from the next. */
  tag: string;
  signal: AbortSignal;
  /** Pause between a writer's writes (default 0: back to back). */
  pauseMs?: number;
  onSample?: (sample: WriteSample) => void;
}

/** Runs the writers until the signal aborts; resolves with every write's outcome. */
export async function runWriters(opts: WritersOptions): Promise<WriteSample[]> {
  const endpoint = new URL('/graphql', opts.url).toString();
  const samples: WriteSample[] = [];
  const writer = async (w: number): Promise<void> => {
    for (let n = 1; !opts.signal.aborted; n++) {
      const sample = await sendWrite(endpoint, opts.token, `${opts.prefix}${opts.tag}-${w}-${n}`);
      samples.push(sample);
      opts.onSample?.(sample);
      if (opts.pauseMs) await new Promise((resolve) => setTimeout(resolve, opts.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: opts.writers }, (_, w) => writer(w + 1)));
  return samples;
}

/** What the graph holds of the acknowledged writes. */
export interface WriteVerification {
  /** Acknowledged writes checked. */
  acknowledged: number;
  /** Acknowledged ids with no statement in the graph. */
  lost: string[];
  /** Acknowledged ids with more than one statement node. */
  duplicated: string[];
  /** Acknowledged ids whose Change record (the one the answer named, linked to the statement) is missing, or that have more than one Change. */
  badChange: string[];
  /** Writes answered with an error whose statement is in the graph all the same (committed, answer lost: allowed, a retry gets UNCHANGED). */
  failedButStored: number;
  /** Statements of the run's prefix in the graph. */
  storedTotal: number;
}

/**
 * Checks, with direct driver queries, that every acknowledged id is in the graph exactly
 * once with exactly one Change record (the one its answer named, CHANGED-linked to it).
 */
export async function verifyAcknowledged(driver: Driver, database: string, prefix: string, samples: WriteSample[]): Promise<WriteVerification> {
  const acked = samples.filter(acknowledged);
  const res = await driver.executeQuery(
    `UNWIND $rows AS row
     OPTIONAL MATCH (s:Statement {id: row.id})
     WITH row, count(s) AS nodes
     OPTIONAL MATCH (c:Change {entityId: row.id})
     WITH row, nodes, count(c) AS changes
     OPTIONAL MATCH (named:Change {id: row.changeId})-[:CHANGED]->(:Statement {id: row.id})
     RETURN row.id AS id, nodes, changes, count(named) AS linked`,
    { rows: acked.map((s) => ({ id: s.id, changeId: s.changeId ?? '' })) },
    { database },
  );
  const lost: string[] = [];
  const duplicated: string[] = [];
  const badChange: string[] = [];
  for (const r of res.records) {
    const { id, nodes, changes, linked } = toPlain(r.toObject()) as { id: string; nodes: number; changes: number; linked: number };
    if (nodes === 0) lost.push(id);
    if (nodes > 1) duplicated.push(id);
    if (nodes > 0 && (changes !== 1 || linked !== 1)) badChange.push(id);
  }
  const stored = await driver.executeQuery('MATCH (s:Statement) WHERE s.id STARTS WITH $prefix RETURN collect(s.id) AS ids', { prefix }, { database });
  const storedIds = new Set(toPlain(stored.records[0]!.get('ids')) as string[]);
  const failedButStored = samples.filter((s) => !acknowledged(s) && storedIds.has(s.id)).length;
  return { acknowledged: acked.length, lost, duplicated, badChange, failedButStored, storedTotal: storedIds.size };
}

/** The API-origin MENTIONS of the template's file: those a run adds are removed afterwards. */
export async function apiMentions(driver: Driver, database: string): Promise<string[]> {
  const res = await driver.executeQuery(
    "MATCH (:Entity {id: $file})-[r:MENTIONS]->() WHERE r.origin STARTS WITH 'api:' RETURN collect(elementId(r)) AS ids",
    { file: WRITE_TEMPLATE.source },
    { database },
  );
  return toPlain(res.records[0]!.get('ids')) as string[];
}

/** Deletes the run's statements, their Change records and write locks (by id prefix), and the MENTIONS the run added. */
export async function cleanUpWrites(driver: Driver, database: string, prefix: string, mentionsBefore: string[]): Promise<{ statements: number; changes: number; locks: number; mentions: number }> {
  const one = async (query: string, params: Record<string, unknown>) => {
    const res = await driver.executeQuery(query, { prefix, ...params }, { database });
    return toPlain(res.records[0]!.get(0)) as number;
  };
  const changes = await one('MATCH (c:Change) WHERE c.entityId STARTS WITH $prefix DETACH DELETE c RETURN count(*)', {});
  const statements = await one("MATCH (s:Statement) WHERE s.id STARTS WITH $prefix AND s.origin STARTS WITH 'api:' DETACH DELETE s RETURN count(*)", {});
  const locks = await one('MATCH (l:WriteLock) WHERE l.id STARTS WITH $prefix DELETE l RETURN count(*)', {});
  const mentions = await one(
    "MATCH (:Entity {id: $file})-[r:MENTIONS]->() WHERE r.origin STARTS WITH 'api:' AND NOT elementId(r) IN $keep DELETE r RETURN count(*)",
    { file: WRITE_TEMPLATE.source, keep: mentionsBefore },
  );
  return { statements, changes, locks, mentions };
}
