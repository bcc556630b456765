/**
 * Writes for one GraphQL operation: each call is one transaction (see write-entity.ts).
 * Created per request next to the GraphReader, holding the driver so that resolvers
 * never touch it.
 */
import type { Driver } from 'neo4j-driver';
import { writeEntity, type WriteRequest, type WriteResult } from './write-entity.js';

/** The writer of one request. */
export class GraphWriter {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    /** The timeout of each write transaction (ms), NEO4J_TX_TIMEOUT for requests. */
    private readonly transactionTimeoutMs?: number,
  ) {}

  /** Validates and writes one entity; throws WriteInputError for input the API refuses. */
  write(request: WriteRequest): Promise<WriteResult> {
    return writeEntity(this.driver, this.database, request, this.transactionTimeoutMs);
  }
}
