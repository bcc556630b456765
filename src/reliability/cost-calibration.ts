/**
 * Calibrates the cost estimate against Neo4j: runs each analytical field with the
 * arguments that change its work, through the real server and resolvers, with every
 * Cypher query PROFILEd, and reports the db hits each operation took beside the work
 * src/graphql/field-work.ts assigns it. The table in docs/reliability.md comes from it.
 */
import { buildASTSchema, parse, type OperationDefinitionNode } from 'graphql';
import type { Driver, ManagedTransaction, QueryResult, RecordShape, Session } from 'neo4j-driver';
import type { Config } from '../config.js';
import { createGraphContext } from '../graphql/context.js';
import { estimateOperationCost } from '../graphql/operation-cost.js';
import { DB_HITS_PER_UNIT, fieldWork } from '../graphql/field-work.js';
import { readLocalSizes, trackGraphSize, wantsSizes, type GraphScale, type LocalSizes } from '../graphql/graph-size.js';
import { PROVENANCE_TYPES } from '../graph/paths.js';
import { resolvers } from '../graphql/resolvers.js';
import { loadTypeDefs } from '../graphql/type-defs.js';
import { createLogger } from '../logger.js';
import { cypher } from '../neo4j/cypher.js';
import { createServer, type ServerDeps } from '../server.js';


/** The ids the operations run on (a hub where the graph has one). */
export interface CalibrationIds {
  /** The entity at the centre of neighbourhoods and the start of paths. */
  hub: string;
  /** The end of paths. */
  other: string;
  demand: string;
  /** Up to 10 actors for agreement. */
  actors: string[];
  /** The issue the lists are filtered by (decision 0062), its sub-issues included; no issue probes without it. */
  issue?: string;
  /** A date range (YYYY, YYYY-MM or YYYY-MM-DD) the lists are filtered by; none without it. */
  from?: string;
  to?: string;
  /** The event event chains start at (issue 16); no eventChain probe without it. */
  event?: string;
  /** Measure only these fields (all when absent). */
  only?: string[];
  /** The neighbourhood's depths to measure (1, 2 and 3 when absent): a hub's depth 3 takes minutes at 10^6. */
  depths?: number[];
}

/** One measured operation. */
export interface CalibrationRow {
  field: string;
  args: string;
  dbHits: number;
  queries: number;
  /** The work field-work.ts assigns for this graph's size, in units, and in db hits (units x DB_HITS_PER_UNIT). */
  workUnits: number;
  /** The graph's statements, which the work is weighed for. */
  statements: number;
  /** The whole operation's estimate (work plus the size of the answer). */
  estimate: number;
  ms: number;
  /** Bytes of the JSON answer. */
  bytes: number;
  /** The sizes read for its estimate (cypher/read/cost-sizes.cypher; decisions 0068, 0069), when it wants any. */
  sizes?: LocalSizes;
  /** Why the operation gave no answer (e.g. over the 120 s transaction timeout at 10^6); its db hits are then unmeasured. */
  error?: string;
}

interface Probe {
  field: string;
  args: Record<string, unknown>;
  query: string;
}

const subgraph = 'nodes { id kind label subkind } edges { id type source target properties } truncated';

