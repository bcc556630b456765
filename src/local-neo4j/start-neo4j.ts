import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import { resolveNeo4jConnection } from '../neo4j/connection.js';
import { probeBolt } from './bolt-probe.js';
import { ensureJars } from './fetch-jars.js';
import { findJava } from './find-java.js';
import { homeLayout, type HomeLayout } from './home-layout.js';
import { serverJavaArgs } from './jvm-options.js';
import { LocalNeo4jError } from './local-neo4j-error.js';
import { tailLogs } from './log-tail.js';
import { writeNeo4jConf } from './neo4j-conf.js';
import { ensurePassword } from './password.js';
import { assertPortsFree, neo4jPortNeeds } from './ports.js';
import type { Report } from './report.js';
import { forgetRunPid, readRunState, runStateFile, writeRunState } from './run-state.js';
import { isAlive, removePidFile, runningServerPid, writePidFile } from './server-process.js';

/** What startNeo4j found or did. */
export interface StartResult {
  uri: string;
  /** The local server's pid; undefined for a server configured by NEO4J_URI. */
  pid: number | undefined;
  /** True only when this call launched the server (so the caller may stop it later). */
  startedNow: boolean;
  version: string;
  edition: string;
}

/** Why CommunityEntryPoint exits early, by its exit code. */
const entryPointExitCodes: Record<number, string> = {
  1: 'web server error',
  2: 'database start-up error, e.g. the store is locked by another process',
  3: 'bad configuration, or heap + page cache larger than the memory of this machine',
};

/**
 * Brings up the database the configuration names: the project's local Neo4j (started if
 * not already running, and waited for), or, with NEO4J_URI, just checks that server answers.
 */
export async function startNeo4j(config: Config, report: Report, command = 'npm run db:start'): Promise<StartResult> {
  if (!config.neo4j.local) return checkConfiguredServer(config, report);
  const layout = homeLayout(config.localNeo4j.home);
  const uri = config.neo4j.uri;
  const { boltPort, httpPort } = config.localNeo4j;

  const runningPid = runningServerPid(layout);
  if (runningPid !== undefined) {
    assertRunsOnConfiguredPorts(config, runningPid);
    const ready = await waitForBolt(config, layout, { pid: runningPid });
    // A server started before run.json existed: remember the ports it answers on.
    if (readRunState(layout.home)?.pid !== runningPid) writeRunState(layout.home, { boltPort, httpPort, pid: runningPid });
    report(`Neo4j already running at ${uri} (pid ${runningPid})`);
    return { uri, pid: runningPid, startedNow: false, ...ready };
  }
  removePidFile(layout);
  forgetRunPid(layout.home);

  // Cheap checks first, so a conflict costs no download.
  await assertPortsFree(neo4jPortNeeds(config), command, { file: runStateFile(layout.home), remembered: config.remembered });
  const java = findJava(config.localNeo4j.javaHome);
  const jars = await ensureJars(layout, report);
  for (const dir of [layout.data, layout.logs, layout.run, layout.import]) fs.mkdirSync(dir, { recursive: true });
  writeNeo4jConf(config.localNeo4j, layout);
  const { initial } = ensurePassword(config, layout, java);
  if (initial) report(`Set the initial password of the new store (kept in ${layout.passwordFile})`);

  const started = Date.now();
  const child = launchServer(java.bin, config, layout);
  const pid = child.pid!;
  writePidFile(layout, pid);
  writeRunState(layout.home, { boltPort, httpPort, pid });
  report(`Starting Neo4j ${jars.version} (pid ${pid}, Java ${java.major}, heap ${config.localNeo4j.heap}, page cache ${config.localNeo4j.pageCache}) ...`);
  const ready = await waitForBolt(config, layout, { pid, child });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  report(`Neo4j ${ready.version} (${ready.edition}) is up at ${uri} (pid ${pid}) after ${seconds} s`);
  return { uri, pid, startedNow: true, ...ready };
}

/**
 * Refuses a configuration whose ports differ from those the running local server was
 * started with (run.json): probing the configured ports would find another program's
 * server, or none, and call it ours.
 */
function assertRunsOnConfiguredPorts(config: Config, pid: number): void {
  const state = readRunState(config.localNeo4j.home);
  if (state?.pid !== pid) return;
  const { boltPort, httpPort } = config.localNeo4j;
  if (state.boltPort === boltPort && state.httpPort === httpPort) return;
  throw new LocalNeo4jError(
    `the local Neo4j in ${config.localNeo4j.home} already runs (pid ${pid}) on Bolt ${state.boltPort} and HTTP ${state.httpPort} ` +
      `(${runStateFile(config.localNeo4j.home)}), not on NEO4J_BOLT_PORT=${boltPort} NEO4J_HTTP_PORT=${httpPort}: ` +
      'unset those variables to use it, or stop it first with npm run db:stop',
  );
}

