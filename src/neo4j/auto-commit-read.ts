/**
 * A read of one query in an auto-commit transaction: one round trip (RUN and PULL
 * together) where executeQuery and executeRead take two (BEGIN, RUN, PULL, then
 * COMMIT). Measured on this project's machine: 0.36 ms against 0.77 ms for a lookup
 * by id (docs/performance.md). Auto-commit transactions are not retried by the
 * driver, so this retries them the way the driver retries transaction functions:
 * retryable errors only, the first retry after about a second (±20 %), doubling,
 * while less than maxTransactionRetryTime has passed since the first failure. A read
 * changes nothing, so running it again is safe. The session follows the driver's
 * executeQuery bookmarks, so it reads what earlier executeQuery writes wrote.
 */
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { driverOptions } from './driver.js';

const INITIAL_RETRY_DELAY_MS = 1_000;
const RETRY_DELAY_MULTIPLIER = 2;
const RETRY_DELAY_JITTER = 0.2;

/** Runs `text` as an auto-commit read (routing READ) and returns its whole result; `timeoutMs` bounds the transaction. */
export async function autoCommitRead(
  driver: Driver,
  database: string,
  text: string,
  params: Record<string, unknown>,
  maxRetryTimeMs: number = driverOptions.maxTransactionRetryTime ?? 30_000,
  timeoutMs?: number,
): Promise<QueryResult<RecordShape>> {
  let firstFailure: number | undefined;
  let delay = INITIAL_RETRY_DELAY_MS;
  for (;;) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
    try {
      return await session.run(text, params, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
    } catch (err) {
      firstFailure ??= Date.now();
      if (!neo4j.isRetryableError(err as Error) || Date.now() - firstFailure > maxRetryTimeMs) throw err;
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, delay * (1 - RETRY_DELAY_JITTER + 2 * RETRY_DELAY_JITTER * Math.random())));
    delay *= RETRY_DELAY_MULTIPLIER;
  }
}
