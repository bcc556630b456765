/**
 * `npm run up`: everything a fresh machine needs, in order: check that every port it
 * will listen on is free (one message naming all taken ones), start the local Neo4j
 * (skipped when NEO4J_URI is set), load the seed files, serve the API and the dashboard
 * in this process, remember the ports in the Neo4j home's run.json, and warm the
 * server with the example operations, printing each one's first-request time. Exit
 * codes as the other commands: 2 configuration, 3 invalid seed data, 4 Neo4j
 * unreachable, 1 anything else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot, type Config } from '../config.js';
import { homeLayout } from '../local-neo4j/home-layout.js';
import { assertPortsFree, neo4jPortNeeds, serverPortNeed } from '../local-neo4j/ports.js';
import { runStateFile, writeRunState } from '../local-neo4j/run-state.js';
import { runningServerPid } from '../local-neo4j/server-process.js';
import { startNeo4j } from '../local-neo4j/start-neo4j.js';
import { createLogger } from '../logger.js';
import { serve, StartupError } from '../main.js';
import { closeDriver, createDriver } from '../neo4j/driver.js';
import { formatSummary } from '../seed/format-summary.js';
import { LoadIntegrityError } from '../seed/load-graph.js';
import { runSeed } from '../seed/run-seed.js';
import { SeedValidationError } from '../seed/seed-issue.js';
import { describeFailure, loadConfigOrExit, reportFailure } from './cli-support.js';
import { ExitCode } from './exit-codes.js';
import { formatWarmUp, warmUp } from './warm-up.js';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const fail = (line: string): void => {
  process.stderr.write(`up: ${line}\n`);
};

/** Runs the three steps; returns an exit code on failure, undefined once the server is up. */
async function up(): Promise<number | undefined> {
  const config = loadConfigOrExit();

  // 0. Every port this run listens on, checked before anything starts: one message names all taken ones.
  const ourNeo4jRuns = config.neo4j.local && runningServerPid(homeLayout(config.localNeo4j.home)) !== undefined;
  try {
    const needs = [...(config.neo4j.local && !ourNeo4jRuns ? neo4jPortNeeds(config) : []), serverPortNeed(config)];
    await assertPortsFree(needs, 'npm run up', { file: runStateFile(config.localNeo4j.home), remembered: config.remembered });
  } catch (err) {
    return reportFailure('up', err, config);
  }

  // 1. The database.
  if (config.neo4j.local) {
    try {
      await startNeo4j(config, say, 'npm run up');
    } catch (err) {
      return reportFailure('up', err, config);
    }
  } else {
    say(`NEO4J_URI is set: using the Neo4j at ${config.neo4j.uri}; no local server is started`);
  }

  // 2. The seed data (idempotent: loading twice changes nothing).
  const seeded = await seed(config);
  if (seeded !== undefined) return seeded;

  // 3. The server, with the same driver.
  try {
    const urls = await serve(config, createLogger(config));
    if (config.neo4j.local) {
      const { home, boltPort, httpPort } = config.localNeo4j;
      writeRunState(home, { boltPort, httpPort, serverPort: config.http.port });
    }
    // 4. Warm Neo4j's plans and Apollo's caches so that the first visits are fast.
    if (config.auth.readsRequireKey) say('warm-up skipped: READS_REQUIRE_KEY=true (reads need a key)');
    else for (const line of formatWarmUp(await warmUp(urls.graphql))) say(line);
    say('');
    say(`diplograph is up:`);
    const built = fs.existsSync(path.join(projectRoot, 'web', 'dist', 'index.html'));
    say(`  dashboard  ${urls.dashboard}${built ? '' : '  (not built: run npm run build:web, then reload)'}`);
    say(`  playground ${urls.dashboard}playground/`);
    say(`  GraphQL    ${urls.graphql}`);
    say(`  health     ${urls.health}  (readiness: ${urls.ready})`);
    say(`Stop with Ctrl-C.${config.neo4j.local ? ' Neo4j keeps running; stop it with npm run db:stop.' : ''}`);
    return undefined;
  } catch (err) {
    if (err instanceof StartupError) {
      fail(err.message);
      return err.exitCode;
    }
    throw err;
  }
}

/** Loads seeds/ into the configured database; returns an exit code on failure. */
async function seed(config: Config): Promise<number | undefined> {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  try {
    const { summary, files } = await runSeed(createDriver(config), {
      database: config.neo4j.database,
      ...(tty ? { onProgress: (done: number, total: number) => process.stderr.write(`\rloading ${done}/${total}`) } : {}),
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(formatSummary(summary, files, Date.now() - started));
    return undefined;
  } catch (err) {
    await closeDriver();
    if (err instanceof SeedValidationError) {
      fail(`${err.message}\nNothing was written.`);
      return ExitCode.INVALID_DATA;
    }
    if (err instanceof LoadIntegrityError) {
      fail(`seed load rolled back: ${err.message}`);
      return ExitCode.INVALID_DATA;
    }
    return reportFailure('up', err, config);
  }
}

try {
  const code = await up();
  if (code !== undefined) process.exit(code);
} catch (err) {
  fail(describeFailure('up', err).line.replace(/^up: /, ''));
  await closeDriver().catch(() => undefined);
  process.exit(ExitCode.RUNTIME_ERROR);
}
