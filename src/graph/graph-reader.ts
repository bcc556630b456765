/**
 * Runs catalogued read queries for one GraphQL operation: always as reads
 * (routing READ, so a cluster's followers serve them), always with
 * parameters, converting results to plain values once.
 *
 * Reads are batched into round trips: every read asked for while the same
 * resolver level runs (the DataLoaders of one level dispatch together) waits
 * for the end of that turn of the event loop, then all of them go to Neo4j in
 * one read transaction, pipelined over one connection (a lone query goes as an
 * auto-commit read: one exchange instead of two, see auto-commit-read.ts). An operation therefore
 * costs one round trip per resolver level, whatever its list sizes and however
 * many fields a level has. Both counts are kept for tests and logs.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { autoCommitRead } from '../neo4j/auto-commit-read.js';
import { circuitOf } from '../neo4j/circuit.js';
import { cypher } from '../neo4j/cypher.js';
import { neo4jErrorKind } from '../neo4j/errors.js';
import { toPlain } from '../neo4j/values.js';

/** One record as plain values. */
export type Row = Record<string, unknown>;

interface PendingRead {
  text: string;
  params: Record<string, unknown>;
  resolve(rows: Row[]): void;
  reject(err: unknown): void;
}

/** Reads for one operation. */
export class GraphReader {
  /** Cypher queries run so far. */
  queryCount = 0;
  /** Round trips to Neo4j so far (transactions, each with one or more pipelined queries). */
  roundTrips = 0;
  private pending: PendingRead[] = [];

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    /** The timeout of each read transaction (ms): NEO4J_TX_TIMEOUT for requests, so no request holds Neo4j. */
    private readonly transactionTimeoutMs?: number,
  ) {}

  /** Runs `cypher/read/<name>.cypher` with parameters, in the current round trip, and returns plain rows. */
  read(name: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.enqueue(cypher(`read/${name}`), params);
  }

  /**
   * Runs a query built by relation-read.ts (not a catalogue file) in the
   * current round trip; docs/decisions/0008 and 0038 say what such a query may contain.
   */
  readComposed(text: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.enqueue(text, params);
  }

  private enqueue(text: string, params: Record<string, unknown>): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.pending.push({ text, params, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    // While Neo4j is known to be away, fail at once (one probe a second goes through).
    const circuit = circuitOf(this.driver);
    const refusal = circuit.refusal();
    if (refusal) {
      for (const read of batch) read.reject(refusal);
      return;
    }
    this.roundTrips++;
    this.queryCount += batch.length;
    try {
      const results = await this.run(batch);
      circuit.succeeded();
      batch.forEach((read, i) => read.resolve(results[i]!));
    } catch (err) {
      if (neo4jErrorKind(err) === 'unavailable') circuit.failedUnavailable();
      for (const read of batch) read.reject(err);
    }
  }

  private txConfig(): { timeout: number } | undefined {
    return this.transactionTimeoutMs === undefined ? undefined : { timeout: this.transactionTimeoutMs };
  }

  private async run(batch: PendingRead[]): Promise<Row[][]> {
    const plain = (records: { toObject(): object }[]) => records.map((r) => toPlain(r.toObject()) as Row);
    if (batch.length === 1) {
      const [only] = batch;
      // One query: an auto-commit read, one round trip instead of two.
      const result = await autoCommitRead(this.driver, this.database, only!.text, only!.params, undefined, this.transactionTimeoutMs);
      return [plain(result.records)];
    }
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.driver.executeQueryBookmarkManager });
    try {
      return await session.executeRead(async (tx) => {
        const results = await Promise.all(batch.map((read) => tx.run(read.text, read.params)));
        return results.map((r) => plain(r.records));
      }, this.txConfig());
    } finally {
      await session.close();
    }
  }
}

/** Integer parameters go to Cypher as Integers (SKIP and LIMIT refuse floats). */
export const int = (n: number): ReturnType<typeof neo4j.int> => neo4j.int(n);
