/**
 * Bulk load of an empty local database with Neo4j's own offline importer
 * (`neo4j-admin database import full`): the files are planned by the same planner as
 * the transactional ingest, written as CSV, and imported while the server is stopped;
 * then the server starts again and the schema (constraints, indexes, full-text) is
 * applied and populated. The derived data (topic positions, attestations) are computed
 * while the CSV is planned and imported with the graph (decision 0050). The result is
 * the graph the transactional path gives (see docs/decisions/0023-offline-bulk-import.md).
 * Refuses a database that is not empty or not local, before anything is stopped or written.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { findJava } from '../local-neo4j/find-java.js';
import { homeLayout } from '../local-neo4j/home-layout.js';
import type { Report } from '../local-neo4j/report.js';
import { startNeo4j } from '../local-neo4j/start-neo4j.js';
import { stopNeo4j } from '../local-neo4j/stop-neo4j.js';
import { resolveNeo4jConnection } from '../neo4j/connection.js';
import { cypher, schemaStatements } from '../neo4j/cypher.js';
import { openDriver } from '../neo4j/driver.js';
import { ARRAY_DELIMITER, BulkCsvWriter, type CsvGroup } from './bulk-csv.js';
import { defaultCsvWorkers, isBulkSource, writeCsvInWorkers, type BulkSource } from './bulk-csv-workers.js';
import { rebuildAllMembershipDates } from '../derived/membership-dates.js';
import { attestationColumns, computeDerivedData, DerivedFacts, STANCE_TRAILING, topicPositionCsvRow } from './bulk-derived.js';
import { planFile, type IngestFile } from './ingest-stream.js';

/** The bulk import cannot run here (not local, not empty, nothing to import); nothing was changed. */
export class BulkImportRefused extends Error {
  override name = 'BulkImportRefused';
}

/** neo4j-admin rejected the data (a duplicate id, a reference to a missing node) or failed. */
export class BulkImportFailed extends Error {
  override name = 'BulkImportFailed';
  constructor(
    message: string,
    /** The last lines of the importer's output and report. */
    readonly details: string[],
  ) {
    super(message);
  }
}

/** Options of bulkImport. */
export interface BulkImportOptions {
  /** Where the CSV files go (default: a fresh folder under the Neo4j home's import/). */
  csvDir?: string;
  /** Keep the CSV files after a successful import (they are always kept after a failure). */
  keepCsv?: boolean;
  /** Progress lines (the CLI prints them on stderr). */
  report: Report;
  /** Worker threads that plan and write CSV when the input is a BulkSource (default: one per core). */
  workers?: number;
  /** Called after each file is written as CSV. */
  onFile?: (files: number, statements: number) => void;
}

/** What a bulk import did, with the time of each phase in seconds. */
export interface BulkImportStats {
  files: number;
  statements: number;
  nodes: number;
  relationships: number;
  csvGroups: number;
  /** Derived :TopicPosition nodes written with the graph (counted in `nodes` too). */
  topicPositions: number;
  /**
   * Seconds per phase. `derived`: computing the derived data and writing them as CSV, a
   * part of `csv` given apart; `lists`: setting the derived lists the importer cannot
   * write, after the start.
   */
  seconds: { csv: number; import: number; start: number; lists: number; schema: number; derived: number; total: number };
  /** Highest resident set size of this process while writing CSV, in bytes. */
  peakRssBytes: number;
}

const since = (t: number): number => (performance.now() - t) / 1000;

/** Refuses unless the configured Neo4j is the local one, whose store files the importer can write. */
function assertLocal(config: Config): void {
  if (!config.neo4j.local) {
    throw new BulkImportRefused(
      `NEO4J_URI is set (${config.neo4j.uri}): the offline importer writes the store files of the local Neo4j only; ` +
        'use `npm run ingest -- DIR` (transactional) for a remote server',
    );
  }
}

/** Refuses unless the configured Neo4j is the local one and its database holds no node at all. */
async function assertEmptyLocal(driver: Driver, config: Config): Promise<void> {
  assertLocal(config);
  const res = await driver.executeQuery(cypher('ingest/count-any-nodes'), {}, { database: config.neo4j.database, routing: 'READ' });
  const nodes = Number(res.records[0]?.get('nodes'));
  if (nodes > 0) {
    throw new BulkImportRefused(
      `database "${config.neo4j.database}" is not empty (${nodes.toLocaleString('en-US')}+ nodes): the offline importer replaces the whole store. ` +
        `Empty it first (\`npm run db:stop\`, then delete ${homeLayout(config.localNeo4j.home).data}; the next start sets the password ` +
        'kept in the password file again), or add to it with `npm run ingest -- DIR` (transactional)',
    );
  }
}

/**
 * Imports `files` into the empty local database: CSV first (the server keeps running;
 * written in worker threads when `files` is a BulkSource, in this thread otherwise),
 * then stop, import, start, schema. Throws BulkImportRefused before touching anything
 * when the database is not local or not empty.
 */
