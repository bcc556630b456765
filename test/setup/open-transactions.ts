/**
 * The check that test/setup/no-open-transactions.ts runs after each integration test
 * file: no transaction may still be open on the shared test server. Integration files run
 * one at a time against one database (vitest.config.ts), so a transaction a file leaves
 * behind (an unclosed session, a CLI still running after its test timed out, a query the
 * server keeps executing after its client gave up) runs into the next file: it holds locks
 * and a share of the server's transaction memory (`dbms.memory.transaction.total.max`,
 * half the heap), and the next file fails for someone else's reason. A CI run's quick
 * bench failed once on "The allocation of an extra 2.0 MiB would use more than the limit
 * 1.0 GiB" with none of its own queries near that size; a transaction left by an earlier
 * file would explain it, and this check would have named it.
 *
 * A server closes a closed client's transactions asynchronously, so the check waits a
 * little before it calls a transaction left behind; then it terminates it, so that the
 * next file starts clean.
 */
import type { Driver } from 'neo4j-driver';

/** How long transactions may take to close after the file's last hook. */
export const SETTLE_MS = 20_000;
const POLL_MS = 250;

interface OpenTransaction {
  id: string;
  database: string;
  query: string;
  status: string;
  elapsedMs: number;
  heapBytes: number | null;
  client: string;
  metaData: Record<string, unknown>;
}

/**
 * Waits up to `settleMs` for every transaction on the server but the caller's own to
 * close; terminates those still open then, and throws an error that names them.
 */
export async function expectNoOpenTransactions(driver: Driver, settleMs = SETTLE_MS): Promise<void> {
  const deadline = Date.now() + settleMs;
  let open = await openTransactions(driver);
  while (open.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    open = await openTransactions(driver);
  }
  if (open.length === 0) return;
  await driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids: open.map((t) => t.id) }, { database: 'system' }).catch(() => undefined);
  throw new Error(
    [
      `${open.length} transaction(s) still open on the test server ${settleMs / 1000} s after the file's last hook ` +
        '(terminated now; close every session and driver, and wait for child processes, before the file ends):',
      ...open.map(
        (t) =>
          `  ${t.id} on ${t.database}, ${t.status}, ${Math.round(t.elapsedMs / 1000)} s, ` +
          `${t.heapBytes === null ? '?' : Math.round(t.heapBytes / 2 ** 20)} MiB, from ${t.client}` +
          `${Object.keys(t.metaData).length > 0 ? `, metadata ${JSON.stringify(t.metaData)}` : ''}: ${t.query.slice(0, 300) || '(idle between queries)'}`,
      ),
    ].join('\n'),
  );
}

/** Every transaction on the server but this check's own. */
export async function openTransactions(driver: Driver): Promise<OpenTransaction[]> {
  const { records } = await driver.executeQuery(
    `SHOW TRANSACTIONS
     YIELD transactionId, database, currentQuery, status, elapsedTime, estimatedUsedHeapMemory, clientAddress, metaData
     WHERE NOT coalesce(currentQuery, '') STARTS WITH 'SHOW TRANSACTIONS'
     RETURN transactionId AS id, database, currentQuery AS query, status,
       elapsedTime.milliseconds AS elapsedMs, estimatedUsedHeapMemory AS heapBytes, clientAddress AS client, metaData`,
    {},
    { database: 'system', routing: 'READ' },
  );
  return records.map((r) => ({
    id: r.get('id') as string,
    database: r.get('database') as string,
    query: (r.get('query') as string | null) ?? '',
    status: r.get('status') as string,
    elapsedMs: Number(r.get('elapsedMs')),
    heapBytes: r.get('heapBytes') === null ? null : Number(r.get('heapBytes')),
    client: (r.get('client') as string | null) ?? '',
    metaData: (r.get('metaData') as Record<string, unknown> | null) ?? {},
  }));
}
