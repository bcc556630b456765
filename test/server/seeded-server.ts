/**
 * For integration tests: the seeded test Neo4j and the real server over it, on a free
 * port, with a fail-fast driver. Call in beforeAll; `close()` in afterAll.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import { openDriver } from '../../src/neo4j/driver.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';
import { failFastDriverOptions, startTestServer, testConfig, type TestServer } from './harness.js';

/** A running server over the seeded graph, and the driver it uses. */
export interface SeededServer {
  driver: Driver;
  api: TestServer;
  close(): Promise<void>;
}

/** A seed file a test loads on top of seeds/, and the origin (its source's id) that `close()` deletes again. */
export interface SeedFixture {
  path: string;
  origin: string;
}

/**
 * Seeds the test database from seeds/ (and `fixture` on top) and starts the server over it
 * (`env`: settings on top of the test defaults). `close()` removes the fixture's entities,
 * so the next file finds the seeded graph as it was.
 */
export async function startSeededServer(
  options: Omit<Parameters<typeof startTestServer>[0], 'config' | 'driver'> & { env?: Record<string, string>; fixture?: SeedFixture } = {},
): Promise<SeededServer> {
  const { env = {}, fixture, ...rest } = options;
  const driver = openDriver(testConnection(), failFastDriverOptions);
  await runSeed(driver, { database: testDatabase() });
  if (fixture) await runSeed(driver, { database: testDatabase(), paths: [fixture.path] });
  const api = await startTestServer({ config: testConfig({ NEO4J_DATABASE: testDatabase(), ...env }), driver, ...rest });
  return {
    driver,
    api,
    async close() {
      await api.stop();
      if (fixture) await driver.executeQuery('MATCH (n:Entity {origin: $origin}) DETACH DELETE n', { origin: fixture.origin }, { database: testDatabase() });
      await driver.close();
    },
  };
}

/** Starts the seeded server before the file's tests and closes it after them; returns a getter for the running server. */
export function withSeededServer(...args: Parameters<typeof startSeededServer>): () => TestServer {
  let seeded: SeededServer | undefined;
  beforeAll(async () => {
    seeded = await startSeededServer(...args);
  });
  afterAll(async () => {
    await seeded?.close();
  });
  return () => {
    if (!seeded) throw new Error('the seeded server is not started (call withSeededServer at the top level of the file)');
    return seeded.api;
  };
}
