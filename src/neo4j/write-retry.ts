/**
 * Writes outlast a leader switch. The driver retries a transaction function only for
 * maxTransactionRetryTime (500 ms, src/neo4j/driver.ts), which keeps reads failing fast
 * while Neo4j is down (docs/reliability.md); but a cluster or Aura needs seconds to
 * elect a new leader, and a write refused meanwhile (NotALeader, SessionExpired,
 * ServiceUnavailable: all retryable) should wait for it rather than fail. So writes run
 * their transaction function again, on a fresh session (a fresh routing table), on
 * retryable errors only, with the driver's back-off, for up to WRITE_RETRY_TIME_MS. A
 * retryable error means the transaction did not commit, and every write here is
 * idempotent by id, so running it again is safe. docs/scaling.md says why the figure.
 * The session shares the driver's executeQuery bookmark manager, so this process reads
 * its own writes on a cluster.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';

/** What a transaction may be given (its timeout, metadata), as session.executeWrite takes it. */
type TransactionConfig = Parameters<ReturnType<Driver['session']>['executeWrite']>[1];

/** How long a write keeps retrying retryable errors: a leader election, with margin, below clients' usual 15 s timeouts. */
export const WRITE_RETRY_TIME_MS = 10_000;

const INITIAL_DELAY_MS = 500;

/** Runs `work` in a write transaction (routed to the leader; `txConfig` e.g. its timeout), retrying retryable failures for up to `maxRetryTimeMs`. */
export async function executeWriteWithRetry<T>(
  driver: Driver,
  database: string,
  work: (tx: ManagedTransaction) => Promise<T>,
  txConfig?: TransactionConfig,
  maxRetryTimeMs = WRITE_RETRY_TIME_MS,
): Promise<T> {
  const started = Date.now();
  let delay = INITIAL_DELAY_MS;
  for (;;) {
    // The driver's executeQuery bookmarks: reads of this process that follow (autoCommitRead,
    // executeQuery) wait for this write on a cluster member that has not applied it yet.
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: driver.executeQueryBookmarkManager });
    try {
      return await session.executeWrite(work, txConfig);
    } catch (err) {
      if (!neo4j.isRetryableError(err as Error) || Date.now() - started + delay > maxRetryTimeMs) throw err;
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, delay * (0.8 + 0.4 * Math.random())));
    delay = Math.min(delay * 2, 2_000);
  }
}
