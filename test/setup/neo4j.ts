/**
 * What integration tests use to reach the Neo4j the global setup chose: its connection,
 * a driver (one per test file), and the environment for child processes.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, inject } from 'vitest';
import { neo4jConnection, type Neo4jConnection } from '../../src/neo4j/connection.js';
import { openDriver } from '../../src/neo4j/driver.js';
import type { ProvidedNeo4j } from './provided-neo4j.js';

/** The Neo4j the tests run against. */
export function testNeo4j(): ProvidedNeo4j {
  return inject('neo4j');
}

/** The test server's connection, with the given password instead of the real one if asked. */
export function testConnection(password?: string): Neo4jConnection {
  const t = testNeo4j();
  return neo4jConnection({ uri: t.uri, user: t.user, password: password ?? t.password, database: t.database });
}

/** The database tests write to. */
export function testDatabase(): string {
  return testNeo4j().database;
}

/** Opens a driver to the test server; the caller closes it. Prefer withTestDriver. */
export function openTestDriver(): Driver {
  return openDriver(testConnection());
}

/**
 * Call at the top of a test file: returns a getter for the file's one driver, opened on
 * first use and closed after the file's tests.
 */
export function withTestDriver(): () => Driver {
  let driver: Driver | undefined;
  afterAll(async () => {
    await driver?.close();
  });
  return () => (driver ??= openTestDriver());
}

/** Environment variables that point a child process (a CLI under test) at the test server. */
export function neo4jEnv(): Record<string, string> {
  const t = testNeo4j();
  return {
    NEO4J_URI: t.uri,
    NEO4J_USER: t.user,
    NEO4J_DATABASE: t.database,
    ...(t.password === null ? { NEO4J_AUTH: 'none' } : { NEO4J_AUTH: 'basic', NEO4J_PASSWORD: t.password }),
  };
}

/**
 * Why tests that need the project's own local server cannot run here, or undefined when
 * they can. Says so on the console too, since reporters hide the names of skipped suites.
 */
export function localServerSkipReason(what: string): string | undefined {
  const { source } = testNeo4j();
  if (source === 'local') return undefined;
  const reason = source === 'uri' ? 'NEO4J_URI is set, so the local server is not in use' : 'a Testcontainer is in use, not the local server';
  console.log(`skipped: ${what}: ${reason}`);
  return reason;
}
