/**
 * Writes a planned graph to Neo4j in one transaction: compares the plan with
 * what the files' origins already hold, then creates, updates and deletes only
 * what differs, so that a second load changes nothing and the graph of a
 * source always equals its file.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { cypher, cypherForType, schemaStatements } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import { searchIndexes } from '../model/search-indexes.js';
import { assertInvariants } from '../check/check-graph.js';
import { refreshAttestations, structuralEnds, withoutAttestation } from '../derived/attestation.js';
import { deleteTopicPositions, refreshTopicPositions } from '../derived/topic-positions.js';
import { deleteMembershipDates, refreshMembershipDates } from '../derived/membership-dates.js';
import { removeVerdictSpans } from '../derived/remove-verdict-spans.js';
import { dependantIssues, ownershipIssues, type DescribeOwner } from './ownership.js';
import type { GraphPlan, NodeRow, RelRow } from './plan-graph.js';
import { SeedValidationError } from './seed-issue.js';

/** Counts of one label or relationship type. */
export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** What a load did (or, dry, would do). */
export interface LoadSummary {
  dryRun: boolean;
  reset: boolean;
  nodes: Record<string, ChangeCounts>;
  relationships: Record<string, ChangeCounts>;
  totals: { nodes: ChangeCounts; relationships: ChangeCounts };
}

/** Options of a load. */
export interface LoadOptions {
  database: string;
  dryRun?: boolean;
  /** Empty diplograph's graph first, in the same transaction as the load. */
  reset?: boolean;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Names the owner of an id another file or the API owns (default: from the graph alone). */
  describeOwner?: DescribeOwner;
}

/** A load that Neo4j accepted but that did not write what was planned; the transaction is rolled back. */
export class LoadIntegrityError extends Error {
  override name = 'LoadIntegrityError';
}

const zero = (): ChangeCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });

/**
 * Why a relationship batch wrote fewer rows than it was given: the relationships whose
 * endpoint is not in the database (at most five) and the missing ids, then `hint`.
 */
/**
 * Merges relationship rows with `cypher/<name>.cypher`, one query per relationship
 * type (pipelined in the transaction), and returns how many were written. With the
 * type static, MERGE expands from the two matched nodes (Expand(Into)); with a
 * dynamic `$(row.type)`, Neo4j 5.26 plans it as a scan of every relationship in the
 * graph per row whenever the graph held few relationships at planning time, which
 * made a bulk load from empty quadratic (docs/performance.md).
 */
export async function mergeRelationships(tx: ManagedTransaction, name: string, rows: RelRow[]): Promise<number> {
  const byType = new Map<string, RelRow[]>();
  for (const row of rows) {
    const list = byType.get(row.type);
    if (list) list.push(row);
    else byType.set(row.type, [row]);
  }
  const results = await Promise.all([...byType].map(([type, list]) => tx.run(cypherForType(name, type), { rows: list })));
  return results.reduce((sum, res) => sum + (toPlain(res.records[0]?.get('written')) as number), 0);
}

export async function describeMissingEndpoints(tx: ManagedTransaction, rows: RelRow[], written: number, hint: string): Promise<string> {
  const ids = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
  const missing = await tx.run(cypher('write/find-missing-ids'), { ids });
  const names = new Set(missing.records.map((r) => r.get('id') as string));
  const culprits = rows.filter((r) => names.has(r.from) || names.has(r.to)).slice(0, 5);
  return (
    `wrote ${written} of ${rows.length} relationships: ${culprits.map((r) => `${r.type} ${r.from} -> ${r.to}`).join(', ')} ` +
    `(no node with id ${[...names].map((n) => `"${n}"`).join(', ')} ${hint})`
  );
}

/**
 * Drops each search index of the model whose definition in the database differs from the
 * model's (a new kind searched, a new searched field): CREATE ... IF NOT EXISTS would keep
 * the old one, and the kind would never be found. applySchema then creates it anew.
 */
async function dropChangedSearchIndexes(driver: Driver, database: string): Promise<void> {
  const { records } = await driver.executeQuery(
    'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options RETURN name, labelsOrTypes, properties, options',
    {},
    { database },
  );
  const have = new Map(records.map((r) => [r.get('name') as string, r]));
  const key = (labels: string[], properties: string[], analyzer: unknown): string => JSON.stringify([[...labels].sort(), [...properties].sort(), analyzer]);
  for (const index of searchIndexes()) {
    const r = have.get(index.name);
    if (!r) continue;
    const options = r.get('options') as { indexConfig?: Record<string, unknown> };
    if (key(r.get('labelsOrTypes') as string[], r.get('properties') as string[], options.indexConfig?.['fulltext.analyzer']) === key(index.labels, index.properties, index.analyzer)) continue;
    // The name is the model's own (src/model/search-indexes.ts), never input; index names cannot be parameters.
    await driver.executeQuery(`DROP INDEX \`${index.name}\` IF EXISTS`, {}, { database });
  }
}

