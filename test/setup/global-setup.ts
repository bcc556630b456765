/**
 * Global setup of the integration project: finds a real Neo4j for the tests and hands
 * its address to them through provide('neo4j'). In order: the server NEO4J_URI names; a
 * neo4j:5.26-community Testcontainer when a Docker engine answers; else the project's
 * local Neo4j, started here if it is not running (and then stopped at teardown).
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { loadConfig, type Config } from '../../src/config.js';
import { probeBolt } from '../../src/local-neo4j/bolt-probe.js';
import { homeLayout } from '../../src/local-neo4j/home-layout.js';
import { LocalNeo4jError } from '../../src/local-neo4j/local-neo4j-error.js';
import { readPasswordFile } from '../../src/local-neo4j/password.js';
import { startNeo4j } from '../../src/local-neo4j/start-neo4j.js';
import { stopNeo4j } from '../../src/local-neo4j/stop-neo4j.js';
import { resolveNeo4jConnection } from '../../src/neo4j/connection.js';
import type { ProvidedNeo4j } from './provided-neo4j.js';

const log = (line: string): void => console.log(`[neo4j] ${line}`);

/** Sets up the Neo4j for the integration tests; returns the teardown. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const config = testConfig();

  if (!config.neo4j.local) {
    const connection = resolveNeo4jConnection(config);
    const probe = await probeBolt(connection, 10_000);
    if (!probe.answers) throw new Error(`integration tests: the Neo4j at ${connection.uri} (NEO4J_URI) does not answer: ${probe.reason}`);
    log(`integration tests use the Neo4j at ${connection.uri} (NEO4J_URI), version ${probe.version}`);
    project.provide('neo4j', {
      source: 'uri',
      uri: connection.uri,
      user: config.neo4j.user,
      password: config.neo4j.auth === 'none' ? null : (config.neo4j.password ?? null),
      database: config.neo4j.database,
      home: null,
    } satisfies ProvidedNeo4j);
    return undefined;
  }

  if (await dockerEngineAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    log('a Docker engine answers: starting a neo4j:5.26-community Testcontainer ...');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword(randomBytes(12).toString('hex')).start();
    log(`integration tests use the Testcontainer at ${container.getBoltUri()}`);
    project.provide('neo4j', {
      source: 'testcontainer',
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: 'neo4j',
      home: null,
    } satisfies ProvidedNeo4j);
    return async () => {
      await container.stop();
    };
  }

  log('no NEO4J_URI and no Docker engine: using the local Neo4j');
  // Ports chosen by an earlier npm run up or db:start (decision 0019): say so, since no variable shows them.
  if (config.remembered.length > 0) log(`${config.remembered.join(', ')} as remembered in ${config.localNeo4j.home}/run.json`);
  const started = await startNeo4j(config, log).catch((err: unknown) => {
    // Vitest prints only the message: carry the server's last log lines in it.
    if (err instanceof LocalNeo4jError) throw new Error([err.message, ...err.details].join('\n'));
    throw err;
  });
  const password = config.neo4j.password ?? readPasswordFile(homeLayout(config.localNeo4j.home));
  if (password === undefined) throw new Error('integration tests: the local Neo4j has no password file');
  project.provide('neo4j', {
    source: 'local',
    uri: started.uri,
    user: config.neo4j.user,
    password,
    database: config.neo4j.database,
    home: config.localNeo4j.home,
  } satisfies ProvidedNeo4j);
  if (!started.startedNow) return undefined;
  // Leave a server someone else started alone; stop only the one started here.
  return async () => {
    await stopNeo4j(config, log);
  };
}

/**
 * The configuration of the test run. For the project's local Neo4j the user is always
 * neo4j and the password is the one its home keeps in <home>/password (written by the
 * start that set it): a NEO4J_USER or NEO4J_PASSWORD meant for another server must not
 * break the run. NEO4J_PASSWORD still sets the password of a store that has none yet.
 */
function testConfig(): Config {
  const config = loadConfig();
  if (!config.neo4j.local) return config;
  const { NEO4J_USER: _user, NEO4J_PASSWORD: password, ...env } = process.env;
  const stored = readPasswordFile(homeLayout(config.localNeo4j.home));
  // The ports an earlier npm run up or db:start chose (run.json) count, as for npm start (README, decision 0019).
  return loadConfig(stored === undefined && password !== undefined ? { ...env, NEO4J_PASSWORD: password } : env, { remembered: true });
}

/**
 * Whether a Docker (or compatible) engine answers, by testcontainers' own detection,
 * bounded so that a configured but dead engine cannot stall the test run.
 */
async function dockerEngineAnswers(timeoutMs = 5_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
    });
    return await Promise.race([getContainerRuntimeClient().then(() => true), timedOut]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
