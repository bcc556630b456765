/**
 * The per-request context: a reader that batches and counts Cypher round trips
 * (reader.queryCount, reader.roundTrips), and the request's DataLoaders. Created
 * once per GraphQL request. Apollo shallow-copies the context object per
 * operation, so state that changes lives in the reader, not on the context.
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
}

/** Builds the context of one request. */
export function createGraphContext(deps: { driver: Driver; database: string; logger: Logger }): GraphContext {
  const reader = new GraphReader(deps.driver, deps.database);
  return {
    reader,
    loaders: new Loaders(reader),
    logger: deps.logger,
  };
}
