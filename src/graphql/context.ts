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
import type { Principal } from '../auth/principal.js';
import { GraphWriter } from '../write/graph-writer.js';

/** What every resolver receives. */
export interface GraphContext {
  reader: GraphReader;
  loaders: Loaders;
  logger: Logger;
  /** The caller's API key, or null for an anonymous request. */
  principal: Principal | null;
  /** Why a key sent with the request was refused (null when none was sent or it was valid). */
  authFailure: string | null;
  /** Writes (mutations), one transaction each. */
  writer: GraphWriter;
  /** Whether lookups by id read their selection in one query (docs/decisions/0008); off only to compare. */
  projectLookups: boolean;
  /** Who the request counts against for the per-client limits: `key:<id>` or `address:<ip>` (src/graphql/throttle-plugin.ts). */
  client: string;
}

/** Builds the context of one request. */
export function createGraphContext(deps: {
  driver: Driver;
  database: string;
  logger: Logger;
  principal?: Principal | null;
  authFailure?: string | null;
  projectLookups?: boolean;
  /** NEO4J_TX_TIMEOUT: the timeout of each transaction the request runs (none when absent). */
  transactionTimeoutMs?: number;
  client?: string;
}): GraphContext {
  const reader = new GraphReader(deps.driver, deps.database, deps.transactionTimeoutMs);
  return {
    reader,
    loaders: new Loaders(reader),
    logger: deps.logger,
    principal: deps.principal ?? null,
    authFailure: deps.authFailure ?? null,
    writer: new GraphWriter(deps.driver, deps.database, deps.transactionTimeoutMs),
    projectLookups: deps.projectLookups ?? true,
    client: deps.client ?? 'unknown',
  };
}
