/**
 * The /graphql route: a browser's GET goes to the playground; everything else passes
 * CORS, authentication, the key requirement and the body limit, then reaches Apollo.
 * Apollo is attached once it has started (start()); until then the route answers 503.
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Router, type RequestHandler } from 'express';
import type { Driver } from 'neo4j-driver';
import { authenticate, authFailureOf, principalOf, requireKeyBeforeParsing } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import type { Config } from '../config.js';
import { ErrorCode } from '../graphql/errors.js';
import type { Logger } from '../logger.js';
import { clientKey } from '../throttle/client-key.js';
import { corsPolicy } from './cors-policy.js';
import { browserToPlayground } from './dashboard-routes.js';
import { errorBody } from './error-responses.js';

/** What the GraphQL context factory is given for each request. */
export interface ContextDeps {
  driver: Driver;
  database: string;
  /** The request's logger: every line carries the request id. */
  logger: Logger;
  /** The caller's API key (null without a valid one), from the Authorization header. */
  principal: Principal | null;
  /** Why the key sent was not accepted; null when none was sent or it was valid. */
  authFailure: string | null;
  /** NEO4J_TX_TIMEOUT: the timeout of every transaction the request runs. */
  transactionTimeoutMs: number;
  /** Who the request counts against for the per-client limits (src/throttle/client-key.ts). */
  client: string;
}

/** The route and the way to attach Apollo to it. */
export interface GraphqlRoute {
  router: Router;
  /** Sends requests on to this handler from now on (Apollo's middleware, once it has started). */
  serveWith(handler: RequestHandler): void;
}

/** The /graphql route, answering 503 until serveWith() is called. */
export function graphqlRoute(config: Config, driver: Driver, webRoot: string): GraphqlRoute {
  let handler: RequestHandler | undefined;
  const router = Router();
  router.get('/graphql', browserToPlayground(webRoot));
  router.all(
    '/graphql',
    corsPolicy(config.http.corsOrigins),
    authenticate(driver, config.neo4j.database, config.neo4j.transactionTimeoutMs),
    requireKeyBeforeParsing(config.auth.readsRequireKey),
    express.json({ limit: config.http.bodyLimit }),
    (req, res, next) => {
      if (handler) return handler(req, res, next);
      res.status(503).json(errorBody('The GraphQL server is starting', ErrorCode.SERVICE_UNAVAILABLE));
    },
  );
  return {
    router,
    serveWith(h) {
      handler = h;
    },
  };
}

/** Apollo's Express middleware, building each request's context from the request and the key it carried. */
export function apolloMiddleware<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  config: Config,
  driver: Driver,
  createContext: (deps: ContextDeps) => TContext | Promise<TContext>,
): RequestHandler {
  return expressMiddleware(apollo, {
    context: async ({ req, res }) =>
      createContext({
        driver,
        database: config.neo4j.database,
        logger: req.log,
        principal: principalOf(res.locals),
        authFailure: authFailureOf(res.locals),
        transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
        client: clientKey(req, principalOf(res.locals)),
      }),
  });
}
