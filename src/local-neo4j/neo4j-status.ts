import type { Config } from '../config.js';
import { MissingPasswordError, resolveNeo4jConnection } from '../neo4j/connection.js';
import { probeBolt, type BoltProbe } from './bolt-probe.js';
import { homeLayout } from './home-layout.js';
import type { Report } from './report.js';
import { runningServerPid } from './server-process.js';

/** Whether the configured database is usable: it answers, the local server is not running, or it does not answer. */
export type Neo4jState = 'answers' | 'not-running' | 'unreachable';

/** What neo4jStatus found. */
export interface StatusResult {
  state: Neo4jState;
  uri: string;
  pid: number | undefined;
  probe: BoltProbe | undefined;
}

/** Reports the Bolt URI, the local server's pid, whether Bolt answers, and the server version. */
export async function neo4jStatus(config: Config, report: Report): Promise<StatusResult> {
  const { uri, local } = config.neo4j;
  const pid = local ? runningServerPid(homeLayout(config.localNeo4j.home)) : undefined;
  report(`uri:      ${uri}${local ? '' : ' (NEO4J_URI)'}`);
  if (local) {
    report(`home:     ${config.localNeo4j.home}`);
    report(`pid:      ${pid ?? 'not running'}`);
    if (pid === undefined) return { state: 'not-running', uri, pid, probe: undefined };
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
