/**
 * Bulk ingest: streams seed files into Neo4j in batches, each batch its own
 * transaction, with idempotent MERGE, so that memory stays flat whatever the
 * input size and an interrupted load completes when rerun, with no
 * duplicates. Each file is checked against the seed schema and planned into
 * rows by the curated loader's planGraph (same labels, :Entity, `origin`,
 * relationship `key`s); references across files are checked by the database
 * (a relationship whose endpoint is missing fails the batch, naming it).
 * See docs/decisions/0006-bulk-ingest.md for why this is not all-or-nothing.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import { attestationEnds, refreshAttestations, structuralEnds } from '../derived/attestation.js';
import { positionEnds, refreshTopicPositions } from '../derived/topic-positions.js';
import { refreshMembershipDates } from '../derived/membership-dates.js';
import { describeMissingEndpoints, mergeRelationships } from '../seed/load-graph.js';
import { planGraph, type NodeRow, type RelRow } from '../seed/plan-graph.js';
import { formatPath } from '../seed/seed-issue.js';
import { seedFileSchema } from '../seed/seed-schema.js';

/** One file to ingest: a name for messages and its parsed (not yet validated) content. */
export interface IngestFile {
  name: string;
  seed: unknown;
  /** Statements it holds, for progress (counted from the file when absent). */
  statements?: number;
}

/** Options of a bulk ingest. */
export interface IngestOptions {
  database: string;
  /** Rows (nodes plus relationships) per transaction; default DEFAULT_BATCH_SIZE. */
  batchSize?: number;
  /** Called after every committed batch with the running totals. */
  onBatch?: (stats: IngestStats) => void;
  /** Stops the load between batches (what was committed stays; a rerun completes it). */
  signal?: AbortSignal;
}

/** What an ingest wrote. */
export interface IngestStats {
  files: number;
  statements: number;
  nodes: number;
  relationships: number;
  batches: number;
  seconds: number;
  /** Highest resident set size of this process seen during the load, in bytes. */
  peakRssBytes: number;
}

/**
 * Rows per transaction. Measured on the synthetic corpus (docs/performance.md):
 * 1,000 pays a round trip and a commit too often, 10,000-20,000 hold large
 * transaction state for no gain; 2,000-5,000 were best, within noise of each other.
 */
export const DEFAULT_BATCH_SIZE = 5_000;

/** A file that does not match the seed schema; nothing of it was written. */
export class IngestValidationError extends Error {
  override name = 'IngestValidationError';
}

/** A batch that Neo4j accepted but that did not write every row (a reference to an id no file defines). */
export class IngestIntegrityError extends Error {
  override name = 'IngestIntegrityError';
}

/** Stopped by the caller's AbortSignal between batches. */
export class IngestAbortedError extends Error {
  override name = 'IngestAbortedError';
  constructor(readonly stats: IngestStats) {
    super(`ingest stopped after ${stats.batches} batches; rerun to complete it`);
  }
}

/** Validates one file against the seed schema and plans its rows. */
export function planFile(file: IngestFile): { nodes: NodeRow[]; rels: RelRow[]; statements: number } {
  const parsed = seedFileSchema.safeParse(file.seed);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `${file.name} ${formatPath(i.path)}: ${i.message}`);
    throw new IngestValidationError(lines.join('\n'));
  }
  const plan = planGraph([{ file: file.name, seed: parsed.data }]);
  return { nodes: plan.nodes, rels: plan.rels, statements: file.statements ?? parsed.data.statements?.length ?? 0 };
}

/**
 * The derived data of what a transaction wrote: positions per holder and topic, and whose
 * words each stance rests on, for the written nodes and the ends through which each added
 * relationship can change them (an ingest only adds).
 */
async function refreshDerived(tx: ManagedTransaction, nodeIds: string[], rels: RelRow[]): Promise<void> {
  await refreshTopicPositions(tx, [...nodeIds, ...positionEnds(rels)]);
  await refreshMembershipDates(tx, nodeIds, rels); // decision 0054
  // The files were validated, so no stance rests on an analysis alone (decision 0041).
  await refreshAttestations(tx, [...nodeIds, ...attestationEnds(rels)], structuralEnds(rels));
}

/**
 * Writes nodes in one transaction. Nodes it creates need no derived upkeep: a node
 * without relationships is in no (holder, topic) pair, evidences no stance and has no
 * attestation. Nodes that existed (a rerun, a file that edits earlier ones) get it.
 */
