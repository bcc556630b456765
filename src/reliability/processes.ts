/**
 * The processes a fault run plays with: the local Neo4j (stopped cleanly or killed
 * outright) and the diplograph server, run as a child process exactly as `npm start`
 * runs it, so that "the server stays up" is a claim about a real process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot, serverNodeArgs, type Config } from '../config.js';
import { homeLayout } from '../local-neo4j/home-layout.js';
import type { Report } from '../local-neo4j/report.js';
import { isAlive, removePidFile, runningServerPid } from '../local-neo4j/server-process.js';
import { stopNeo4j } from '../local-neo4j/stop-neo4j.js';

/** How Neo4j is taken away: a clean shutdown (SIGTERM, as `npm run db:stop`) or SIGKILL. */
export type StopMode = 'sigterm' | 'sigkill';

/** Takes the local Neo4j away and resolves once its process is gone. */
export async function takeNeo4jAway(config: Config, mode: StopMode, report: Report): Promise<void> {
  if (!config.neo4j.local) throw new Error('fault runs need the project-managed local Neo4j (unset NEO4J_URI)');
  if (mode === 'sigterm') {
    await stopNeo4j(config, report);
    return;
  }
  const layout = homeLayout(config.localNeo4j.home);
  const pid = runningServerPid(layout);
  if (pid === undefined) throw new Error(`no local Neo4j runs in ${layout.home}`);
  process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(20);
  removePidFile(layout);
  report(`Neo4j killed (SIGKILL, pid ${pid})`);
}

/** A free loopback port (free a moment ago). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A diplograph server running as a child process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** True while the process has not exited. */
  alive(): boolean;
  /** Its output so far (stdout and stderr), for a post-mortem. */
  output(): string;
  /** SIGTERM, then waits for the exit; resolves with the exit code or signal. */
  stop(): Promise<number | string>;
}

/**
 * Starts `src/main.ts` through tsx on a free port against the local Neo4j of `config`,
 * and waits until /health answers. The child gets this process's environment (PATH,
 * JAVA_HOME) with the Neo4j settings of `config` (credentials included) and HTTP settings on top.
 */
export async function startServerProcess(config: Config, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_HOME: config.localNeo4j.home,
    NEO4J_BOLT_PORT: String(config.localNeo4j.boltPort),
    NEO4J_HTTP_PORT: String(config.localNeo4j.httpPort),
    NEO4J_DATABASE: config.neo4j.database,
    // Explicit credentials: the caller's NEO4J_USER / NEO4J_PASSWORD belong to another
    // Neo4j (a throwaway home keeps its own generated password in <home>/password).
    NEO4J_USER: config.neo4j.user,
    NEO4J_AUTH: config.neo4j.auth,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...env,
  };
  delete childEnv['NEO4J_URI'];
  if (config.neo4j.password === undefined) delete childEnv['NEO4J_PASSWORD'];
  else childEnv['NEO4J_PASSWORD'] = config.neo4j.password;
  const child = spawn(process.execPath, serverNodeArgs(path.join(projectRoot, 'src', 'main.ts')), { cwd: projectRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const keep = (chunk: Buffer) => {
    // Keep the tail only: a fault run logs a warning per failed request.
    text = (text + chunk.toString()).slice(-200_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | string | undefined;
  const exit = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = code ?? signal ?? -1;
      resolve(exited);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the server exited (${exited}) before answering:\n${text.slice(-4000)}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /health within 60 s:\n${text.slice(-4000)}`);
    }
    await sleep(200);
  }
  return {
    url,
    child,
    alive: () => exited === undefined,
    output: () => text,
    async stop() {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}