async function checkConfiguredServer(config: Config, report: Report): Promise<StartResult> {
  const connection = resolveNeo4jConnection(config);
  report(`NEO4J_URI is set: using the configured Neo4j at ${connection.uri}; no local server is started`);
  const probe = await probeBolt(connection, 10_000);
  if (!probe.answers) {
    throw new LocalNeo4jError(`the Neo4j at ${connection.uri} (NEO4J_URI) does not answer: ${probe.reason}`, { unreachable: true });
  }
  report(`It answers: Neo4j ${probe.version} (${probe.edition})`);
  return { uri: connection.uri, pid: undefined, startedNow: false, version: probe.version, edition: probe.edition };
}

function launchServer(javaBin: string, config: Config, layout: HomeLayout): ChildProcess {
  const out = fs.openSync(layout.consoleLog, 'w');
  try {
    // Detached into its own session so it outlives npm; a minimal environment so no
    // secret of ours (NEO4J_PASSWORD, tokens) ends up in the server's environment.
    const child = spawn(javaBin, serverJavaArgs(config.localNeo4j, layout), {
      cwd: layout.home,
      detached: true,
      stdio: ['ignore', out, out],
      env: { NEO4J_HOME: layout.home, NEO4J_CONF: layout.conf, LANG: 'C.UTF-8' },
    });
    if (child.pid === undefined) throw new LocalNeo4jError(`could not launch ${javaBin}`);
    child.unref();
    return child;
  } finally {
    fs.closeSync(out);
  }
}

/**
 * Polls Bolt until the server answers, it dies, or NEO4J_START_TIMEOUT runs out.
 * A refused password is reported at once: waiting would not change it.
 */
async function waitForBolt(
  config: Config,
  layout: HomeLayout,
  server: { pid: number; child?: ChildProcess },
): Promise<{ version: string; edition: string }> {
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  server.child?.once('exit', (code, signal) => (exit = { code, signal }));
  // Waiting on the configured database, not just the server: it comes up last.
  const connection = resolveNeo4jConnection(config);
  const timeoutSeconds = config.localNeo4j.startTimeoutSeconds;
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const probe = await probeBolt(connection, 2_000);
    if (probe.answers) return probe;
    if (probe.authFailed) throw passwordRefused(config, layout, server.pid);
    if (probe.refused) throw new LocalNeo4jError(`Neo4j at ${config.neo4j.uri} answered with an error: ${probe.reason}`);
    if (exit !== undefined || (server.child === undefined && !isAlive(server.pid))) {
      removePidFile(layout);
      forgetRunPid(layout.home);
      const code = exit?.code ?? null;
      const why = code === null ? (exit?.signal ? ` (killed by ${exit.signal})` : '') : ` with code ${code}${entryPointExitCodes[code] ? ` (${entryPointExitCodes[code]})` : ''}`;
      throw new LocalNeo4jError(`Neo4j exited during start-up${why}`, { details: tailLogs(layout) });
    }
    if (Date.now() > deadline) {
      throw new LocalNeo4jError(
        `Neo4j did not answer on Bolt at ${config.neo4j.uri} within ${timeoutSeconds} s (NEO4J_START_TIMEOUT); ` +
          `it is still running as pid ${server.pid}: npm run db:stop stops it`,
        { details: tailLogs(layout) },
      );
    }
    await sleep(500);
  }
}

function passwordRefused(config: Config, layout: HomeLayout, pid: number): LocalNeo4jError {
  if (config.neo4j.password !== undefined) {
    return new LocalNeo4jError(
      `Neo4j runs (pid ${pid}) but refused NEO4J_PASSWORD: it is not the password of the local Neo4j store in ${layout.data} (a store keeps the password it got at its first start; ` +
        `a generated one is in ${layout.passwordFile}): unset NEO4J_PASSWORD, set it to the store's password, or delete ${layout.data} to start over with an empty store`,
    );
  }
  return new LocalNeo4jError(
    `Neo4j runs (pid ${pid}) but refused the password in ${layout.passwordFile} (was it changed after the first start?): ` +
      `set NEO4J_PASSWORD to the current password, or delete ${layout.data} to start over with an empty store`,
  );
}
