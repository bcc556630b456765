/**
 * Runs catalogued read queries for one GraphQL operation: always as reads
 * (routing READ, so a cluster's followers serve them), always with
 * parameters, converting results to plain values once, and counting round
 * trips so that tests and clients can see an operation's cost.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';

/** One record as plain values. */
export type Row = Record<string, unknown>;

/** Reads for one operation. */
export class GraphReader {
  /** Cypher round trips made so far. */
  queryCount = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  /** Runs `cypher/read/<name>.cypher` with parameters and returns plain rows. */
  async read(name: string, params: Record<string, unknown>): Promise<Row[]> {
    this.queryCount++;
    const result = await this.driver.executeQuery(cypher(`read/${name}`), params, {
      database: this.database,
      routing: neo4j.routing.READ,
    });
    return result.records.map((r) => toPlain(r.toObject()) as Row);
  }
}

/** Integer parameters go to Cypher as Integers (SKIP and LIMIT refuse floats). */
export const int = (n: number): ReturnType<typeof neo4j.int> => neo4j.int(n);
