/**
 * Neo4j killed (SIGKILL) at a random point of a bulk ingest of a synthetic corpus,
 * restarted, and the ingest rerun: afterwards the graph must hold exactly the planned
 * nodes and relationships, no id twice, no relationship twice, nothing dangling, and
 * every batch the ingest saw committed before the kill must have survived it.
 * Uses src/ingest (the bulk ingest) and src/synth (the corpus) as they are.
 */
import { randomInt } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { countGraph, ingestFiles, planFile, type IngestStats } from '../ingest/ingest-stream.js';
import type { Report } from '../local-neo4j/report.js';
import { startNeo4j } from '../local-neo4j/start-neo4j.js';
import { resolveNeo4jConnection } from '../neo4j/connection.js';
import { openDriver } from '../neo4j/driver.js';
import { neo4jErrorKind } from '../neo4j/errors.js';
import { toPlain } from '../neo4j/values.js';
import { applySchema } from '../seed/load-graph.js';
import { generateCorpus } from '../synth/generate-corpus.js';
import { takeNeo4jAway } from './processes.js';

/** Options of an ingest fault run. */
export interface IngestFaultOptions {
  config: Config;
  trials: number;
  /** Statements in the corpus (the records of the ingest). */
  records: number;
  /** Actors in the corpus (default: records / 20, at least 30). */
  actors?: number;
  /** Random seed of the corpus. */
  seed?: number;
  report: Report;
}

/** What the plan says the graph must hold. */
export interface ExpectedGraph {
  nodes: number;
  /** Distinct (from, type, to): what MERGE (a)-[:T]->(b) leaves. */
  relationships: number;
  /** Node rows planned (equals nodes when no id is planned twice). */
  nodeRows: number;
  /** Nodes the plan gives no relationship. */
  isolated: number;
  files: number;
}

/** The checks after one trial's rerun. */
export interface GraphCheck {
  nodes: number;
  relationships: number;
  duplicateIds: number;
  duplicateRelationships: number;
  /** Nodes that are not diplograph entities (no :Entity label or no id). */
  strayNodes: number;
  /** Entities without any relationship, against the plan's isolated count. */
  isolated: number;
}

/** One trial's figures. */
export interface IngestTrial {
  trial: number;
  killAfterMs: number;
  /** Node rows in batches the ingest had seen committed when Neo4j died. */
  acknowledgedNodes: number;
  /** What the interrupted ingest ended with. */
  interruptedBy: string;
  /** Entities found after the restart, before the rerun (must be >= acknowledgedNodes). */
  nodesAfterRestart: number;
  restartSeconds: number;
  rerunSeconds: number;
  check: GraphCheck;
  problems: string[];
}

