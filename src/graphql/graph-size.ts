/**
 * How large the graph is, for the operation cost limit: the analytical fields' work
 * grows with the corpus (src/graphql/field-work.ts), so the estimate is weighed for the
 * number of statements the graph holds. Read at start and then every five minutes in the
 * background (a count-store read); requests never wait for it. How the dated items spread
 * over the months (cypher/read/graph-dates.cypher, an index read of every dated item) is
 * read with it at start and again only when the counts changed (decision 0065): a list
 * filtered by a date range alone is weighed by the share of the items its read covers.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../logger.js';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import { PROVENANCE_TYPES } from '../graph/paths.js';

/** How often the size is read again: it changes with loads, slowly against a request's time. */
export const GRAPH_SIZE_REFRESH_MS = 5 * 60_000;
/** How long start() waits for the first read (a Neo4j that is away must not hold the server's start). */
const FIRST_READ_WAIT_MS = 2_000;

/** Items per month of their start date: [year * 12 + month - 1, count], in month order. */
export type MonthCounts = ReadonlyArray<readonly [number, number]>;

/** How the dated items of each kind spread over time (cypher/read/graph-dates.cypher). */
export interface GraphDates {
  statements: MonthCounts;
  stances: MonthCounts;
  events: MonthCounts;
}

/** A start node's relationships and its neighbours' (cypher/read/cost-sizes.cypher), for a neighbourhood (decisions 0068, 0069). */
export interface NodeDegree {
  /** The node's relationships, and those a plain neighbourhood follows (not provenance). */
  degree: number;
  plainDegree: number;
  /** Its relationships the neighbours were read from (at most NEIGHBOURS_SAMPLED), and of those the plain ones. */
  sampled: number;
  sampledPlain: number;
  /** The relationships of the Entity neighbours those reach, and of those reached by a relationship a plain neighbourhood follows. */
  around: number;
  aroundPlain: number;
  /** The distinct Entity neighbours the sampled relationships reach, and those reached by a plain one (when read). */
  neighbours?: number;
  neighboursPlain?: number;
  /** The node's outgoing relationships, and those of the sampled neighbours (all; reached by a plain one): the relationships among the kept nodes are read outgoing. */
  outDegree?: number;
  aroundOut?: number;
  aroundOutPlain?: number;
  /** The outgoing relationships of the first NEIGHBOURS_KEPT sampled neighbours by id (those a depth 1 keeps), all and reached by a plain one. */
  keptOut?: number;
  keptOutPlain?: number;
  /** The second hop, sampled: its relationships read (at most NEIGHBOURS_HOP2) and the relationships of the distinct nodes they reach; plain, through plain relationships only. */
  hop2?: number;
  reach?: number;
  hop2Plain?: number;
  reachPlain?: number;
  /** The graph's mean degree (2 x relationships / nodes, count store) when read. */
  meanDegree?: number;
  /** The graph's relationships (count store) when read: twice this is every node's degree summed, what a depth 3 can reach at most. */
  relationships?: number;
}

/** An issue's CONCERNS relationships, its own and its sub-issues' (cypher/read/cost-sizes.cypher). */
export interface IssueSize {
  own: number;
  subIssues: number;
}

/** An actor's relationships a list filtered by it starts from, by type (cypher/read/cost-sizes.cypher). */
export interface ActorItems {
  /** Events it PARTICIPATED_IN or is CLAIMED_BY. */
  events: number;
  /** Statements it SAID, and those said ON_BEHALF_OF it. */
  said: number;
  onBehalfOf: number;
  /** Stances it TOOK. */
  took: number;
}

/** An actor filter's actor (decision 0069): its own relationships and its parts' (PART_OF at any depth, which includeParts adds). */
export interface ActorSize {
  own: ActorItems;
  parts: ActorItems;
}

/** Sizes of the nodes a request starts from, read for it (decisions 0068, 0069): by entity id, by issue id and by actor id; an id not found is absent. */
export interface LocalSizes {
  degrees: Readonly<Record<string, NodeDegree>>;
  issues: Readonly<Record<string, IssueSize>>;
  actors?: Readonly<Record<string, ActorSize>>;
}

/** The ids whose sizes would weigh a request (src/graphql/field-work.ts: sizesWanted). */
export interface SizesWanted {
  entities: string[];
  issues: string[];
  actors: string[];
}

