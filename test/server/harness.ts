/**
 * Starts the real server in-process on a free port, with logs collected in memory,
 * for tests that talk to it over real HTTP.
 */
import net from 'node:net';
import type { BaseContext } from '@apollo/server';
import type { Driver, Config as DriverConfig } from 'neo4j-driver';
import { loadConfig, type Config } from '../../src/config.js';
import { createGraphContext } from '../../src/graphql/context.js';
import { resolvers } from '../../src/graphql/resolvers.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { createLogger } from '../../src/logger.js';
import { neo4jConnection } from '../../src/neo4j/connection.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { createServer, type ServerDeps } from '../../src/server.js';

/**
 * Driver settings under which a read fails within a few seconds when Neo4j is down
 * (the values proposed for src/neo4j/driver.ts).
 */
export const failFastDriverOptions: DriverConfig = {
  connectionTimeout: 2_000,
  connectionAcquisitionTimeout: 3_000,
  maxTransactionRetryTime: 500,
};

/** A running test server. */
export interface TestServer {
  url: string;
  /** Every log line so far, parsed. */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** A configuration for tests: env entries as for loadConfig, listening on a free port. */
export function testConfig(env: Record<string, string> = {}): Config {
  const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'unused-password', LOG_LEVEL: 'debug', ...env });
  return { ...config, http: { ...config.http, host: '127.0.0.1', port: 0 } };
}

/**
 * Starts a server. Defaults: the real schema.graphql, resolvers and context; override
 * typeDefs/resolvers/createContext for a stand-in schema.
 */
export async function startTestServer<TContext extends BaseContext = BaseContext>(
  options: { config: Config; driver: Driver } & Partial<Pick<ServerDeps<TContext>, 'typeDefs' | 'resolvers' | 'createContext' | 'webRoot'>>,
): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger(options.config, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const server = createServer<TContext>({
    config: options.config,
    driver: options.driver,
    logger,
    typeDefs: options.typeDefs ?? loadTypeDefs(),
    resolvers: options.resolvers ?? (resolvers as ServerDeps<TContext>['resolvers']),
    createContext: options.createContext ?? ((deps) => createGraphContext(deps) as unknown as TContext),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  const { url } = await server.start();
  return { url, logs, stop: () => server.stop() };
}

/** A port nothing listens on (found free a moment ago). */
export async function unusedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A real driver aimed at a port where no Neo4j listens. */
export function driverToNowhere(port: number): Driver {
  return openDriver(
    neo4jConnection({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'unused-password', database: 'neo4j' }),
    failFastDriverOptions,
  );
}

/** POSTs a GraphQL operation as JSON. */
export async function postGraphql(
  url: string,
  body: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: GraphqlBody; text: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as GraphqlBody, text, ms: Date.now() - started };
}

/** The JSON body of a GraphQL response. */
export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> & { code?: string } }[];
}
