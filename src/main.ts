/**
 * Entry point of `npm start`: configuration, logger, Neo4j, HTTP server, and a clean
 * stop on SIGTERM/SIGINT. Exit codes: 0 stopped cleanly, 1 runtime error, 2 bad
 * configuration, 4 Neo4j unreachable at start.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode } from './cli/exit-codes.js';
import { loadConfigOrExit } from './cli/cli-support.js';
import type { Config } from './config.js';
import { createGraphContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { loadTypeDefs } from './graphql/type-defs.js';
import { createLogger, type Logger } from './logger.js';
import { MissingPasswordError } from './neo4j/connection.js';
import { closeDriver, createDriver } from './neo4j/driver.js';
import { neo4jErrorKind } from './neo4j/errors.js';
import { createServer } from './server.js';

/** A reason the server cannot start: one line for the operator and the exit code. */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Where a started server answers. */
export interface ServerUrls {
  graphql: string;
  dashboard: string;
  health: string;
  ready: string;
}

/**
 * Checks Neo4j, starts the HTTP server and installs the signal handlers: the first
 * SIGTERM/SIGINT drains HTTP, closes the driver and exits 0; a second one exits at once.
 * Shared by `npm start` and `npm run up`. Throws StartupError when it cannot start.
 */
export async function serve(config: Config, logger: Logger): Promise<ServerUrls> {
  let driver;
  try {
    driver = createDriver(config);
  } catch (err) {
    if (err instanceof MissingPasswordError) throw new StartupError(err.message, ExitCode.RUNTIME_ERROR);
    throw err;
  }
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
  } catch (err) {
    await closeDriver();
    throw neo4jStartupError(config, err);
  }

  const server = createServer({ config, driver, logger, typeDefs: loadTypeDefs(), resolvers, createContext: createGraphContext });
  let url: string;
  try {
    ({ url } = await server.start());
  } catch (err) {
    await closeDriver();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new StartupError(`cannot listen on ${config.http.host}:${config.http.port} (${code}): set HOST or PORT`, ExitCode.RUNTIME_ERROR);
    }
    throw err;
  }

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting for requests');
      process.exit(ExitCode.RUNTIME_ERROR);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.http.shutdownGraceMs }, 'stopping: draining HTTP requests');
    void server
      .stop()
      .then(() => closeDriver())
      .then(
        () => {
          logger.info('stopped');
          process.exit(ExitCode.OK);
        },
        (err: unknown) => {
          logger.error({ err }, 'error while stopping');
          process.exit(ExitCode.RUNTIME_ERROR);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const urls: ServerUrls = { graphql: `${url}/graphql`, dashboard: `${url}/`, health: `${url}/health`, ready: `${url}/ready` };
  logger.info({ ...urls, neo4j: config.neo4j.uri, database: config.neo4j.database }, 'diplograph is up');
  return urls;
}

/** Turns a failed connectivity check into a line that says what to do. */
function neo4jStartupError(config: Config, err: unknown): StartupError {
  const { uri, user } = config.neo4j;
  const message = err instanceof Error ? err.message : String(err);
  // The driver's own text is long; its "Caused by:" part says what happened.
  const detail = (message.split('Caused by: ')[1] ?? message).split('\n')[0];
  switch (neo4jErrorKind(err)) {
    case 'unavailable':
      return new StartupError(
        `Neo4j at ${uri} is unreachable (${detail}). Start it with npm run db:start, or check NEO4J_URI.`,
        ExitCode.DATABASE_UNREACHABLE,
      );
    case 'auth':
      return new StartupError(`Neo4j at ${uri} refused the credentials for user ${user}: check NEO4J_USER/NEO4J_PASSWORD`, ExitCode.DATABASE_UNREACHABLE);
    default:
      return new StartupError(`Neo4j at ${uri} answered with an error: ${detail}`, ExitCode.RUNTIME_ERROR);
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  try {
    await serve(config, logger);
  } catch (err) {
    if (err instanceof StartupError) {
      logger.fatal(err.message);
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(err.exitCode);
    }
    logger.fatal({ err }, 'could not start');
    process.exit(ExitCode.RUNTIME_ERROR);
  }
}

// Run only as the entry point: `npm run up` imports serve() from here.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