/** Whether `wanted` names any id (the request then reads sizes before its estimate). */
export const wantsSizes = (wanted: SizesWanted): boolean => wanted.entities.length + wanted.issues.length + wanted.actors.length > 0;

/** What the cost estimate weighs the analytical fields' work for: the statements, where known how the dated items spread, and the sizes read for the request. */
export interface GraphScale {
  statements: number;
  dates?: GraphDates;
  local?: LocalSizes;
}

/**
 * The dates last read in this process, by the statement count they were read at: the budget
 * plugin hands the estimate only a number (src/graphql/operation-budget-plugin.ts), and a
 * process serves one graph (one driver). A count that differs (another graph) finds nothing,
 * and a date range is then weighed as covering every item; after a load the last dates stand
 * for the new count until they are read again (or when that read fails).
 */
let lastDates: { statements: number; dates: GraphDates } | undefined;
/** Counts every change of lastDates: what an estimate made from scaleOf depends on besides the count. */
let datesChanges = 0;

/** How many times the dates scaleOf hands out have changed in this process (a key part for remembered estimates). */
export const datesVersion = (): number => datesChanges;

/** The scale of a graph of `statements`, with the dates last read for a graph of that many (see lastDates). */
export function scaleOf(statements: number | GraphScale): GraphScale {
  if (typeof statements !== 'number') return statements;
  return lastDates && lastDates.statements === statements && statements > 0 ? { statements, dates: lastDates.dates } : { statements };
}

/** The start node's relationships whose neighbours are read (about 4 db hits each: 20,000 at most, a hub's depth 2 is millions); past it they are a sample. */
export const NEIGHBOURS_SAMPLED = 5_000;
/** The second hop's relationships read for a depth 3 (decision 0069), each variant: past it, the sample is scaled up. */
export const NEIGHBOURS_HOP2 = 2_000;
/** The neighbours a depth 1 keeps at most (the schema's largest `limit`), whose outgoing relationships are read (decision 0069). */
export const NEIGHBOURS_KEPT = 500;

/** Reads the sizes of `wanted` (cypher/read/cost-sizes.cypher): a few db hits an issue or an actor, about 4 a start node's relationship (at most NEIGHBOURS_SAMPLED). */
export async function readLocalSizes(driver: Driver, database: string, wanted: SizesWanted, excluded: readonly string[]): Promise<LocalSizes> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const params = { entityIds: wanted.entities, issueIds: wanted.issues, actorIds: wanted.actors, excluded, sample: neo4j.int(NEIGHBOURS_SAMPLED), kept: neo4j.int(NEIGHBOURS_KEPT), hop2: neo4j.int(NEIGHBOURS_HOP2) };
    const res = await session.executeRead((tx) => tx.run(cypher('read/cost-sizes'), params));
    const row = toPlain(res.records[0]?.toObject()) as { degrees?: Array<Record<string, unknown>>; issues?: number[][]; actors?: number[][]; meanDegree?: number; relationships?: number } | undefined;
    const graph = {
      ...(typeof row?.meanDegree === 'number' ? { meanDegree: row.meanDegree } : {}),
      ...(typeof row?.relationships === 'number' ? { relationships: row.relationships } : {}),
    };
    const degrees: Record<string, NodeDegree> = {};
    for (const { id, ...counts } of row?.degrees ?? []) {
      // Every count the read names (NodeDegree's fields), as numbers.
      const d = Object.fromEntries(Object.entries(counts).filter(([, v]) => typeof v === 'number')) as unknown as NodeDegree;
      degrees[id as string] = { ...d, ...graph };
    }
    const issues: Record<string, IssueSize> = {};
    for (const [id, own, subIssues] of (row?.issues ?? []) as unknown as [string, number, number][]) issues[id] = { own, subIssues };
    const actors: Record<string, ActorSize> = {};
    for (const [id, ...n] of (row?.actors ?? []) as unknown as [string, ...number[]][]) {
      actors[id] = { own: { events: n[0]!, said: n[1]!, onBehalfOf: n[2]!, took: n[3]! }, parts: { events: n[4]!, said: n[5]!, onBehalfOf: n[6]!, took: n[7]! } };
    }
    return { degrees, issues, actors };
  } finally {
    await session.close();
  }
}

