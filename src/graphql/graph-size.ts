/**
 * How large the graph is, for the operation cost limit: the analytical fields' work
 * grows with the corpus (src/graphql/field-work.ts), so the estimate is weighed for the
 * number of statements the graph holds. Read at start and then every five minutes in the
 * background (a count-store read); requests never wait for it. How the dated items spread
 * over the months (cypher/read/graph-dates.cypher, an index read of every dated item) is
 * read with it at start and again only when the counts changed (decision 0065): a list
 * filtered by a date range alone is weighed by the share of the items its read covers.
 */
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../logger.js';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';

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

/** What the cost estimate weighs the analytical fields' work for: the statements, and where known how the dated items spread. */
export interface GraphScale {
  statements: number;
  dates?: GraphDates;
}

/**
 * The dates last read in this process, by the statement count they were read at: the budget
 * plugin hands the estimate only a number (src/graphql/operation-budget-plugin.ts), and a
 * process serves one graph (one driver). A count that differs (another graph, a load since)
 * finds nothing, and a date range is then weighed as covering every item.
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
      if (counts !== datesAt) {
        // Until they are read for these counts, none: a date range is weighed as every item.
        dates = undefined;
        lastDates = undefined;
        datesChanges++;
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
