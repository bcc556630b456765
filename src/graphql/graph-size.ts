/**
 * How large the graph is, for the operation cost limit: the analytical fields' work
 * grows with the corpus (src/graphql/field-work.ts), so the estimate is weighed for the
 * number of statements the graph holds. Read at start and then every five minutes in the
 * background (a count-store read); requests never wait for it.
 */
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../logger.js';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';

/** How often the size is read again: it changes with loads, slowly against a request's time. */
export const GRAPH_SIZE_REFRESH_MS = 5 * 60_000;
/** How long start() waits for the first read (a Neo4j that is away must not hold the server's start). */
const FIRST_READ_WAIT_MS = 2_000;

/** The graph's size as last read. */
export interface GraphSize {
  /** Statements in the graph at the last read (0 before the first one). */
  statements(): number;
  /** Reads the size now; a failure keeps the last value and is logged. */
  refresh(): Promise<void>;
  /** Reads once (waiting at most 2 s for it), then every GRAPH_SIZE_REFRESH_MS until stop(). */
  start(): Promise<void>;
  stop(): void;
}

/** Derived data absent where their sources exist (counts from cypher/read/graph-size.cypher), in words. */
export function missingDerivedData(counts: Record<string, number>): string[] {
  const missing: string[] = [];
  if ((counts.positions ?? 0) > 0 && (counts.verdictSpans ?? 0) === 0) missing.push(`${counts.positions} topic positions, no verdict spans`);
  if ((counts.memberships ?? 0) > 0 && (counts.membershipDates ?? 0) === 0) missing.push(`${counts.memberships} memberships, no membership dates`);
  return missing;
}

/** Tracks the number of statements of `database`, and says once when derived data are missing. */
export function trackGraphSize(driver: Driver, database: string, logger: Logger, everyMs = GRAPH_SIZE_REFRESH_MS): GraphSize {
  let statements = 0;
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
    } catch (err) {
      logger.warn({ err }, 'could not read the graph size; the cost limit keeps the last one');
    } finally {
      await session.close();
    }
  };
  return {
    statements: () => statements,
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
