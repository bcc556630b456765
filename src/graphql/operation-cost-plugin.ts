/**
 * Reports what each operation cost in Neo4j: the Cypher queries it ran and the
 * round trips they took (one per resolver level; see src/graph/graph-reader.ts).
 * Logged with the request id; also returned in the response's
 * `extensions.neo4j` outside production, so playground users and programs can
 * see it.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';

interface Costed {
  reader?: { queryCount: number; roundTrips: number };
}

export function operationCostPlugin(logger: Logger, options: { exposeInResponse: boolean }): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, request, operationName, response }) {
          const reader = (contextValue as Costed).reader;
          if (!reader) return;
          const { queryCount, roundTrips } = reader;
          const ms = Math.round((performance.now() - started) * 10) / 10;
          logger.debug(
            { reqId: request.http?.headers.get('x-request-id'), operationName: operationName ?? null, queries: queryCount, roundTrips, ms },
            'GraphQL operation cost',
          );
          if (options.exposeInResponse && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, neo4j: { queries: queryCount, roundTrips } };
          }
        },
      };
    },
  };
}
