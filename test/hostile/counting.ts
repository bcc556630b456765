/**
 * Proof that a request never reached Neo4j: a real driver wrapped so that every way of
 * running Cypher through it (sessions, executeQuery, connectivity checks) is counted,
 * and a context factory that sums the Cypher queries each request's reader ran.
 */
import type { Driver } from 'neo4j-driver';
import { createGraphContext, type GraphContext } from '../../src/graphql/context.js';
import type { ContextDeps } from '../../src/server.js';
import { startTestServer, testConfig, type TestServer } from '../server/harness.js';

/** Counts of what reached the driver. */
export interface DriverUse {
  /** session(), executeQuery(), verifyConnectivity() and friends called so far. */
  calls: number;
  /** Cypher queries run by GraphQL contexts created so far (GraphReader.queryCount). */
  queries: number;
  /** GraphQL contexts created so far. */
  contexts: number;
}

const cypherMethods = new Set(['session', 'rxSession', 'executeQuery', 'verifyConnectivity', 'getServerInfo', 'verifyAuthentication']);

/** Wraps a driver so that every Cypher-running call on it is counted; everything else passes through. */
export function countingDriver(driver: Driver): { driver: Driver; use: DriverUse; createContext: (deps: ContextDeps) => GraphContext } {
  const use: DriverUse = { calls: 0, queries: 0, contexts: 0 };
  const contexts: GraphContext[] = [];
  const wrapped = new Proxy(driver, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (cypherMethods.has(String(prop))) use.calls++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const createContext = (deps: ContextDeps): GraphContext => {
    use.contexts++;
    const context = createGraphContext(deps);
    contexts.push(context);
    return context;
  };
  Object.defineProperty(use, 'queries', { get: () => contexts.reduce((sum, c) => sum + c.reader.queryCount, 0), enumerable: true });
  return { driver: wrapped, use, createContext };
}

/** A real server whose driver only counts (it points where no Neo4j listens): what reaches Neo4j is visible in `use`. */
export async function serveCounting(nowhere: Driver, env: Record<string, string>): Promise<{ server: TestServer; use: DriverUse }> {
  const counted = countingDriver(nowhere);
  const server = await startTestServer<GraphContext>({ config: testConfig(env), driver: counted.driver, createContext: counted.createContext });
  // The server's own read of the graph's size at start (src/graphql/graph-size.ts) is no request's.
  counted.use.calls = 0;
  return { server, use: counted.use };
}
