/**
 * The per-request context: a reader that batches and counts Cypher round trips, and the
 * request's DataLoaders. Created once per GraphQL request.
 */
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { GraphReader } from '../graph/graph-reader.js';
import { Loaders } from '../graph/loaders.js';

/** What every resolver receives. */
export interface GraphContext {
  reader: GraphReader;
  loaders: Loaders;
  logger: Logger;
  /** Cypher queries run by this operation so far. */
  readonly queryCount: number;
  /** Round trips to Neo4j made by this operation so far (one per resolver level). */
  readonly roundTrips: number;
}

/** Builds the context of one request. */
export function createGraphContext(deps: { driver: Driver; database: string; logger: Logger }): GraphContext {
  const reader = new GraphReader(deps.driver, deps.database);
  return {
    reader,
    loaders: new Loaders(reader),
    logger: deps.logger,
    get queryCount() {
      return reader.queryCount;
    },
    get roundTrips() {
      return reader.roundTrips;
    },
  };
}
