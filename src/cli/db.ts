/**
 * Entry point of `npm run db:start | db:stop | db:status`: parses the command line and
 * maps outcomes to exit codes; the work is in src/local-neo4j.
 */
import type { Config } from '../config.js';
import { neo4jStatus, type Neo4jState } from '../local-neo4j/neo4j-status.js';
import { startNeo4j } from '../local-neo4j/start-neo4j.js';
import { stopNeo4j } from '../local-neo4j/stop-neo4j.js';
import { cliProgram, loadConfigOrExit, parseArgsAsync, reportFailure } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

/** `db:status` only: the local server is not running (3 means invalid data elsewhere). */
const NOT_RUNNING = 3;

const statusExitCodes: Record<Neo4jState, number> = {
  answers: ExitCode.OK,
  'not-running': NOT_RUNNING,
  unreachable: ExitCode.DATABASE_UNREACHABLE,
};

const say = (line: string): void => console.log(line);

/** Runs one command, turning every failure into one line (plus log lines, if any) and an exit code. */
async function run(action: (config: Config) => Promise<number>): Promise<void> {
  const config = loadConfigOrExit();
  try {
    process.exitCode = await action(config);
  } catch (err) {
    process.exitCode = reportFailure('error', err, config);
  }
}

const program = cliProgram('db', "Manage the project's local Neo4j (or check the one NEO4J_URI names)");

program
  .command('start')
  .description('start the local Neo4j (fetching it on first use) and wait until Bolt answers')
  .action(() => run(async (config) => (await startNeo4j(config, say), ExitCode.OK)));

program
  .command('stop')
  .description('stop the local Neo4j (SIGTERM, then SIGKILL after 60 s)')
  .action(() => run(async (config) => (await stopNeo4j(config, say), ExitCode.OK)));

program
  .command('status')
  .description('print the Bolt URI, pid, whether Bolt answers and the version (exit 0 answers, 3 not running, 4 unreachable)')
  .action(() => run(async (config) => statusExitCodes[(await neo4jStatus(config, say)).state]));

const parsed = await parseArgsAsync(program);
if (parsed !== undefined) process.exitCode = parsed;
