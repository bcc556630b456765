/**
 * Removes the :VerdictSpan nodes decision 0053 wrote and nothing reads any more
 * (docs/decisions/0067-verdict-spans-removed.md) from a graph loaded before: run by
 * applySchema after cypher/schema/007-verdict-spans-removed.cypher has dropped their
 * indexes, so every command that applies the schema (seed, up, ingest, keys) cleans an
 * old graph once, and costs one count-store read afterwards.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';

/** Spans per transaction: small nodes without relationships, far within the default transaction memory. */
export const VERDICT_SPAN_BATCH = 10_000;

/** Options of removeVerdictSpans. */
export interface RemoveVerdictSpansOptions {
  /** Nodes per transaction (VERDICT_SPAN_BATCH). */
  batch?: number;
  /** Lines to show: the count before, progress every ten transactions, the time after (nothing when there are none). */
  report?: (line: string) => void;
}

/** Deletes every :VerdictSpan in batches of their own transactions; returns how many there were. */
export async function removeVerdictSpans(driver: Driver, database: string, opts: RemoveVerdictSpansOptions = {}): Promise<number> {
  const counted = await driver.executeQuery(cypher('derived/count-verdict-spans'), {}, { database, routing: neo4j.routing.READ });
  const total = toPlain(counted.records[0]?.get('spans')) as number;
  if (total === 0) return 0;
  const batch = opts.batch ?? VERDICT_SPAN_BATCH;
  const started = performance.now();
  const number = (n: number): string => n.toLocaleString('en-US');
  opts.report?.(`Removing ${number(total)} verdict spans, no longer used (docs/decisions/0067), in transactions of ${number(batch)} ...`);
  const session = driver.session({ database });
  let deleted = 0;
  try {
    for (;;) {
      // Ten inner transactions per call: each call reports, and ends well within the transaction timeout.
      const res = await session.run(cypher('derived/remove-verdict-spans'), { batch: neo4j.int(batch), max: neo4j.int(batch * 10) });
      const n = toPlain(res.records[0]?.get('deleted')) as number;
      if (n === 0) break;
      deleted += n;
      if (deleted < total) opts.report?.(`  ${number(deleted)} of ${number(total)} removed`);
    }
  } finally {
    await session.close();
  }
  opts.report?.(`Removed ${number(deleted)} verdict spans in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return deleted;
}