/**
 * Applies constraints and indexes (idempotent: IF NOT EXISTS; a search index the model changed is rebuilt),
 * waits for indexes to come online, then deletes what an older graph holds that nothing reads any more
 * (verdict spans, decision 0067: one count-store read when there are none). `report` shows that deletion's
 * progress (stderr by default: it only speaks when there is something to delete).
 */
export async function applySchema(driver: Driver, database: string, report: (line: string) => void = (line) => void process.stderr.write(`${line}\n`)): Promise<void> {
  await dropChangedSearchIndexes(driver, database);
  for (const statement of schemaStatements()) {
    await driver.executeQuery(statement, {}, { database });
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  await removeVerdictSpans(driver, database, { report });
}

function canonical(value: unknown): string {
  const plain = toPlain(value);
  if (plain && typeof plain === 'object' && !Array.isArray(plain)) {
    const sorted = Object.fromEntries(Object.entries(plain as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    return JSON.stringify(sorted);
  }
  return JSON.stringify(plain);
}

interface Diff {
  createNodes: NodeRow[];
  updateNodes: NodeRow[];
  deleteNodeIds: string[];
  createRels: RelRow[];
  updateRels: RelRow[];
  deleteRels: Array<{ key: string; from: string; to: string; type: string }>;
  summary: LoadSummary;
}

async function diffWithDatabase(tx: ManagedTransaction, plan: GraphPlan, opts: LoadOptions): Promise<Diff> {
  const summary: LoadSummary = {
    dryRun: opts.dryRun ?? false,
    reset: opts.reset ?? false,
    nodes: {},
    relationships: {},
    totals: { nodes: zero(), relationships: zero() },
  };
  const count = (bucket: Record<string, ChangeCounts>, key: string, what: keyof ChangeCounts): void => {
    (bucket[key] ??= zero())[what]++;
  };
  const existingNodes = new Map<string, { label: string; props: string; origin: unknown }>();
  const existingRels = new Map<string, { type: string; from: string; to: string; props: string }>();
  if (!opts.reset) {
    const nodes = await tx.run(cypher('write/read-owned-nodes'), { origins: plan.origins, ids: plan.nodes.map((n) => n.id) });
    for (const r of nodes.records) {
      // The attestation is the refresh's, not the file's: left out of the comparison.
      const props = withoutAttestation(r.get('props') as Record<string, unknown>);
      existingNodes.set(r.get('id') as string, { label: r.get('label') as string, props: canonical(props), origin: props.origin });
    }
    const rels = await tx.run(cypher('write/read-owned-relationships'), { origins: plan.origins });
    for (const r of rels.records) {
      existingRels.set(r.get('key') as string, {
        type: r.get('type') as string,
        from: r.get('from') as string,
        to: r.get('to') as string,
        props: canonical(r.get('props')),
      });
    }
  }
  const diff: Diff = { createNodes: [], updateNodes: [], deleteNodeIds: [], createRels: [], updateRels: [], deleteRels: [], summary };
  const plannedIds = new Set<string>();
  for (const node of plan.nodes) {
    plannedIds.add(node.id);
    const old = existingNodes.get(node.id);
    if (!old) {
      diff.createNodes.push(node);
      count(summary.nodes, node.label, 'created');
    } else if (old.label !== node.label) {
      diff.deleteNodeIds.push(node.id);
      diff.createNodes.push(node);
      count(summary.nodes, node.label, 'updated');
    } else if (old.props !== canonical({ ...node.props, id: node.id })) {
      diff.updateNodes.push(node);
      count(summary.nodes, node.label, 'updated');
    } else {
      count(summary.nodes, node.label, 'unchanged');
    }
  }
  const origins = new Set(plan.origins);
  for (const [id, old] of existingNodes) {
    if (!plannedIds.has(id) && origins.has(old.origin as string)) {
      diff.deleteNodeIds.push(id);
      count(summary.nodes, old.label, 'deleted');
    }
  }
  if (!opts.reset) {
    // A file touches only what it owns, and deletes nothing another owner still uses.
    const issues = await ownershipIssues(tx, plan, existingNodes, opts.describeOwner);
    if (issues.length === 0) issues.push(...(await dependantIssues(tx, plan, diff.deleteNodeIds, existingNodes, opts.describeOwner)));
    if (issues.length > 0) throw new SeedValidationError(issues);
  }
  const plannedKeys = new Set<string>();
  for (const rel of plan.rels) {
    plannedKeys.add(rel.key);
    const old = existingRels.get(rel.key);
    if (!old) {
      diff.createRels.push(rel);
      count(summary.relationships, rel.type, 'created');
    } else if (old.props !== canonical(rel.props)) {
      diff.updateRels.push(rel);
      count(summary.relationships, rel.type, 'updated');
    } else {
      count(summary.relationships, rel.type, 'unchanged');
    }
  }
  for (const [key, old] of existingRels) {
    if (!plannedKeys.has(key)) {
      diff.deleteRels.push({ key, ...old });
      count(summary.relationships, old.type, 'deleted');
    }
  }
  for (const [bucket, total] of [
    [summary.nodes, summary.totals.nodes],
    [summary.relationships, summary.totals.relationships],
  ] as const) {
    for (const c of Object.values(bucket)) {
      total.created += c.created;
      total.updated += c.updated;
      total.unchanged += c.unchanged;
      total.deleted += c.deleted;
    }
  }
  return diff;
}

function batches<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function writeDiff(tx: ManagedTransaction, diff: Diff, opts: LoadOptions): Promise<void> {
  const size = opts.batchSize ?? 1000;
  const total = diff.deleteRels.length + diff.deleteNodeIds.length + diff.createNodes.length + diff.updateNodes.length + diff.createRels.length + diff.updateRels.length;
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    opts.onProgress?.(done, total);
  };
  if (opts.reset) {
    await tx.run(cypher('write/delete-all'));
    await deleteTopicPositions(tx);
    await deleteMembershipDates(tx);
  }
  for (const rows of batches(diff.deleteRels, size)) {
    await tx.run(cypher('write/delete-relationships'), { rows });
    progress(rows.length);
  }
  for (const ids of batches(diff.deleteNodeIds, size)) {
    await tx.run(cypher('write/delete-nodes'), { ids });
    progress(ids.length);
  }
  for (const rows of batches([...diff.createNodes, ...diff.updateNodes], size)) {
    const res = await tx.run(cypher('write/merge-nodes'), { rows });
    const written = toPlain(res.records[0]?.get('written')) as number;
    if (written !== rows.length) throw new LoadIntegrityError(`wrote ${written} of ${rows.length} nodes`);
    progress(rows.length);
  }
  for (const rows of batches([...diff.createRels, ...diff.updateRels], size)) {
    const written = await mergeRelationships(tx, 'write/merge-relationships', rows);
    if (written !== rows.length) {
      throw new LoadIntegrityError(await describeMissingEndpoints(tx, rows, written, 'in the database; load the file that defines it too'));
    }
    progress(rows.length);
  }
}

/**
 * Loads a plan in one write transaction (all or nothing). With dryRun, only
 * reads and reports what would change.
 */
export async function loadGraph(driver: Driver, plan: GraphPlan, opts: LoadOptions): Promise<LoadSummary> {
  const session = driver.session({ database: opts.database });
  try {
    if (opts.dryRun) {
      return (await session.executeRead((tx) => diffWithDatabase(tx, plan, opts))).summary;
    }
    return await session.executeWrite(async (tx) => {
      const diff = await diffWithDatabase(tx, plan, opts);
      await writeDiff(tx, diff, opts);
      // The graph the load leaves behind is checked before commit: what it wrote, and
      // both ends of every relationship it wrote or removed.
      const touched = new Set(plan.nodes.map((n) => n.id));
      for (const r of [...diff.createRels, ...diff.updateRels, ...diff.deleteRels]) touched.add(r.from).add(r.to);
      await assertInvariants(tx, touched);
      // Derived positions of what the load touched, rebuilt in the same transaction.
      await refreshTopicPositions(tx, touched, diff.deleteRels);
      await refreshMembershipDates(tx, touched, [...diff.createRels, ...diff.updateRels, ...diff.deleteRels]); // decision 0054
      // Whose words each touched stance rests on (decision 0041); validation refuses an
      // analysis-only stance with its position, this catches one whose evidence is in the database.
      const analysisOnly = await refreshAttestations(tx, touched, structuralEnds([...diff.createRels, ...diff.updateRels, ...diff.deleteRels]));
      if (analysisOnly.length > 0) throw new LoadIntegrityError(`stance ${analysisOnly.join(', ')} rests only on ANALYSIS statements: an analysis is never a party's position`);
      return diff.summary;
    });
  } finally {
    await session.close();
  }
}