/**
 * The reader of sizes for the requests of this process: set by trackGraphSize (one driver a
 * process, as lastDates), read by the budget plugin (src/graphql/operation-budget-plugin.ts:
 * localSizes), which is handed only the statement count.
 */
let sizesReader: ((wanted: SizesWanted) => Promise<LocalSizes>) | undefined;

/**
 * How long a request waits for its sizes: past it, it is weighed as before (the graph's largest
 * issue, the hub's neighbourhood). A hub's read (20,000 db hits) took 2 s on a cold 10^6 graph
 * at load 10.
 */
export const LOCAL_SIZES_WAIT_MS = 5_000;

/**
 * The sizes read so far, by id: a hub's read costs about 77,000 db hits (decision 0069) and a
 * state's 80,000 at 10^6 (0.1-0.3 s), and without this every request for a hub's depth 2 would
 * pay it again before being refused (an anonymous client could make Neo4j do that in a loop).
 * Emptied when it holds SIZES_REMEMBERED ids, and when the graph's items have moved by more
 * than SIZES_DRIFT since it was last emptied (graph-size reads the counts every
 * GRAPH_SIZE_REFRESH_MS): sizes move slowly against the estimate's precision, and emptying it
 * whenever the counts differ would make a graph written now and then read every node's sizes
 * again every few minutes.
 */
const knownSizes = { degrees: new Map<string, NodeDegree>(), issues: new Map<string, IssueSize>(), actors: new Map<string, ActorSize>() };
/** The reads of sizes under way, by the ids they read (JSON). */
const readsInFlight = new Map<string, Promise<LocalSizes | undefined>>();
/** How many ids' sizes are kept (a few hundred bytes each). */
export const SIZES_REMEMBERED = 10_000;
/**
 * The share by which the graph's statements, stances and events together may move from those the
 * remembered sizes were read at before they are read again (and at least SIZES_DRIFT_MIN items,
 * so that a small graph is not read again for every statement).
 */
export const SIZES_DRIFT = 0.05;
export const SIZES_DRIFT_MIN = 5;

/** Whether sizes remembered for a graph of `at` items (statements, stances, events) still stand for one of `now`; `at` undefined: none are. */
export function sizesStillStand(at: number | undefined, now: number): boolean {
  return at !== undefined && Math.abs(now - at) <= Math.max(SIZES_DRIFT * at, SIZES_DRIFT_MIN);
}

function forgetSizes(): void {
  knownSizes.degrees.clear();
  knownSizes.issues.clear();
  knownSizes.actors.clear();
}

/**
 * The sizes of `wanted` for a request: those read before for the same counts, the rest read
 * now; undefined without a reader, on a failure or past LOCAL_SIZES_WAIT_MS.
 */
export async function localSizes(wanted: SizesWanted): Promise<LocalSizes | undefined> {
  if (!sizesReader) return undefined;
  const missing = {
    entities: wanted.entities.filter((id) => !knownSizes.degrees.has(id)),
    issues: wanted.issues.filter((id) => !knownSizes.issues.has(id)),
    actors: wanted.actors.filter((id) => !knownSizes.actors.has(id)),
  };
  if (wantsSizes(missing)) {
    const key = JSON.stringify(missing);
    // Requests that want the same ids while they are being read share the one read (a burst for a
    // cold hub makes Neo4j read it once); what it finds is remembered even when it outlasts the wait.
    let reading = readsInFlight.get(key);
    if (!reading) {
      reading = sizesReader(missing)
        .then((read) => {
          if (knownSizes.degrees.size + knownSizes.issues.size + knownSizes.actors.size >= SIZES_REMEMBERED) forgetSizes();
          for (const [id, d] of Object.entries(read.degrees)) knownSizes.degrees.set(id, d);
          for (const [id, i] of Object.entries(read.issues)) knownSizes.issues.set(id, i);
          for (const [id, a] of Object.entries(read.actors ?? {})) knownSizes.actors.set(id, a);
          return read;
        })
        .catch(() => undefined)
        .finally(() => readsInFlight.delete(key));
      readsInFlight.set(key, reading);
    }
    let wait: NodeJS.Timeout | undefined;
    let read: LocalSizes | undefined;
    try {
      read = await Promise.race([reading, new Promise<undefined>((resolve) => (wait = setTimeout(() => resolve(undefined), LOCAL_SIZES_WAIT_MS)))]);
    } finally {
      clearTimeout(wait);
    }
    if (!read) return undefined;
  }
  // An id not found stays absent (it is read again next time: an index seek that finds nothing).
  const degrees: Record<string, NodeDegree> = {};
  const issues: Record<string, IssueSize> = {};
  for (const id of wanted.entities) {
    const d = knownSizes.degrees.get(id);
    if (d) degrees[id] = d;
  }
  for (const id of wanted.issues) {
    const i = knownSizes.issues.get(id);
    if (i) issues[id] = i;
  }
  const actors: Record<string, ActorSize> = {};
  for (const id of wanted.actors) {
    const a = knownSizes.actors.get(id);
    if (a) actors[id] = a;
  }
  return { degrees, issues, actors };
}

