/**
 * The Apollo Server of /graphql: our error formatting and limits, nothing that loads
 * from a CDN or reports to Apollo, and the plugins that log errors, check access, count
 * cost and keep the per-client budget. Built from the config; reads no environment.
 */
import type http from 'node:http';
import { ApolloServer, type ApolloServerOptionsWithTypeDefs, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { DocumentNode } from 'graphql';
import { accessPlugin } from '../auth/access-plugin.js';
import type { Config } from '../config.js';
import { errorLoggingPlugin, formatError } from '../graphql/errors.js';
import { hidingSuggestions } from '../graphql/hide-suggestions.js';
import { knownOperationTypesRule } from '../graphql/known-operation-types.js';
import { operationLimits } from '../graphql/limits.js';
import { operationBudget } from '../graphql/operation-budget-plugin.js';
import { operationCostPlugin } from '../graphql/operation-cost-plugin.js';
import type { Logger } from '../logger.js';

/** What the Apollo Server is built from. */
export interface ApolloServerDeps<TContext extends BaseContext> {
  config: Config;
  logger: Logger;
  typeDefs: DocumentNode;
  resolvers: ApolloServerOptionsWithTypeDefs<TContext>['resolvers'];
  /** Drained by stop() before Apollo stops. */
  httpServer: http.Server;
  /** The graph's statements, which the cost limit weighs analytical work for (src/graphql/graph-size.ts). */
  graphStatements?: () => number;
}

/** Creates (does not start) the Apollo Server. */
export function createApolloServer<TContext extends BaseContext>(deps: ApolloServerDeps<TContext>): ApolloServer<TContext> {
  const { config, logger, typeDefs, resolvers, httpServer } = deps;
  const limits = operationLimits(config.graphql.limits);
  const budget = operationBudget(config.graphql.limits, config.throttle, logger, deps.graphStatements);
  return new ApolloServer<TContext>({
    typeDefs,
    resolvers,
    // hideSchemaDetailsFromClientErrors misses the hints of variable coercion errors.
    formatError: config.production ? hidingSuggestions(formatError) : formatError,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.production,
    introspection: config.graphql.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    maxRecursiveSelections: true,
    parseOptions: limits.parseOptions,
    validationRules: [...limits.validationRules, knownOperationTypesRule],
    stopOnTerminationSignals: false,
    // Apollo would otherwise read NODE_ENV itself; config is the only reader of the environment.
    nodeEnv: config.production ? 'production' : 'development',
    logger: logger.child({ component: 'apollo' }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.http.shutdownGraceMs }),
      // No Apollo Sandbox: it loads from Apollo's CDN (nothing works offline) and runs inline
      // script, which the Content-Security-Policy refuses. Browsers asking GET /graphql are
      // sent to the bundled, offline playground instead (browserToPlayground).
      ApolloServerPluginLandingPageDisabled(),
      // Nothing leaves the machine, even if APOLLO_KEY happens to be set.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // No cache hints in the schema: the default cache-control plugin would only
      // add a hook call to every resolved field (measured in docs/performance.md).
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin(logger) as ApolloServerPlugin<TContext>,
      accessPlugin(config.auth.readsRequireKey) as ApolloServerPlugin<TContext>,
      operationCostPlugin(logger, { exposeInResponse: !config.production }) as ApolloServerPlugin<TContext>,
      budget.plugin as ApolloServerPlugin<TContext>,
      {
        async serverWillStart() {
          return {
            // Runs after drainServer: no request is in flight any more.
            async serverWillStop() {
              logger.info('HTTP drained, GraphQL server stopped');
            },
          };
        },
      },
    ],
  });
}
