/**
 * The helpers every command-line entry point shares: parsing to exit codes, loading the
 * configuration, and turning failures into one line and an exit code. Needs no database.
 */
import net from 'node:net';
import { InvalidArgumentError } from 'commander';
import { Neo4jError } from 'neo4j-driver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError, cliProgram, describeFailure, loadConfigOrExit, parseArgs, parseArgsAsync, positiveInt, reportFailure, withDriver } from '../../src/cli/cli-support.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { LocalNeo4jError } from '../../src/local-neo4j/local-neo4j-error.js';
import { MissingPasswordError } from '../../src/neo4j/connection.js';

const config = loadConfig({ NEO4J_URI: 'bolt://db.example:7687', NEO4J_USER: 'alice', NEO4J_PASSWORD: 'secret' });

/** A program whose commander output is swallowed. */
const quiet = (name = 'demo') =>
  cliProgram(name, 'a demo command')
    .option('--count <n>', 'a count', positiveInt)
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });

/** Captures what is written to stderr while `fn` runs. */
async function stderrOf<T>(fn: () => T | Promise<T>): Promise<{ result: T; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    return { result: await fn(), stderr };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('positiveInt', () => {
  it('accepts positive whole numbers, with underscores, and refuses the rest', () => {
    expect(positiveInt('10_000')).toBe(10_000);
    for (const bad of ['0', '-1', '1.5', 'ten']) expect(() => positiveInt(bad)).toThrow(InvalidArgumentError);
  });
});

describe('parseArgs', () => {
  it('returns undefined when the command should go on, with the options parsed', () => {
    const program = quiet();
    expect(parseArgs(program, ['--count', '3'])).toBeUndefined();
    expect(program.opts()).toEqual({ count: 3 });
  });

  it('returns 0 after --help and 2 for an unknown option or a bad value', () => {
    expect(parseArgs(quiet(), ['--help'])).toBe(ExitCode.OK);
    expect(parseArgs(quiet(), ['--nope'])).toBe(ExitCode.USAGE);
    expect(parseArgs(quiet(), ['--count', 'zero'])).toBe(ExitCode.USAGE);
  });

  it('gives subcommands the same treatment, and lets errors thrown by actions through', async () => {
    const program = quiet();
    program.command('go').action(async () => {
      throw new InvalidArgumentError('--modes: expected sigterm');
    });
    program.command('fine').action(async () => undefined);
    await expect(parseArgsAsync(program, ['go'])).rejects.toThrow('--modes: expected sigterm');
    expect(await parseArgsAsync(quiet().addCommand(quiet('sub')), ['sub', '--nope'])).toBe(ExitCode.USAGE);
    expect(await parseArgsAsync(program, ['fine'])).toBeUndefined();
    expect(await parseArgsAsync(program, ['unknown-command'])).toBe(ExitCode.USAGE);
  });
});

describe('loadConfigOrExit', () => {
  it('returns the configuration when it is valid', () => {
    expect(loadConfigOrExit({ NEO4J_URI: 'bolt://db.example:7687', NEO4J_PASSWORD: 'secret' }).neo4j.uri).toBe('bolt://db.example:7687');
  });

  it('prints one config error line and exits 2 when it is not', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    const { stderr } = await stderrOf(() => expect(() => loadConfigOrExit({ PORT: 'eighty' })).toThrow('exit 2'));
    expect(exit).toHaveBeenCalledWith(ExitCode.USAGE);
    expect(stderr).toBe('config error: PORT: Invalid input: expected number, received NaN (got "eighty")\n');
  });
});

