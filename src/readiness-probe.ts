/**
 * Whether Neo4j answers, for /ready: a trivial read with a deadline, cached briefly so
 * that load-balancer polling stays cheap.
 */
import type { Driver } from 'neo4j-driver';
import type { Logger } from './logger.js';
import { circuitOf } from './neo4j/circuit.js';
import { neo4jErrorKind } from './neo4j/errors.js';

/** How long the probe waits for Neo4j. */
export const readinessTimeoutMs = 2_000;
/** How long one answer is reused. */
const readinessCacheMs = 1_000;
/**
 * How recent a read that Neo4j answered must be for a probe that could not get a
 * connection (every one busy) to count as ready: overload is not an outage.
 */
const busyButAnsweringMs = 15_000;

/** One answer of the readiness probe. */
export interface Readiness {
  ready: boolean;
  /** "ok", or why Neo4j is not usable, without hostnames. */
  neo4j: string;
}

/**
 * Checks that Neo4j answers a trivial read within readinessTimeoutMs. Answers are reused
 * for a second and concurrent callers share one check, so load-balancer polling costs at
 * most one round trip a second. The query runs in an auto-commit transaction: no driver
 * retries, one attempt. When the probe cannot get a connection in time because every
 * one is busy, Neo4j still counts as ready if requests' reads succeeded in the last
 * few seconds (and none failed as unavailable since). Changes of state are logged.
 */
export function createReadinessProbe(driver: Driver, database: string, logger: Logger): () => Promise<Readiness> {
  let last: (Readiness & { at: number }) | undefined;
  let inFlight: Promise<Readiness> | undefined;

  async function check(): Promise<Readiness> {
    const session = driver.session({ database, defaultAccessMode: 'READ' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ReadinessTimeout()), readinessTimeoutMs);
    });
    try {
      await Promise.race([Promise.resolve(session.run('RETURN 1')), timeout]);
      return { ready: true, neo4j: 'ok' };
    } catch (err) {
      // Every connection busy with requests that Neo4j answers: busy, not down.
      const busy = err instanceof ReadinessTimeout || neo4jErrorKind(err) === 'overloaded';
      if (busy && circuitOf(driver).answeredRecently(busyButAnsweringMs)) return { ready: true, neo4j: 'ok' };
      const reason = describeUnready(err);
      if (last?.ready !== false) logger.warn({ neo4j: reason, err }, 'not ready: Neo4j does not answer');
      return { ready: false, neo4j: reason };
    } finally {
      clearTimeout(timer);
      session.close().catch(() => undefined);
    }
  }

  return async () => {
    if (last && Date.now() - last.at < readinessCacheMs) return last;
    inFlight ??= check()
      .then((state) => {
        if (state.ready && last?.ready === false) logger.info('ready: Neo4j answers again');
        last = { ...state, at: Date.now() };
        return state;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}

class ReadinessTimeout extends Error {
  override name = 'ReadinessTimeout';
}

function describeUnready(err: unknown): string {
  if (err instanceof ReadinessTimeout) return `no answer within ${readinessTimeoutMs} ms`;
  switch (neo4jErrorKind(err)) {
    case 'unavailable':
      return 'unreachable';
    case 'auth':
      return 'credentials refused';
    default:
      return 'error answering a read';
  }
}
