/**
 * Entry point of `npm run db:start | db:stop | db:status`: parses the command line and
 * maps outcomes to exit codes; the work is in src/local-neo4j.
 */
import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { LocalNeo4jError } from '../local-neo4j/local-neo4j-error.js';
import { neo4jStatus, type Neo4jState } from '../local-neo4j/neo4j-status.js';
import { startNeo4j } from '../local-neo4j/start-neo4j.js';
import { stopNeo4j } from '../local-neo4j/stop-neo4j.js';
import { MissingPasswordError } from '../neo4j/connection.js';
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
  try {
    process.exitCode = await action(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`config error: ${err.message}`);
      process.exitCode = ExitCode.USAGE;
    } else if (err instanceof LocalNeo4jError) {
      console.error(`error: ${err.message}`);
      for (const line of err.details) console.error(line);
      process.exitCode = err.unreachable ? ExitCode.DATABASE_UNREACHABLE : ExitCode.RUNTIME_ERROR;
    } else if (err instanceof MissingPasswordError) {
      console.error(`error: ${err.message}`);
      process.exitCode = ExitCode.RUNTIME_ERROR;
    } else {
      console.error(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = ExitCode.RUNTIME_ERROR;
    }
  }
}

const program = new Command('db')
  .description("Manage the project's local Neo4j (or check the one NEO4J_URI names)")
  .exitOverride((err) => process.exit(err.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE));

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

await program.parseAsync(process.argv);