async function writeNodes(driver: Driver, database: string, nodes: NodeRow[]): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      const res = await tx.run(cypher('ingest/merge-nodes'), { rows: nodes });
      const written = toPlain(res.records[0]?.get('written')) as number;
      if (written !== nodes.length) throw new IngestIntegrityError(`wrote ${written} of ${nodes.length} nodes`);
      if (res.summary.counters.updates().nodesCreated < nodes.length) await refreshDerived(tx, nodes.map((n) => n.id), []);
    });
  } finally {
    await session.close();
  }
}

/** Writes relationships between committed nodes in one transaction, with the derived data of both ends of each. */
async function writeRelationships(driver: Driver, database: string, rels: RelRow[]): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      const written = await mergeRelationships(tx, 'ingest/merge-relationships', rels);
      if (written !== rels.length) {
        throw new IngestIntegrityError(await describeMissingEndpoints(tx, rels, written, 'yet; a file must come after the files it refers to'));
      }
      await refreshDerived(tx, [], rels);
    });
  } finally {
    await session.close();
  }
}

/** Whether any of the ids names a node already. */
async function anyExisting(driver: Driver, database: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const res = await driver.executeQuery(cypher('ingest/count-existing-ids'), { ids }, { database, routing: neo4j.routing.READ });
  return (toPlain(res.records[0]?.get('existing')) as number) > 0;
}

/**
 * Whether a relationship refers to one of the nodes: a file that refers to a later one
 * fails its batch, naming the id, whatever the timing of the later file's nodes.
 */
function refersTo(rels: RelRow[], nodes: NodeRow[]): boolean {
  if (rels.length === 0 || nodes.length === 0) return false;
  const ids = new Set(nodes.map((n) => n.id));
  return rels.some((r) => ids.has(r.from) || ids.has(r.to));
}

/** Waits for every promise, then throws the first failure in their order (so nothing is still running when a failure is reported). */
async function settleInOrder(promises: Array<Promise<void> | undefined>): Promise<void> {
  const results = await Promise.allSettled(promises.map((p) => p ?? Promise.resolve()));
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}

/**
 * Ingests files in order. Rows of whole files are gathered until a batch is full. A
 * batch is written as its nodes' transactions, then its relationships' (after every
 * earlier batch's). The nodes of a batch whose ids are all new are written while the
 * previous batch's relationships are: they share no node and no lock with them, and
 * Neo4j runs the two transactions on two cores (docs/decisions/0051). The next files are
 * planned meanwhile; at most two batches are in flight, so memory is bounded by three.
 */
export async function ingestFiles(driver: Driver, files: Iterable<IngestFile> | AsyncIterable<IngestFile>, opts: IngestOptions): Promise<IngestStats> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = performance.now();
  const stats: IngestStats = { files: 0, statements: 0, nodes: 0, relationships: 0, batches: 0, seconds: 0, peakRssBytes: process.memoryUsage().rss };
  const sampleMemory = (): void => {
    stats.peakRssBytes = Math.max(stats.peakRssBytes, process.memoryUsage().rss);
  };
  const sampler = setInterval(sampleMemory, 100);
  sampler.unref();

  let nodes: NodeRow[] = [];
  let rels: RelRow[] = [];
  let pendingStatements = 0;
  let pendingFiles = 0;
  // The last batch (done when its relationships are) and the one before it.
  let inFlight: Promise<void> | undefined;
  let before: Promise<void> | undefined;
  // The last batch's nodes.
  let lastNodes: Promise<void> | undefined;
  let lastRels: RelRow[] = [];

  const flush = async (): Promise<void> => {
    if (before) await before;
    if (opts.signal?.aborted) {
      await inFlight;
      throw new IngestAbortedError({ ...stats, seconds: (performance.now() - started) / 1000 });
    }
    if (nodes.length === 0 && rels.length === 0) return;
    const batch = { nodes, rels, statements: pendingStatements, files: pendingFiles };
    nodes = [];
    rels = [];
    pendingStatements = 0;
    pendingFiles = 0;
    const previous = inFlight;
    const previousNodes = lastNodes;
    const previousRels = lastRels;
    const nodesDone = (async () => {
      // Asked once the previous batch's nodes are committed (a later file may define an id again).
      // Nodes that exist get the derived upkeep, which must not run beside the previous batch's.
      await previousNodes;
      if (refersTo(previousRels, batch.nodes) || (await anyExisting(driver, opts.database, batch.nodes.map((n) => n.id)))) await previous;
      // A batch larger than batchSize (one big file) is split: nodes of the file before its relationships.
      for (let i = 0; i < batch.nodes.length; i += batchSize) await writeNodes(driver, opts.database, batch.nodes.slice(i, i + batchSize));
    })();
    const done = (async () => {
      await settleInOrder([previous, nodesDone]);
      for (let i = 0; i < batch.rels.length; i += batchSize) await writeRelationships(driver, opts.database, batch.rels.slice(i, i + batchSize));
      stats.batches++;
      stats.files += batch.files;
      stats.statements += batch.statements;
      stats.nodes += batch.nodes.length;
      stats.relationships += batch.rels.length;
      stats.seconds = (performance.now() - started) / 1000;
      sampleMemory();
      opts.onBatch?.({ ...stats });
    })();
    // Awaited at a later flush; mark them handled meanwhile so a failure is not an unhandled rejection.
    nodesDone.catch(() => undefined);
    done.catch(() => undefined);
    before = previous;
    inFlight = done;
    lastNodes = nodesDone;
    lastRels = batch.rels;
  };

  try {
    for await (const file of files) {
      const planned = planFile(file);
      for (const n of planned.nodes) nodes.push(n);
      for (const r of planned.rels) rels.push(r);
      pendingStatements += planned.statements;
      pendingFiles++;
      if (nodes.length + rels.length >= batchSize) await flush();
    }
    await flush();
    if (inFlight) await inFlight;
  } catch (err) {
    // Let the batches in flight settle before reporting, so the caller sees what was committed.
    await settleInOrder([before, inFlight]).catch(() => undefined);
    throw err;
  } finally {
    clearInterval(sampler);
  }
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

