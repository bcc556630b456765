import type { Config } from '../config.js';
import { MissingPasswordError, resolveNeo4jConnection } from '../neo4j/connection.js';
import { probeBolt, type BoltProbe } from './bolt-probe.js';
import { homeLayout } from './home-layout.js';
import { isPortFree } from './ports.js';
import type { Report } from './report.js';
import { readRunState, runStateFile } from './run-state.js';
import { isAlive, readPidFile, runningServerPid } from './server-process.js';

/** Whether the configured database is usable: it answers, the local server is not running, or it does not answer. */
export type Neo4jState = 'answers' | 'not-running' | 'unreachable';

/** What neo4jStatus found. */
export interface StatusResult {
  state: Neo4jState;
  uri: string;
  pid: number | undefined;
  probe: BoltProbe | undefined;
}

/**
 * Reports the Bolt URI, the local server's pid, whether Bolt answers, and the server
 * version. "Ours" is decided by the pid file and the process's command line (our entry
 * point and this home), never by the port: a server of another home or program that
 * answers on our port is reported as such, not as the local Neo4j.
 */
export async function neo4jStatus(config: Config, report: Report): Promise<StatusResult> {
  const { uri, local } = config.neo4j;
  report(`uri:      ${uri}${local ? portsOrigin(config) : ' (NEO4J_URI)'}`);
  let pid: number | undefined;
  if (local) {
    const { home, boltPort, httpPort } = config.localNeo4j;
    const layout = homeLayout(home);
    pid = runningServerPid(layout);
    report(`home:     ${home}`);
    if (pid === undefined) {
      const recorded = readPidFile(layout);
      const foreign = recorded !== undefined && isAlive(recorded);
      report(`pid:      not running${foreign ? ` (the pid file names ${recorded}, a process that is not this home's Neo4j)` : ''}`);
      for (const [port, use] of [[boltPort, 'Bolt'], [httpPort, 'HTTP']] as const) {
        if (!(await isPortFree(port))) report(`note:     port ${port} (${use}) is in use by another program or another Neo4j, not this home's`);
      }
      return { state: 'not-running', uri, pid, probe: undefined };
    }
    report(`pid:      ${pid}`);
    const state = readRunState(home);
    if (state?.pid === pid && (state.boltPort !== boltPort || state.httpPort !== httpPort)) {
      report(
        `answers:  not checked: this home's Neo4j runs on Bolt ${state.boltPort} and HTTP ${state.httpPort} (${runStateFile(home)}), ` +
          `not on ${boltPort} and ${httpPort}; unset NEO4J_BOLT_PORT and NEO4J_HTTP_PORT to use it`,
      );
      return { state: 'unreachable', uri, pid, probe: undefined };
    }
  }
  let probe: BoltProbe;
  try {
    probe = await probeBolt(resolveNeo4jConnection(config));
  } catch (err) {
    if (!(err instanceof MissingPasswordError)) throw err;
    report(`answers:  no (${err.message})`);
    return { state: 'unreachable', uri, pid, probe: undefined };
  }
  if (!probe.answers) {
    report(`answers:  no (${probe.reason})`);
    return { state: 'unreachable', uri, pid, probe };
  }
  report('answers:  yes');
  report(`version:  ${probe.version} (${probe.edition})`);
  return { state: 'answers', uri, pid, probe };
}

/** Where the local ports came from, when not from the environment or the defaults. */
function portsOrigin(config: Config): string {
  const fromFile = config.remembered.filter((v) => v.startsWith('NEO4J_'));
  return fromFile.length > 0 ? ` (ports remembered in ${runStateFile(config.localNeo4j.home)})` : '';
}