/** The operations measured: each analytical field over the arguments that change its work. */
export function calibrationProbes(ids: CalibrationIds): Probe[] {
  const probes: Probe[] = [];
  for (const includeProvenance of [false, true]) {
    for (const depth of ids.depths ?? [1, 2, 3]) {
      const args = { id: ids.hub, depth, limit: 500, includeProvenance };
      probes.push({ field: 'neighbourhood', args, query: `{ neighbourhood(id: ${JSON.stringify(ids.hub)}, depth: ${depth}, limit: 500, includeProvenance: ${includeProvenance}) { ${subgraph} } }` });
    }
    for (const maxHops of [2, 4, 6, 8]) {
      const args = { fromId: ids.hub, toId: ids.other, maxHops, first: 50, includeProvenance };
      probes.push({
        field: 'paths',
        args,
        query: `{ paths(fromId: ${JSON.stringify(ids.hub)}, toId: ${JSON.stringify(ids.other)}, maxHops: ${maxHops}, first: 50, includeProvenance: ${includeProvenance}) { paths { length nodes { id label } edges { type } } } }`,
      });
    }
  }
  for (const includeDerived of [false, true]) {
    probes.push({
      field: 'positions',
      args: { demandId: ids.demand, includeDerived },
      query: `{ positions(demandId: ${JSON.stringify(ids.demand)}, includeDerived: ${includeDerived}) { positions { actor { id label } kind basis derived reasoning evidence { id text } } } }`,
    });
  }
  for (const n of [2, Math.min(10, ids.actors.length)]) {
    const actorIds = ids.actors.slice(0, n);
    probes.push({
      field: 'agreement',
      args: { actorIds },
      query: `{ agreement(actorIds: ${JSON.stringify(actorIds)}) { agreeCount disagreeCount topics { verdict topic { id label } positions { actor { id } kind derived reasoning } } } }`,
    });
  }
  // The lists by what they start from (decision 0062): unfiltered (the count store and a date
  // index in order), from the hub's items, from an issue's (and its sub-issues'), from a date range.
  const filters: Array<[string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]> = [
    ['', {}, {}, {}],
    ['hub', { actorIds: [ids.hub] }, { speakerIds: [ids.hub] }, { holderIds: [ids.hub] }],
    // The hub with its parts (PART_OF: a ministry, armed forces), which the sizes read counts apart (decision 0069).
    ['hub and its parts', { actorIds: [ids.hub], includeParts: true }, { speakerIds: [ids.hub], includeParts: true }, { holderIds: [ids.hub], includeParts: true }],
  ];
  if (ids.issue) filters.push(['issue', { issueIds: [ids.issue] }, { issueIds: [ids.issue] }, { issueIds: [ids.issue] }]);
  if (ids.from || ids.to) {
    const range = { ...(ids.from ? { from: ids.from } : {}), ...(ids.to ? { to: ids.to } : {}) };
    filters.push(['dates', range, range, range]);
  }
  const arg = (filter: Record<string, unknown>) => (Object.keys(filter).length ? `filter: ${JSON.stringify(filter).replace(/"(\w+)":/g, '$1:')}, ` : '');
  for (const [, timeline, statements, stances] of filters) {
    for (const first of [50, 200]) {
      probes.push({ field: 'timeline', args: { ...(Object.keys(timeline).length ? { filter: timeline } : {}), first }, query: `{ timeline(${arg(timeline)}first: ${first}) { totalCount edges { node { kind title date { iso } entity { id } } } } }` });
      probes.push({ field: 'statements', args: { ...(Object.keys(statements).length ? { filter: statements } : {}), first }, query: `{ statements(${arg(statements)}first: ${first}) { totalCount edges { node { id said { iso } speaker { id } } } } }` });
      probes.push({ field: 'stances', args: { ...(Object.keys(stances).length ? { filter: stances } : {}), first }, query: `{ stances(${arg(stances)}first: ${first}) { totalCount edges { node { id kind date { iso } holder { id } } } } }` });
    }
  }
  if (ids.event) {
    for (const depth of [3, 6]) {
      probes.push({
        field: 'eventChain',
        args: { id: ids.event, depth },
        query: `{ eventChain(id: ${JSON.stringify(ids.event)}, depth: ${depth}) { links { depth link { type cause { id } consequence { id } } } events { id label } } }`,
      });
    }
  }
  for (const first of [20, 100]) {
    probes.push({ field: 'search', args: { text: 'russia nato', first }, query: `{ search(text: "russia nato", first: ${first}) { totalCount edges { kind score matchedText node { id label } } } }` });
  }
  return probes;
}

/**
 * Runs every probe on the configured Neo4j and returns the measured rows. A probe that
 * fails (at 10^6 a hub's neighbourhood can outrun the timeout) is a row with its error,
 * and the others still run; `onRow` sees each row as it is measured.
 */