export async function bulkImport(
  driver: Driver,
  config: Config,
  files: Iterable<IngestFile> | AsyncIterable<IngestFile> | BulkSource,
  opts: BulkImportOptions,
): Promise<BulkImportStats> {
  const started = performance.now();
  const layout = homeLayout(config.localNeo4j.home);
  assertLocal(config);
  await startNeo4j(config, opts.report);
  await assertEmptyLocal(driver, config);

  const dir = opts.csvDir ?? path.join(layout.import, `bulk-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  if (dir.includes(',')) throw new BulkImportRefused(`the CSV folder ${dir} has a comma in its path, which neo4j-admin's file lists cannot hold`);
  const stats: BulkImportStats = {
    files: 0, statements: 0, nodes: 0, relationships: 0, csvGroups: 0, topicPositions: 0,
    seconds: { csv: 0, import: 0, start: 0, lists: 0, schema: 0, derived: 0, total: 0 },
    peakRssBytes: process.memoryUsage().rss,
  };

  let t = performance.now();
  let groups: CsvGroup[];
  if (isBulkSource(files)) {
    const workers = opts.workers ?? defaultCsvWorkers();
    const sampler = setInterval(() => (stats.peakRssBytes = Math.max(stats.peakRssBytes, process.memoryUsage().rss)), 200);
    try {
      const written = await writeCsvInWorkers(dir, files, workers, opts.onFile);
      groups = written.groups;
      Object.assign(stats, { files: written.files, statements: written.statements, nodes: written.nodes, relationships: written.relationships, topicPositions: written.topicPositions });
      stats.seconds.derived = written.derivedSeconds;
    } finally {
      clearInterval(sampler);
    }
    opts.report(`Planned and wrote CSV in ${workers} worker thread${workers === 1 ? '' : 's'}`);
  } else {
    const writer = new BulkCsvWriter(dir);
    // Stances wait for their attestation, which may rest on any file (bulk-derived.ts).
    const facts = new DerivedFacts();
    try {
      for await (const file of files) {
        const planned = planFile(file);
        facts.add(planned.nodes, planned.rels);
        writer.addNodes(planned.nodes.filter((n) => n.label !== 'Stance'));
        writer.holdNodes(planned.nodes.filter((n) => n.label === 'Stance'), STANCE_TRAILING);
        writer.addRelationships(planned.rels);
        stats.files++;
        stats.statements += planned.statements;
        stats.nodes += planned.nodes.length;
        stats.relationships += planned.rels.length;
        stats.peakRssBytes = Math.max(stats.peakRssBytes, process.memoryUsage().rss);
        opts.onFile?.(stats.files, stats.statements);
      }
      const td = performance.now();
      const derived = computeDerivedData([facts.toData()]);
      writer.releaseHeld((id) => attestationColumns(derived.attestations.get(id)));
      writer.addTopicPositions(derived.positions.map(topicPositionCsvRow));
      stats.topicPositions = derived.positions.length;
      stats.nodes += derived.positions.length;
      stats.seconds.derived = since(td);
    } finally {
      groups = writer.close();
    }
  }
  stats.csvGroups = groups.length;
  stats.seconds.csv = since(t);
  if (stats.nodes === 0) throw new BulkImportRefused('the files hold no node: nothing to import');
  opts.report(`Computed ${stats.topicPositions.toLocaleString('en-US')} topic positions and the stances' attestations (${stats.seconds.derived.toFixed(1)} s)`);
  opts.report(`Wrote ${stats.nodes.toLocaleString('en-US')} nodes and ${stats.relationships.toLocaleString('en-US')} relationships as ${groups.length} CSV groups in ${dir} (${stats.seconds.csv.toFixed(1)} s)`);

  // Checked again just before the store is replaced: a write may have landed meanwhile.
  await assertEmptyLocal(driver, config);
  await stopNeo4j(config, opts.report);
  t = performance.now();
  try {
    await runImporter(config, dir, groups, opts.report);
  } catch (err) {
    // A failed import leaves store files "likely in an unusable state" (neo4j-admin's
    // words). The database was empty: remove them, so the server starts with a new empty one.
    for (const sub of ['databases', 'transactions']) fs.rmSync(path.join(layout.data, sub, config.neo4j.database), { recursive: true, force: true });
    await startNeo4j(config, opts.report).catch((startErr: unknown) => opts.report(`warning: Neo4j did not start again: ${(startErr as Error).message}`));
    throw err;
  }
  stats.seconds.import = since(t);
  t = performance.now();
  await startNeo4j(config, opts.report);
  stats.seconds.start = since(t);
  t = performance.now();
  // A driver of its own: the caller's holds bookmarks of the replaced store, whose
  // transaction ids the new store has not reached ("not up to the requested version").
  const fresh = openDriver(resolveNeo4jConnection(config));
  try {
    await applySchemaToImportedGraph(fresh, config.neo4j.database, opts.report);
    stats.seconds.schema = since(t);
    // After the schema: populating the indexes has read the store into the page cache
    // (just after the start, this scan of the derived nodes read them from disk).
    t = performance.now();
    await fillEmptyLists(fresh, config.neo4j.database);
    stats.seconds.lists = since(t);
    opts.report(`Set the derived positions' lists the importer cannot write (${stats.seconds.lists.toFixed(1)} s)`);
    // Membership dates (decision 0054): few memberships, rebuilt by the writes' own function rather than planned as CSV.
    t = performance.now();
    const withDates = await rebuildAllMembershipDates(fresh, config.neo4j.database);
    opts.report(`Built the membership dates of ${withDates} actors (${since(t).toFixed(1)} s)`);
  } finally {
    await fresh.close();
  }
  if (!opts.keepCsv) fs.rmSync(dir, { recursive: true, force: true });
  stats.seconds.total = since(started);
  return stats;
}

/** Sets the derived positions' empty lists and lists of one empty string, which neo4j-admin reads as no value. */
async function fillEmptyLists(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run(cypher('ingest/bulk-fill-empty-lists'), { batch: neo4j.int(10_000) });
  } finally {
    await session.close();
  }
}

