/**
 * What every command-line entry point shares: a commander program whose parse errors
 * become exit codes, loading the configuration, running a body with the driver, and
 * turning a failure into one line on stderr and an exit code (src/cli/exit-codes.ts),
 * also at the top level (runMain): no command shows the user a stack trace.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { Neo4jError, type Driver } from 'neo4j-driver';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { LocalNeo4jError } from '../local-neo4j/local-neo4j-error.js';
import { MissingPasswordError } from '../neo4j/connection.js';
import { closeDriver, createDriver } from '../neo4j/driver.js';
import { neo4jErrorKind } from '../neo4j/errors.js';
import { applySchema } from '../seed/load-graph.js';
import { ExitCode } from './exit-codes.js';

/** A failure a command describes itself: one line for the user (without the command's name) and its exit code. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.RUNTIME_ERROR,
  ) {
    super(message);
  }
}

/** How a command ends after a failure: its exit code and the text to print on stderr (no trailing newline). */
export interface Failure {
  exitCode: number;
  line: string;
}

/**
 * A commander program for an entry point. Parse errors, --help and --version throw
 * (for parseArgs to turn into exit codes) instead of exiting; commander's own
 * messages go to stderr. Subcommands added afterwards inherit both.
 */
export function cliProgram(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

/** commander parser of a positive whole number (underscores allowed: 10_000). */
export function positiveInt(v: string): number {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

/**
 * The exit code for an error a cliProgram threw while parsing: 0 after --help or
 * --version, 2 (usage) otherwise; commander has already printed why. Undefined for
 * any other error, including an InvalidArgumentError thrown by an action (which
 * commander did not print).
 */
function parseExitCode(err: unknown): number | undefined {
  if (!(err instanceof CommanderError) || err instanceof InvalidArgumentError) return undefined;
  return err.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
}

/**
 * Parses the command line (process.argv, or `argv` as user arguments) with a cliProgram.
 * Returns undefined when the command should go on, else the code to exit with
 * (0 after --help, 2 for bad usage). Errors thrown by actions propagate.
 */
export function parseArgs(program: Command, argv?: readonly string[]): number | undefined {
  try {
    if (argv) program.parse(argv, { from: 'user' });
    else program.parse();
    return undefined;
  } catch (err) {
    const code = parseExitCode(err);
    if (code === undefined) throw err;
    return code;
  }
}

/** parseArgs for programs whose actions are async (runs them through parseAsync). */
export async function parseArgsAsync(program: Command, argv?: readonly string[]): Promise<number | undefined> {
  try {
    if (argv) await program.parseAsync(argv, { from: 'user' });
    else await program.parseAsync();
    return undefined;
  } catch (err) {
    const code = parseExitCode(err);
    if (code === undefined) throw err;
    return code;
  }
}

/**
 * Loads the configuration from `env`. On a ConfigError prints `config error: ...`
 * (one line, stderr) and exits the process with 2 (usage); other errors propagate.
 * Call it before anything that needs cleaning up.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const { line, exitCode } = describeFailure('config', err);
    process.stderr.write(`${line}\n`);
    return process.exit(exitCode);
  }
}

/**
 * What a failure of command `name` means for the user: one line (the prefix `name: `)
 * and an exit code. Bad configuration or a missing password is 2; a Neo4j that is
 * unreachable or refuses the credentials is 4, with what to do; a failed local Neo4j
 * (db:start) is 4 or 1, with its log lines; another error from Neo4j is 1 in one line;
 * anything else is 1 with its message (the stack trace only with LOG_LEVEL=debug or
 * trace: it helps us, not the user). `config` names the database in the lines.
 */
export function describeFailure(name: string, err: unknown, config?: Config): Failure {
  if (err instanceof ConfigError) return { exitCode: ExitCode.USAGE, line: `config error: ${err.message}` };
  if (err instanceof CliError) return { exitCode: err.exitCode, line: `${name}: ${err.message}` };
  if (err instanceof MissingPasswordError) return { exitCode: ExitCode.USAGE, line: `${name}: ${err.message}` };
  if (err instanceof LocalNeo4jError) {
    return { exitCode: err.unreachable ? ExitCode.DATABASE_UNREACHABLE : ExitCode.RUNTIME_ERROR, line: [`${name}: ${err.message}`, ...err.details].join('\n') };
  }
  const at = config ? ` at ${config.neo4j.uri}` : '';
  // The driver's own text is long; its "Caused by:" part, when there is one, says what happened.
  const message = (err as Error | undefined)?.message ?? String(err);
  const firstLine = (message.split('Caused by: ')[1] ?? message).split('\n')[0];
  switch (neo4jErrorKind(err)) {
    case 'unavailable':
      return { exitCode: ExitCode.DATABASE_UNREACHABLE, line: `${name}: Neo4j${at} is unreachable (${firstLine}). Start it with npm run db:start, or check NEO4J_URI.` };
    case 'auth':
      return {
        exitCode: ExitCode.DATABASE_UNREACHABLE,
        line: `${name}: Neo4j${at} refused the credentials${config ? ` for user ${config.neo4j.user}` : ''}: check NEO4J_USER/NEO4J_PASSWORD`,
      };
    default:
      if (err instanceof Neo4jError) return { exitCode: ExitCode.RUNTIME_ERROR, line: `${name}: Neo4j${at} answered with an error: ${err.code}: ${firstLine}` };
      if (err instanceof Error && (config?.logLevel === 'debug' || config?.logLevel === 'trace')) return { exitCode: ExitCode.RUNTIME_ERROR, line: `${name}: ${err.stack ?? err.message}` };
      return { exitCode: ExitCode.RUNTIME_ERROR, line: `${name}: ${oneLine(err)}` };
  }
}

/** What the common file-system error codes mean, in words. */
const fsReasons: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

/** A file-system error as "cannot <do what> <path>: <why>", or undefined for any other error. */
export function describeFsError(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!(err instanceof Error) || typeof e?.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  const action = ({ mkdir: 'create the folder', open: 'open', write: 'write', scandir: 'read the folder', stat: 'find', rename: 'rename', unlink: 'delete' } as Record<string, string>)[e.syscall] ?? e.syscall;
  return `cannot ${action}${e.path ? ` ${e.path}` : ''}: ${fsReasons[e.code] ?? e.message} (${e.code})`;
}

/** An error's message as one line: a file-system error in words, else the first line of the message. */
function oneLine(err: unknown): string {
  const fs = describeFsError(err);
  if (fs) return fs;
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n').find((l) => l.trim() !== '')?.trim() ?? (err instanceof Error ? err.name : 'unknown error');
}

/**
 * The top level of every entry point: runs `main`, sets the exit code it returns, and
 * turns anything thrown (or rejected later, unhandled) into describeFailure's line and
 * its exit code, so that no command prints a stack trace at the user.
 */
export async function runMain(name: string, main: () => Promise<number | undefined>): Promise<void> {
  // Thrown outside main's chain (a timer, a stream): nothing sensible can go on.
  const fatal = (err: unknown): never => process.exit(reportFailure(name, err));
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  try {
    const code = await main();
    if (code !== undefined) process.exitCode = code;
  } catch (err) {
    process.exitCode = reportFailure(name, err);
  }
}

/** Prints describeFailure's line on stderr and returns its exit code. */
export function reportFailure(name: string, err: unknown, config?: Config): number {
  const { exitCode, line } = describeFailure(name, err, config);
  process.stderr.write(`${line}\n`);
  return exitCode;
}

/** Options of withDriver. */
export interface WithDriverOptions {
  /** Apply the schema (constraints, indexes) before the body. */
  schema?: boolean;
  /** The command's own failures (e.g. invalid data, exit 3); undefined leaves err to describeFailure. */
  failure?: (err: unknown) => Failure | undefined;
}

/**
 * Runs command `name`'s body with the configured driver (configuration errors exit 2
 * via loadConfigOrExit), prints any failure as one line and returns the exit code:
 * the body's own, or the failure's. Closes the driver in every case.
 */
export async function withDriver(name: string, body: (driver: Driver, config: Config) => Promise<number>, options: WithDriverOptions = {}): Promise<number> {
  const config = loadConfigOrExit();
  try {
    const driver = createDriver(config);
    if (options.schema) await applySchema(driver, config.neo4j.database);
    return await body(driver, config);
  } catch (err) {
    const failure = options.failure?.(err) ?? describeFailure(name, err, config);
    process.stderr.write(`${failure.line}\n`);
    return failure.exitCode;
  } finally {
    await closeDriver();
  }
}
