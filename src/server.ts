/**
 * The HTTP server: Express 5 with Apollo Server mounted at /graphql, health and
 * readiness probes for load balancers, request ids, a CORS allowlist, a small body
 * limit, the dashboard at / and the offline playground at /playground/. Each route and
 * middleware is its own module in src/http/; this file puts them in order. Nothing here
 * reads the environment or creates the driver: both come in from the entry point.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApolloServer, ApolloServerOptionsWithTypeDefs, BaseContext } from '@apollo/server';
import express from 'express';
import type { DocumentNode } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { projectRoot, type Config } from './config.js';
import { createApolloServer } from './http/apollo-server.js';
import { corsPolicy } from './http/cors-policy.js';
import { dashboardRoutes } from './http/dashboard-routes.js';
import { httpErrorHandler, notFoundHandler } from './http/error-responses.js';
import { apolloMiddleware, graphqlRoute, type ContextDeps } from './http/graphql-route.js';
import { healthRoutes } from './http/health-routes.js';
import { listen, serverUrl } from './http/listen.js';
import { possibleTypesRoute } from './http/possible-types-route.js';
import { requestLogging } from './http/request-logging.js';
import { securityHeaders } from './http/security-headers.js';
import type { Logger } from './logger.js';
import { trackGraphSize } from './graphql/graph-size.js';
import { createReadinessProbe } from './readiness-probe.js';

export type { ContextDeps } from './http/graphql-route.js';

/** Everything createServer needs; the entry point assembles it. */
export interface ServerDeps<TContext extends BaseContext> {
  config: Config;
  driver: Driver;
  logger: Logger;
  typeDefs: DocumentNode;
  resolvers: ApolloServerOptionsWithTypeDefs<TContext>['resolvers'];
  /** Builds the per-request GraphQL context (src/graphql/context.ts: createGraphContext). */
  createContext: (deps: ContextDeps) => TContext | Promise<TContext>;
  /** The built dashboard to serve at / (default: web/dist). */
  webRoot?: string;
}

/** A created server: start() listens, stop() drains HTTP and stops Apollo (the caller then closes the driver). */
export interface DiplographServer<TContext extends BaseContext> {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<TContext>;
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
}

/** Assembles the Express app, the HTTP server and Apollo Server; listens only on start(). */
export function createServer<TContext extends BaseContext>(deps: ServerDeps<TContext>): DiplographServer<TContext> {
  const { config, driver, logger, typeDefs } = deps;
  const webRoot = deps.webRoot ?? path.join(projectRoot, 'web', 'dist');
  const app = express();
  const httpServer = http.createServer(app);
  const graphSize = trackGraphSize(driver, config.neo4j.database, logger);
  const apollo = createApolloServer({ ...deps, httpServer, graphStatements: graphSize.statements });
  const graphql = graphqlRoute(config, driver, webRoot);
  const readiness = createReadinessProbe(driver, config.neo4j.database, logger);
  let stopping: Promise<void> | undefined;
  let apolloStarted = false;

  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.use(requestLogging(logger));
  app.use(securityHeaders());
  app.use(healthRoutes(readiness, () => stopping !== undefined));
  app.get('/possible-types.json', corsPolicy(config.http.corsOrigins), possibleTypesRoute(typeDefs));
  app.use(graphql.router);
  app.use(dashboardRoutes(webRoot));
  app.use(notFoundHandler());
  app.use(httpErrorHandler(config.http.bodyLimit));

  return {
    app,
    httpServer,
    apollo,
    async start() {
      await apollo.start();
      apolloStarted = true;
      await graphSize.start();
      graphql.serveWith(apolloMiddleware(apollo, config, driver, deps.createContext));
      try {
        await listen(httpServer, config.http.port, config.http.host);
      } catch (err) {
        await apollo.stop();
        throw err;
      }
      const url = serverUrl(httpServer.address() as AddressInfo);
      logger.info({ url }, 'listening');
      return { url };
    },
    stop() {
      graphSize.stop();
      stopping ??= (async () => {
        if (apolloStarted) await apollo.stop();
        else if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })();
      return stopping;
    },
  };
}