/** The result of a run. */
export interface IngestFaultResult {
  expected: ExpectedGraph;
  referenceSeconds: number;
  trials: IngestTrial[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Plans the whole corpus without a database: what a complete ingest must leave. */
export function expectedGraph(corpus: Parameters<typeof generateCorpus>[0]): ExpectedGraph {
  const ids = new Set<string>();
  const linked = new Set<string>();
  const triples = new Set<string>();
  let nodeRows = 0;
  let files = 0;
  for (const file of generateCorpus(corpus)) {
    files++;
    const plan = planFile(file);
    nodeRows += plan.nodes.length;
    for (const n of plan.nodes) ids.add(n.id);
    for (const r of plan.rels) {
      triples.add(`${r.from}\u0000${r.type}\u0000${r.to}`);
      linked.add(r.from);
      linked.add(r.to);
    }
  }
  let isolated = 0;
  for (const id of ids) if (!linked.has(id)) isolated++;
  return { nodes: ids.size, relationships: triples.size, nodeRows, isolated, files };
}

/**
 * Empties the graph in small separate transactions, relationships first. Not
 * src/ingest's deleteGraph: its DETACH DELETE of hub nodes carrying tens of thousands
 * of relationships, under one outer CALL ... IN TRANSACTIONS, exceeds the transaction
 * memory limit of a Neo4j with a 512m-1g heap (dbms.memory.transaction.total.max).
 */
export async function emptyGraph(driver: Driver, database: string): Promise<void> {
  for (const statement of ['MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n', 'MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n']) {
    for (;;) {
      const { records } = await driver.executeQuery(statement, {}, { database });
      if ((toPlain(records[0]?.get('n')) as number) === 0) break;
    }
  }
}

/** Counts and checks the graph after an ingest. */
export async function checkGraph(driver: Driver, database: string): Promise<GraphCheck> {
  const counts = await countGraph(driver, database);
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) WHERE NOT n:Entity OR n.id IS NULL RETURN count(n) AS strayNodes }
     CALL () { MATCH (n:Entity) WHERE NOT EXISTS { (n)--() } RETURN count(n) AS isolated }
     RETURN strayNodes, isolated`,
    {},
    { database },
  );
  const extra = toPlain(records[0]!.toObject()) as { strayNodes: number; isolated: number };
  return { ...counts, ...extra };
}

/** What is wrong with a checked graph, against the plan. */
export function graphProblems(check: GraphCheck, expected: ExpectedGraph): string[] {
  const problems: string[] = [];
  if (check.nodes !== expected.nodes) problems.push(`${check.nodes} entities, expected ${expected.nodes}`);
  if (check.relationships !== expected.relationships) problems.push(`${check.relationships} relationships, expected ${expected.relationships}`);
  if (check.duplicateIds > 0) problems.push(`${check.duplicateIds} ids held by more than one node`);
  if (check.duplicateRelationships > 0) problems.push(`${check.duplicateRelationships} relationships written twice`);
  if (check.strayNodes > 0) problems.push(`${check.strayNodes} nodes that are not entities (orphans of a partial write)`);
  if (check.isolated !== expected.isolated) problems.push(`${check.isolated} entities without relationships, the plan has ${expected.isolated}`);
  return problems;
}

/** Runs a reference ingest, then the trials, on the local Neo4j of `config` (whose graph it empties). */
export async function runIngestFaults(opts: IngestFaultOptions): Promise<IngestFaultResult> {
  const { config, report } = opts;
  const database = config.neo4j.database;
  const corpus = { actors: opts.actors ?? Math.max(30, Math.round(opts.records / 20)), statements: opts.records, seed: opts.seed ?? 1 };
  const expected = expectedGraph(corpus);
  report(`corpus: ${opts.records} statements, ${corpus.actors} actors, ${expected.files} files -> ${expected.nodes} entities, ${expected.relationships} relationships`);
  await startNeo4j(config, report);
  const connect = () => openDriver(resolveNeo4jConnection(config));

  // Reference: a clean, uninterrupted ingest, to know how long one takes (kills land inside it).
  let driver = connect();
  let referenceSeconds: number;
  try {
    await applySchema(driver, database);
    await emptyGraph(driver, database);
    const t = performance.now();
    await ingestFiles(driver, generateCorpus(corpus), { database });
    referenceSeconds = (performance.now() - t) / 1000;
    const problems = graphProblems(await checkGraph(driver, database), expected);
    report(`reference ingest: ${round(referenceSeconds)} s${problems.length ? `; PROBLEMS: ${problems.join('; ')}` : ', counts exact'}`);
  } finally {
    await driver.close();
  }

  const trials: IngestTrial[] = [];
  for (let trial = 1; trial <= opts.trials; trial++) {
    driver = connect();
    await emptyGraph(driver, database);
    // The kill lands once a random share (5-95 %) of the entities is committed, plus a
    // random 0-2 s, so that it hits between batches and inside transactions alike. (A
    // delay drawn from the reference run's duration missed the ingest 4 times in 10:
    // a load from empty runs at very different speeds on a busy machine.)
    const target = Math.round((randomInt(5, 96) / 100) * expected.nodeRows);
    let acknowledged: IngestStats | undefined;
    let reached: () => void = () => undefined;
    const targetReached = new Promise<void>((resolve) => (reached = resolve));
    const started = performance.now();
    const ingest = ingestFiles(driver, generateCorpus(corpus), {
      database,
      onBatch: (s) => {
        acknowledged = s;
        if (s.nodes >= target) reached();
      },
    }).then(
      () => 'completed before the kill',
      (err: unknown) => `${neo4jErrorKind(err)}: ${(err as Error).message.split('\n')[0]!.slice(0, 100)}`,
    );
    await Promise.race([targetReached, ingest]);
    await new Promise((resolve) => setTimeout(resolve, randomInt(0, 2_001)));
    const killAfterMs = Math.round(performance.now() - started);
    await takeNeo4jAway(config, 'sigkill', report);
    const interruptedBy = await ingest;
    const acknowledgedNodes = acknowledged?.nodes ?? 0;
    await driver.close().catch(() => undefined);

    const restartStarted = performance.now();
    await startNeo4j(config, report);
    const restartSeconds = (performance.now() - restartStarted) / 1000;
    driver = connect();
    try {
      const nodesAfterRestart = (await countGraph(driver, database)).nodes;
      const rerunStarted = performance.now();
      await ingestFiles(driver, generateCorpus(corpus), { database });
      const rerunSeconds = (performance.now() - rerunStarted) / 1000;
      const check = await checkGraph(driver, database);
      const problems = graphProblems(check, expected);
      if (nodesAfterRestart < acknowledgedNodes && expected.nodeRows === expected.nodes) {
        problems.push(`acknowledged writes lost: ${acknowledgedNodes} entities committed before the kill, ${nodesAfterRestart} after the restart`);
      }
      const t: IngestTrial = { trial, killAfterMs, acknowledgedNodes, interruptedBy, nodesAfterRestart, restartSeconds: round(restartSeconds), rerunSeconds: round(rerunSeconds), check, problems };
      trials.push(t);
      report(formatTrial(t, expected));
    } finally {
      await driver.close();
    }
  }
  driver = connect();
  try {
    await emptyGraph(driver, database);
  } finally {
    await driver.close();
  }
  return { expected, referenceSeconds: round(referenceSeconds), trials };
}

/** One trial as a line. */
export function formatTrial(t: IngestTrial, expected: ExpectedGraph): string {
  return (
    `trial ${t.trial}: killed after ${(t.killAfterMs / 1000).toFixed(1)} s (${t.acknowledgedNodes} entities acknowledged; ingest ${t.interruptedBy}); ` +
    `${t.nodesAfterRestart} entities after restart (${t.restartSeconds} s); rerun ${t.rerunSeconds} s -> ` +
    `${t.check.nodes}/${expected.nodes} entities, ${t.check.relationships}/${expected.relationships} relationships, ` +
    `dup ids ${t.check.duplicateIds}, dup rels ${t.check.duplicateRelationships}, stray ${t.check.strayNodes}, isolated ${t.check.isolated}/${expected.isolated}: ` +
    (t.problems.length === 0 ? 'OK' : `FAILED: ${t.problems.join('; ')}`)
  );
}