/** Counts diplograph's graph: nodes, relationships and duplicated ids (always 0 under the constraint). */
export async function countGraph(driver: Driver, database: string): Promise<{ nodes: number; relationships: number; duplicateIds: number; duplicateRelationships: number }> {
  const res = await driver.executeQuery(cypher('ingest/count-graph'), {}, { database });
  const dup = await driver.executeQuery(cypher('ingest/count-duplicate-relationships'), {}, { database });
  const row = toPlain(res.records[0]?.toObject()) as { nodes: number; relationships: number; duplicateIds: number };
  return { ...row, duplicateRelationships: toPlain(dup.records[0]?.get('duplicates')) as number };
}

/** Empties diplograph's graph in batches (for corpora too big for one transaction); `onProgress` gets the records deleted so far. */
export async function deleteGraph(driver: Driver, database: string, batch = 10_000, onProgress?: (deleted: number) => void): Promise<void> {
  const session = driver.session({ database });
  let deleted = 0;
  try {
    for (const [name, size] of [['derived/delete-batched', batch], ['derived/membership-dates-delete-batched', batch], ['ingest/delete-relationships-batched', batch * 5], ['ingest/delete-nodes-batched', batch]] as const) {
      for (;;) {
        // Ten inner transactions per call: each call ends well within the transaction
        // timeout and reports progress (at 10^6 statements, every 500,000 relationships).
        const res = await session.run(cypher(name), { batch: neo4j.int(size), max: neo4j.int(size * 10) });
        const n = toPlain(res.records[0]?.get('deleted')) as number;
        if (n === 0) break;
        deleted += n;
        onProgress?.(deleted);
      }
    }
  } finally {
    await session.close();
  }
}

/**
 * Above this many nodes plus relationships, `seed --reset` empties the graph in batches
 * before its load transaction: one transaction deleting a corpus of 10^5 statements
 * (about a million records) exceeds Neo4j's default transaction memory. The curated
 * seeds (a few thousand records) stay below it, and their reset stays all-or-nothing.
 */
export const RESET_IN_ONE_TRANSACTION_MAX = 50_000;

/**
 * Empties the graph in batches when it is too large for the reset inside a load's
 * transaction; returns how many records it held (0 when it left the job to that
 * transaction). What is deleted stays deleted if the load that follows fails.
 */
export async function emptyLargeGraph(driver: Driver, database: string, onProgress?: (deleted: number, total: number) => void): Promise<number> {
  const counts = await driver.executeQuery(cypher('ingest/count-records'), {}, { database, routing: neo4j.routing.READ });
  const { nodes, derived, relationships } = toPlain(counts.records[0]?.toObject()) as { nodes: number; derived: number; relationships: number };
  // The derived data are deleted too, and counted in the progress.
  const total = nodes + derived + relationships;
  if (total <= RESET_IN_ONE_TRANSACTION_MAX) return 0;
  await deleteGraph(driver, database, 10_000, (deleted) => onProgress?.(deleted, total));
  return total;
}