/** The graph's size as last read. */
export interface GraphSize {
  /** Statements in the graph at the last read (0 before the first one). */
  statements(): number;
  /** The statements and how the dated items spread, as last read. */
  scale(): GraphScale;
  /** Reads the size now; a failure keeps the last value and is logged. */
  refresh(): Promise<void>;
  /** Reads once (waiting at most 2 s for it), then every GRAPH_SIZE_REFRESH_MS until stop(). */
  start(): Promise<void>;
  stop(): void;
}

/** Derived data absent where their sources exist (counts from cypher/read/graph-size.cypher), in words. */
export function missingDerivedData(counts: Record<string, number>): string[] {
  const missing: string[] = [];
  if ((counts.memberships ?? 0) > 0 && (counts.membershipDates ?? 0) === 0) missing.push(`${counts.memberships} memberships, no membership dates`);
  return missing;
}

/** Tracks the number of statements of `database`, and says once when derived data are missing. */
export function trackGraphSize(driver: Driver, database: string, logger: Logger, everyMs = GRAPH_SIZE_REFRESH_MS): GraphSize {
  let statements = 0;
  let dates: GraphDates | undefined;
  // The counts the dates were read at: read again when these change.
  let datesAt = '';
  let timer: NodeJS.Timeout | undefined;
  let warned = false;
  // The items (statements, stances, events) the remembered sizes were read at.
  let sizesAt: number | undefined;
  sizesReader = (wanted) => readLocalSizes(driver, database, wanted, PROVENANCE_TYPES);
  forgetSizes();
  const refresh = async (): Promise<void> => {
    const session = driver.session({ database, defaultAccessMode: 'READ' });
    try {
      const res = await session.executeRead((tx) => tx.run(cypher('read/graph-size'), {}));
      const row = toPlain(res.records[0]?.toObject()) as Record<string, number>;
      statements = row.statements ?? 0;
      const missing = missingDerivedData(row);
      if (missing.length > 0 && !warned) {
        warned = true;
        logger.error({ missing }, `derived data missing (${missing.join('; ')}): agreement and positions would count 0 for them; run \`npm run check -- --rebuild-derived\``);
      }
      const counts = `${statements}/${row.stances ?? 0}/${row.events ?? 0}`;
      const items = statements + (row.stances ?? 0) + (row.events ?? 0);
      if (!sizesStillStand(sizesAt, items)) {
        if (sizesAt !== undefined) forgetSizes();
        sizesAt = items;
      }
      if (counts !== datesAt) {
        // Until they are read for these counts (seconds at 10^6), the old ones stand for the new
        // count: a date range is weighed by how the items spread before the load, not as every item.
        if (dates) {
          lastDates = { statements, dates };
          datesChanges++;
        }
        const read = await session.executeRead((tx) => tx.run(cypher('read/graph-dates'), {}));
        dates = toPlain(read.records[0]?.toObject()) as unknown as GraphDates;
        datesAt = counts;
        lastDates = { statements, dates };
        datesChanges++;
      }
    } catch (err) {
      logger.warn({ err }, 'could not read the graph size; the cost limit keeps the last one');
    } finally {
      await session.close();
    }
  };
  return {
    statements: () => statements,
    scale: () => (dates ? { statements, dates } : { statements }),
    refresh,
    async start() {
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([refresh(), new Promise<void>((resolve) => (wait = setTimeout(resolve, FIRST_READ_WAIT_MS)))]);
      clearTimeout(wait);
      timer ??= setInterval(() => void refresh(), everyMs).unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
