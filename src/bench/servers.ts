/**
 * Starts the two GraphQL servers the benchmark talks to as child processes
 * (so that the load generator does not share their event loop): diplograph's
 * own (`src/main.ts`) and the @neo4j/graphql comparison server, each on a
 * free port, and stops them at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { projectRoot, serverNodeArgs } from '../config.js';

/** A running server process. */
export interface BenchServer {
  name: string;
  /** The GraphQL endpoint. */
  url: string;
  /** The server's process id (to read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitUntilAnswers(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output().slice(-2000)}`);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs / 1000} s: ${output().slice(-2000)}`);
}

/** How a server process is started beyond its environment: Node flags before the server's own (e.g. --cpu-prof), and the checkout it runs from. */
export interface StartOptions {
  nodeFlags?: string[];
  /** The project folder whose src/ runs (default: this one); another checkout measures another commit. */
  cwd?: string;
}

/**
 * Starts `script` with PORT set, as `npm start` runs the server (the same Node flags for
 * both GraphQL servers, so neither is tuned and the other not), and waits until its
 * GraphQL endpoint answers.
 */
async function startServer(name: string, script: string, endpoint: string, env: NodeJS.ProcessEnv, opts: StartOptions = {}): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeFlags ?? []), ...serverNodeArgs(script)], {
    cwd: opts.cwd ?? projectRoot,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-10_000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-10_000)));
  const url = `http://127.0.0.1:${port}${endpoint}`;
  try {
    await waitUntilAnswers(url, child, () => out);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    name,
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** diplograph's server (the real entry point, logging at warn). */
export const startDiplograph = (env: NodeJS.ProcessEnv, opts: StartOptions = {}): Promise<BenchServer> =>
  startServer('diplograph', 'src/main.ts', '/graphql', { ...benchThrottle, ...env }, opts);

/**
 * The benchmark's clients all come from one address and run expensive operations at
 * concurrency 32, against a comparison server that has no such limits: its diplograph
 * lifts the per-client and server-wide bounds and the transaction timeout (10^6 hub
 * agreements take seconds), so that it measures speed, not the limits (issue 14).
 */
const benchThrottle: NodeJS.ProcessEnv = {
  EXPENSIVE_PER_CLIENT: '10000',
  EXPENSIVE_RATE_PER_CLIENT: '100000000',
  EXPENSIVE_CONCURRENCY: '10000',
  EXPENSIVE_QUEUE: '10000',
  NEO4J_TX_TIMEOUT: '600000',
};

/** The @neo4j/graphql comparison server. */
export const startNeo4jGraphql = (env: NodeJS.ProcessEnv): Promise<BenchServer> =>
  startServer('@neo4j/graphql', 'src/bench/neo4j-graphql-server.ts', '/', env);
