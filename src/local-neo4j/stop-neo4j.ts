import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import { homeLayout } from './home-layout.js';
import type { Report } from './report.js';
import { forgetRunPid } from './run-state.js';
import { isAlive, readPidFile, removePidFile, runningServerPid } from './server-process.js';

/** What stopNeo4j did. */
export interface StopResult {
  /** False when there was nothing to stop (not running, or NEO4J_URI is set). */
  stopped: boolean;
  /** True when the server ignored SIGTERM for the whole grace period. */
  killed: boolean;
}

/** How long a clean shutdown may take before SIGKILL. */
const gracePeriodMs = 60_000;

/**
 * Stops the local Neo4j: SIGTERM (a clean shutdown that checkpoints the store), then
 * SIGKILL after a minute. Never touches a server configured by NEO4J_URI.
 */
export async function stopNeo4j(config: Config, report: Report): Promise<StopResult> {
  if (!config.neo4j.local) {
    report(`NEO4J_URI is set: the configured Neo4j at ${config.neo4j.uri} is not managed here; nothing to stop`);
    return { stopped: false, killed: false };
  }
  const layout = homeLayout(config.localNeo4j.home);
  const pid = runningServerPid(layout);
  if (pid === undefined) {
    const stale = readPidFile(layout);
    removePidFile(layout);
    forgetRunPid(layout.home);
    report(`Neo4j is not running${stale === undefined ? '' : ` (removed the stale pid file naming ${stale})`}`);
    return { stopped: false, killed: false };
  }
  const started = Date.now();
  process.kill(pid, 'SIGTERM');
  while (isAlive(pid) && Date.now() - started < gracePeriodMs) await sleep(200);
  let killed = false;
  if (isAlive(pid)) {
    report(`warning: Neo4j (pid ${pid}) did not stop within ${gracePeriodMs / 1000} s of SIGTERM; sending SIGKILL (the next start recovers the store)`);
    process.kill(pid, 'SIGKILL');
    killed = true;
    while (isAlive(pid)) await sleep(100);
  }
  removePidFile(layout);
  forgetRunPid(layout.home);
  report(`Neo4j stopped (pid ${pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { stopped: true, killed };
}
