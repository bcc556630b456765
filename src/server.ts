/**
 * The HTTP server: Express 5 with Apollo Server mounted at /graphql, health and
 * readiness probes for load balancers, request ids, a CORS allowlist, a small body
 * limit, the dashboard at / and the offline playground at /playground/. Nothing here
 * reads the environment or creates the driver: both come in from the entry point.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, type ApolloServerOptionsWithTypeDefs, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { DocumentNode } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { pinoHttp } from 'pino-http';
import { accessPlugin } from './auth/access-plugin.js';
import { authenticate, authFailureOf, principalOf, requireKeyBeforeParsing } from './auth/authenticate.js';
import type { Principal } from './auth/principal.js';
import { projectRoot, type Config } from './config.js';
import { ErrorCode, errorLoggingPlugin, formatError } from './graphql/errors.js';
import { hidingSuggestions } from './graphql/hide-suggestions.js';
import { knownOperationTypesRule } from './graphql/known-operation-types.js';
import { operationCostPlugin } from './graphql/operation-cost-plugin.js';
import { operationLimits } from './graphql/limits.js';
import { operationBudget } from './graphql/operation-budget-plugin.js';
import { possibleTypesRoute } from './http/possible-types-route.js';
import { securityHeaders } from './http/security-headers.js';
import { redactRequest, type Logger } from './logger.js';
import { clientKey } from './throttle/client-key.js';
import { createReadinessProbe } from './readiness-probe.js';

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

/** Incoming request ids we keep: short, printable, no spaces or quotes. */
const saneRequestId = /^[\w.:+/=-]{1,128}$/;

/** Assembles the Express app, the HTTP server and Apollo Server; listens only on start(). */
export function createServer<TContext extends BaseContext>(deps: ServerDeps<TContext>): DiplographServer<TContext> {
  const { config, driver, logger, typeDefs, resolvers, createContext } = deps;
  const app = express();
  const httpServer = http.createServer(app);
  const readiness = createReadinessProbe(driver, config.neo4j.database, logger);
  let stopping: Promise<void> | undefined;
  let apolloStarted = false;

  const limits = operationLimits(config.graphql.limits);
  const budget = operationBudget(config.graphql.limits, config.throttle, logger);
  const apollo = new ApolloServer<TContext>({
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

  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.use(requestLogging(logger));
  app.use(securityHeaders());

  app.get('/health', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    res.set('cache-control', 'no-store');
    if (stopping) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    const state = await readiness();
    res.status(state.ready ? 200 : 503).json(state.ready ? { status: 'ok', neo4j: 'ok' } : { status: 'unavailable', neo4j: state.neo4j });
  });

  app.get('/possible-types.json', cors(corsOptions(config.http.corsOrigins)), possibleTypesRoute(typeDefs));

  // /graphql: Apollo is mounted in start(), once it has started.
  let graphqlHandler: RequestHandler | undefined;
  app.get('/graphql', browserToPlayground(deps.webRoot ?? path.join(projectRoot, 'web', 'dist')));
  app.all(
    '/graphql',
    cors(corsOptions(config.http.corsOrigins)),
    authenticate(driver, config.neo4j.database, config.neo4j.transactionTimeoutMs),
    requireKeyBeforeParsing(config.auth.readsRequireKey),
    express.json({ limit: config.http.bodyLimit }),
    (req, res, next) => {
      if (graphqlHandler) return graphqlHandler(req, res, next);
      res.status(503).json(errorBody('The GraphQL server is starting', ErrorCode.SERVICE_UNAVAILABLE));
    },
  );

  // ── Dashboard ──────────────────────────────────────────────────────────────
  // web/dist (npm run build:web) is served at / when it exists; until then / is a
  // small page pointing at the API.
  const webRoot = deps.webRoot ?? path.join(projectRoot, 'web', 'dist');
  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    app.use(express.static(webRoot, { index: 'index.html' }));
  } else {
    app.get('/', (_req, res) => {
      res.type('html').send(placeholderPage);
    });
  }
  // ───────────────────────────────────────────────────────────────────────────

  app.use((req, res) => {
    res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: `Nothing at ${req.method} ${req.path}` } });
  });
  app.use(httpErrorHandler(config.http.bodyLimit));

  return {
    app,
    httpServer,
    apollo,
    async start() {
      await apollo.start();
      apolloStarted = true;
      graphqlHandler = expressMiddleware(apollo, {
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
      stopping ??= (async () => {
        if (apolloStarted) await apollo.stop();
        else if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })();
      return stopping;
    },
  };
}

/**
 * A browser opening /graphql (a GET preferring HTML) is redirected to the offline
 * playground when it is built: Apollo's landing page loads from a CDN and fails
 * offline. GraphQL clients (JSON, graphql-response+json, or any type) go on to Apollo.
 */
function browserToPlayground(webRoot: string): RequestHandler {
  return (req, res, next) => {
    const prefersHtml = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
    if (prefersHtml && fs.existsSync(path.join(webRoot, 'playground', 'index.html'))) res.redirect(302, '/playground/');
    else next();
  };
}

/** pino-http with our request ids: an incoming sane x-request-id is kept, else a random one. */
function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    // Keys sent in the URL (?api_key=...) or an unusual header never reach a log line.
    serializers: { req: redactRequest },
    quietReqLogger: true,
    genReqId(req, res) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && saneRequestId.test(incoming) ? incoming : randomUUID();
      // Set on the request too, so Apollo plugins (errorLoggingPlugin) see the same id.
      req.headers['x-request-id'] = id;
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel(_req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    // Load balancers poll these every few seconds; readiness changes are logged by the probe.
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
  });
}

/** An empty allowlist still answers preflights (without Access-Control-Allow-Origin), so only same-origin pages can call. */
function corsOptions(origins: string[]): cors.CorsOptions {
  return {
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'POST'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  };
}

/** The GraphQL-shaped body of errors raised before Apollo sees the request. */
function errorBody(message: string, code: ErrorCode): { errors: { message: string; extensions: { code: ErrorCode } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}

/** Errors from body parsing (413, bad JSON) as JSON; anything else is logged and masked. */
function httpErrorHandler(bodyLimit: string): ErrorRequestHandler {
  return (err: { type?: string; status?: number; expose?: boolean; message?: string }, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') {
      res.status(413).json(errorBody(`Request body is larger than the limit of ${bodyLimit} (BODY_LIMIT)`, ErrorCode.PAYLOAD_TOO_LARGE));
    } else if (err.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('Request body is not valid JSON', ErrorCode.BAD_REQUEST));
    } else if (typeof err.status === 'number' && err.status >= 400 && err.status < 500 && err.expose) {
      res.status(err.status).json(errorBody(err.message ?? 'Bad request', ErrorCode.BAD_REQUEST));
    } else {
      req.log.error({ err }, 'unhandled error in HTTP request');
      res.status(500).json(errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR));
    }
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function serverUrl(address: AddressInfo): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

const placeholderPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>diplograph</title></head>
<body>
<h1>diplograph</h1>
<p>A knowledge graph of diplomatic positions. The dashboard is not built yet.</p>
<ul>
<li><a href="/graphql">/graphql</a>: the GraphQL API (npm run build:web builds the dashboard and the offline playground)</li>
<li><a href="/health">/health</a> and <a href="/ready">/ready</a>: liveness and readiness</li>
</ul>
</body>
</html>
`;
