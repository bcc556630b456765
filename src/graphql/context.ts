/**
 * The per-request context: a reader that counts Cypher round trips, and the
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
  /** Cypher round trips made by this operation so far. */
  readonly queryCount: number;
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
  };
}