/**
 * Creating a constraint or index on an imported graph populates it inside the creating
 * transaction: at 10^6 statements (1.6 million nodes) that outlasts the local server's
 * db.transaction.timeout (120 s), so these transactions say how long they may take.
 */
const SCHEMA_POPULATION_TIMEOUT_MS = 3_600_000;

/**
 * The schema of an imported graph in two transactions instead of one per statement:
 * the constraints (each populates its own uniqueness index as it is created), then every
 * index and full-text index together, which Neo4j populates in one pass over the store
 * instead of one pass per index (decision 0047). The transactions may run as long as
 * populating a large graph takes.
 */
export async function applySchemaToImportedGraph(driver: Driver, database: string, report?: Report): Promise<void> {
  const transactionConfig = { timeout: SCHEMA_POPULATION_TIMEOUT_MS };
  const statements = schemaStatements();
  const constraints = statements.filter((s) => /^CREATE\s+CONSTRAINT\b/i.test(s));
  const rest = statements.filter((s) => !constraints.includes(s));
  const session = driver.session({ database });
  try {
    for (const [what, batch] of [['constraints', constraints], ['indexes', rest]] as const) {
      const t = performance.now();
      await session.executeWrite(async (tx) => {
        for (const statement of batch) await tx.run(statement);
      }, { timeout: SCHEMA_POPULATION_TIMEOUT_MS });
      if (what === 'indexes') await session.run(`CALL db.awaitIndexes(${SCHEMA_POPULATION_TIMEOUT_MS / 1000})`, {}, transactionConfig);
      report?.(`Created ${batch.length} ${what} in one transaction${what === 'indexes' ? ' and waited for them to come online' : ''} (${since(t).toFixed(1)} s)`);
    }
  } finally {
    await session.close();
  }
}

/** The importer's arguments: the database first (since 5.19), then one group per header. */
export function importerArgs(database: string, dir: string, groups: CsvGroup[]): string[] {
  const multiline = groups.filter((g) => g.multiline).flatMap((g) => g.data);
  return [
    'database', 'import', 'full', database,
    '--overwrite-destination=true',
    '--verbose',
    '--id-type=string',
    `--array-delimiter=U+${ARRAY_DELIMITER.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    `--report-file=${path.join(dir, 'import.report')}`,
    ...(multiline.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    ...groups.map((g) => `--${g.kind}=${g.labelOrType}=${[g.header, ...g.data].join(',')}`),
  ];
}

async function runImporter(config: Config, dir: string, groups: CsvGroup[], report: Report): Promise<void> {
  const layout = homeLayout(config.localNeo4j.home);
  const java = findJava(config.localNeo4j.javaHome);
  const logFile = path.join(dir, 'neo4j-admin.log');
  const out = fs.openSync(logFile, 'w');
  report(`Importing with neo4j-admin database import full (log: ${logFile}) ...`);
  let code: number | null;
  try {
    const child = spawn(
      java.bin,
      [`-Xmx${config.localNeo4j.heap}`, '-cp', `${layout.lib}/*`, 'org.neo4j.cli.AdminTool', ...importerArgs(config.neo4j.database, dir, groups)],
      // A minimal environment, as for the server: no secret of ours in the tool's.
      { cwd: layout.home, env: { NEO4J_HOME: layout.home, NEO4J_CONF: layout.conf, LANG: 'C.UTF-8' }, stdio: ['ignore', out, out] },
    );
    code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c) => resolve(c));
    });
  } finally {
    fs.closeSync(out);
  }
  if (code !== 0) {
    const tail = (file: string): string[] => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-15) : []);
    const details = [...tail(path.join(dir, 'import.report')), ...tail(logFile)];
    const cause = details.find((l) => /duplicate|missing|not found|referring|Exception|Error:/i.test(l)) ?? details.at(-1) ?? 'no output';
    throw new BulkImportFailed(`neo4j-admin database import failed (exit ${code}): ${cause}; the CSV files stay in ${dir}`, details);
  }
}