export async function calibrate(config: Config, driver: Driver, ids: CalibrationIds, onRow?: (row: CalibrationRow) => void): Promise<CalibrationRow[]> {
  const hits = { total: 0, queries: 0 };
  const profiled = profilingDriver(driver, hits);
  const logger = createLogger({ ...config, logLevel: 'warn' });
  const unlimited: Config = {
    ...config,
    // Measured, not bounded: a cold first run on a busy machine can take seconds.
    neo4j: { ...config.neo4j, transactionTimeoutMs: 120_000 },
    http: { ...config.http, host: '127.0.0.1', port: 0 },
    graphql: { ...config.graphql, limits: { ...config.graphql.limits, maxCost: Number.MAX_SAFE_INTEGER, maxAliases: 1_000 } },
    throttle: { ...config.throttle, perClient: 1_000, serverWide: 1_000, queue: 1_000, perClientPerMinute: 1_000_000 },
  };
  const typeDefs = loadTypeDefs();
  const server = createServer({
    config: unlimited,
    driver: profiled,
    logger,
    typeDefs,
    resolvers: resolvers as ServerDeps<never>['resolvers'],
    createContext: (deps) => createGraphContext(deps) as never,
  });
  const { url } = await server.start();
  const schema = buildASTSchema(typeDefs);
  const size = trackGraphSize(driver, config.neo4j.database, logger);
  await size.refresh();
  // The statements and how the dated items spread: a date range alone is weighed by its share (decision 0065).
  const scale = size.scale();
  const statements = scale.statements;
  const rows: CalibrationRow[] = [];
  try {
    for (const probe of calibrationProbes(ids).filter((p) => !ids.only || ids.only.includes(p.field))) {
      hits.total = 0;
      hits.queries = 0;
      const started = performance.now();
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: probe.query }) });
      const text = await res.text();
      const ms = performance.now() - started;
      const body = JSON.parse(text) as { errors?: { message: string }[] };
      const error = body.errors?.length ? body.errors[0]!.message : undefined;
      const document = parse(probe.query);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const coordinate = `Query.${probe.field}`;
      // The sizes the budget plugin reads for this request (decision 0068), read outside the profiled driver.
      const first = estimateOperationCost(schema, document, operation, {}, scale);
      const sized: GraphScale = wantsSizes(first.wanted) ? { ...scale, local: await readLocalSizes(driver, config.neo4j.database, first.wanted, PROVENANCE_TYPES) } : scale;
      const row: CalibrationRow = {
        field: probe.field,
        args: Object.entries({ ...(probe.args['filter'] as object | undefined), ...probe.args })
          .filter(([k]) => !['id', 'fromId', 'toId', 'demandId', 'text', 'filter'].includes(k))
          .map(([k, v]) => `${k}: ${Array.isArray(v) ? `${v.length} ids` : String(v)}`)
          .join(', '),
        dbHits: hits.total,
        queries: hits.queries,
        workUnits: fieldWork(coordinate, probe.args, sized) ?? 0,
        statements,
        estimate: estimateOperationCost(schema, document, operation, {}, sized).cost,
        ms: Math.round(ms),
        bytes: Buffer.byteLength(text),
        ...(sized.local ? { sizes: sized.local } : {}),
        ...(error ? { error } : {}),
      };
      rows.push(row);
      onRow?.(row);
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** The rows as a Markdown table, db hits beside the units field-work.ts assigns. */
export function formatCalibration(rows: CalibrationRow[]): string {
  const lines = [
    `Work weighed for ${(rows[0]?.statements ?? 0).toLocaleString('en')} statements (src/graphql/field-work.ts: growth).`,
    '',
    '| field | arguments | queries | db hits | work (units) | work in db hits | whole estimate | answer | ms |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.error) {
      lines.push(`| ${r.field} | ${r.args} | ${r.queries} | no answer: ${r.error} | ${r.workUnits.toLocaleString('en')} | ${(r.workUnits * DB_HITS_PER_UNIT).toLocaleString('en')} | ${r.estimate.toLocaleString('en')} | - | ${r.ms} |`);
      continue;
    }
    lines.push(
      `| ${r.field} | ${r.args} | ${r.queries} | ${r.dbHits.toLocaleString('en')} | ${r.workUnits.toLocaleString('en')} | ${(r.workUnits * DB_HITS_PER_UNIT).toLocaleString('en')} | ${r.estimate.toLocaleString('en')} | ${(r.bytes / 1024).toFixed(1)} KiB | ${r.ms} |`,
    );
  }
  return lines.join('\n');
}

type Hits = { total: number; queries: number };

/** The sum of db hits over a profiled plan. */
function planHits(plan: { dbHits?: number; children?: unknown[] } | false | undefined): number {
  if (!plan) return 0;
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce<number>((sum, c) => sum + planHits(c as { dbHits?: number; children?: unknown[] }), 0);
}

/**
 * The server's own reads of the graph's size (src/graphql/graph-size.ts) and of a request's sizes for its estimate (decision 0068: reported beside the estimate), not a probe's: at 10^6
 * the dates' read (about 1.5 million db hits) outlasts the server's 2 s wait at start and would
 * be counted in the first probe.
 */
const SERVER_OWN_READS = new Set([cypher('read/graph-size'), cypher('read/graph-dates'), cypher('read/cost-sizes')]);

/** A driver whose sessions and transactions PROFILE every query they run (but the server's own, SERVER_OWN_READS) and add up the db hits. */
function profilingDriver(driver: Driver, hits: Hits): Driver {
  const count = (result: QueryResult<RecordShape>): QueryResult<RecordShape> => {
    hits.total += planHits(result.summary.profile as never);
    hits.queries += 1;
    return result;
  };
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'run') return (text: string, params?: Record<string, unknown>) => (SERVER_OWN_READS.has(text) ? target.run(text, params) : target.run(`PROFILE ${text}`, params).then(count));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop) {
        if (prop === 'run') return (text: string, params?: Record<string, unknown>, cfg?: object) => (SERVER_OWN_READS.has(text) ? target.run(text, params, cfg) : target.run(`PROFILE ${text}`, params, cfg).then(count));
        if (prop === 'executeRead') return (work: (tx: ManagedTransaction) => unknown, cfg?: object) => target.executeRead((tx) => work(wrapTx(tx)), cfg);
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === 'session') return (...args: Parameters<Driver['session']>) => wrapSession(target.session(...args));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