describe('describeFailure', () => {
  it('calls bad configuration and a missing password usage errors (2)', () => {
    expect(describeFailure('seed', new ConfigError('NEO4J_URI', 'not a URI'))).toEqual({ exitCode: 2, line: 'config error: NEO4J_URI: not a URI' });
    expect(describeFailure('seed', new MissingPasswordError('NEO4J_PASSWORD is not set'), config)).toEqual({ exitCode: 2, line: 'seed: NEO4J_PASSWORD is not set' });
  });

  it('calls an unreachable Neo4j or refused credentials exit 4, in one line saying what to do', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687\n    at somewhere'), { code: 'ECONNREFUSED' });
    expect(describeFailure('export', refused, config)).toEqual({
      exitCode: 4,
      line: 'export: Neo4j at bolt://db.example:7687 is unreachable (connect ECONNREFUSED 127.0.0.1:7687). Start it with npm run db:start, or check NEO4J_URI.',
    });
    const auth = new Neo4jError('The client is unauthorized', 'Neo.ClientError.Security.Unauthorized', 'N/A', 'N/A');
    expect(describeFailure('keys', auth, config)).toEqual({
      exitCode: 4,
      line: 'keys: Neo4j at bolt://db.example:7687 refused the credentials for user alice: check NEO4J_USER/NEO4J_PASSWORD',
    });
  });

  it('calls a failed local Neo4j 4 when it does not answer, else 1, with its log lines', () => {
    expect(describeFailure('error', new LocalNeo4jError('port 7687 is taken', { details: ['log 1', 'log 2'] }))).toEqual({ exitCode: 1, line: 'error: port 7687 is taken\nlog 1\nlog 2' });
    expect(describeFailure('up', new LocalNeo4jError('no answer', { unreachable: true })).exitCode).toBe(4);
  });

  it('reports a memory-limit error as a runtime error (1) in one line, not as an outage', () => {
    const memory = new Neo4jError('The allocation of an extra 2.0 MiB would use more than the limit\nmore text', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'N/A', 'N/A');
    expect(describeFailure('ingest', memory, config)).toEqual({
      exitCode: 1,
      line: 'ingest: Neo4j at bolt://db.example:7687 answered with an error: Neo.TransientError.General.MemoryPoolOutOfMemoryError: The allocation of an extra 2.0 MiB would use more than the limit',
    });
  });

  it('gives any other error exit 1 with its message in one line, the stack trace only at LOG_LEVEL=debug', () => {
    const boom = new Error('boom\nsecond line');
    expect(describeFailure('seed', boom, config)).toEqual({ exitCode: 1, line: 'seed: boom' });
    expect(describeFailure('seed', boom)).toEqual({ exitCode: 1, line: 'seed: boom' });
    expect(describeFailure('seed', boom, { ...config, logLevel: 'debug' })).toEqual({ exitCode: 1, line: `seed: ${boom.stack}` });
    expect(describeFailure('seed', 'a string')).toEqual({ exitCode: 1, line: 'seed: a string' });
  });

  it('says what a file-system error means, and passes a CliError through with its exit code', () => {
    const enotdir = Object.assign(new Error("ENOTDIR: not a directory, mkdir '/tmp/f/sub'"), { code: 'ENOTDIR', syscall: 'mkdir', path: '/tmp/f/sub' });
    expect(describeFailure('synth', enotdir)).toEqual({ exitCode: 1, line: 'synth: cannot create the folder /tmp/f/sub: a part of the path is a file, not a folder (ENOTDIR)' });
    const eacces = Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES', syscall: 'open', path: '/x' });
    expect(describeFailure('bench', eacces).line).toBe('bench: cannot open /x: permission denied (EACCES)');
    expect(describeFailure('export', new CliError('--out x: no', ExitCode.USAGE))).toEqual({ exitCode: 2, line: 'export: --out x: no' });
  });

  it('reportFailure prints the line on stderr and returns the exit code', async () => {
    const { result, stderr } = await stderrOf(() => reportFailure('seed', new MissingPasswordError('NEO4J_PASSWORD is not set')));
    expect(result).toBe(ExitCode.USAGE);
    expect(stderr).toBe('seed: NEO4J_PASSWORD is not set\n');
  });
});

describe('withDriver', () => {
  /** A port nothing listens on. */
  async function unusedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it("returns the body's exit code", async () => {
    vi.stubEnv('NEO4J_URI', 'bolt://127.0.0.1:1');
    vi.stubEnv('NEO4J_PASSWORD', 'unused');
    expect(await withDriver('demo', async () => ExitCode.INVALID_DATA)).toBe(ExitCode.INVALID_DATA);
  });

  it("prints the command's own failure first, else describeFailure's", async () => {
    const port = await unusedPort();
    vi.stubEnv('NEO4J_URI', `bolt://127.0.0.1:${port}`);
    vi.stubEnv('NEO4J_PASSWORD', 'unused');
    const own = await stderrOf(() =>
      withDriver(
        'demo',
        async () => {
          throw new RangeError('bad row');
        },
        { failure: (err) => (err instanceof RangeError ? { exitCode: 3, line: `demo: ${err.message}` } : undefined) },
      ),
    );
    expect(own).toEqual({ result: 3, stderr: 'demo: bad row\n' });
    const down = await stderrOf(() => withDriver('demo', async (driver) => (await driver.verifyConnectivity(), ExitCode.OK)));
    expect(down.result).toBe(ExitCode.DATABASE_UNREACHABLE);
    expect(down.stderr).toMatch(new RegExp(`^demo: Neo4j at bolt://127.0.0.1:${port} is unreachable \\(.*\\)\\. Start it with npm run db:start, or check NEO4J_URI\\.\\n$`));
  });
});
