/**
 * The first run's stumbling blocks, as a user meets them: `npm run up` with its ports
 * taken names every taken port in one message; ports chosen once are remembered in the
 * home's run.json and used by the next command without the variables; `db:status`
 * never reports another program's or another home's server as this home's Neo4j.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { homeLayout } from '../../src/local-neo4j/home-layout.js';
import { readRunState, runStateFile } from '../../src/local-neo4j/run-state.js';
import { runningServerPid } from '../../src/local-neo4j/server-process.js';
import { unusedPort } from '../server/harness.js';
import { runEntryPoint } from '../server/processes.js';
import { localServerSkipReason, testNeo4j } from '../setup/neo4j.js';

const execFileAsync = promisify(execFile);
const skipReason = localServerSkipReason('remembered ports and db:status against the local Neo4j');

/** The variables a user has not set: the child must find its ports by itself. */
const unsetVariables = ['NEO4J_URI', 'NEO4J_BOLT_PORT', 'NEO4J_HTTP_PORT', 'PORT', 'NEO4J_PASSWORD', 'NEO4J_AUTH'];

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const v of unsetVariables) delete base[v];
  return { ...base, ...env };
}

/** Runs a CLI entry point (`tsx src/cli/<script>`) as npm would, without the port variables unless given. */
async function cli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('npx', ['tsx', `src/cli/${script}`, ...args], { cwd: projectRoot, env: childEnv(env), timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Listens on a free loopback port, as another program would. */
async function occupyPort(): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const portOf = (server: net.Server): number => (server.address() as net.AddressInfo).port;
const close = (server: net.Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

describe.skipIf(skipReason !== undefined)(`the first run${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const temps: string[] = [];
  const tempHome = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-ports-'));
    temps.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('npm run up with its ports taken names all of them in one line, with free values to use, and starts nothing', async () => {
    const taken = [await occupyPort(), await occupyPort(), await occupyPort()];
    const [bolt, http, server] = taken.map(portOf) as [number, number, number];
    const home = tempHome();
    try {
      const { code, stdout, stderr } = await cli('up.ts', [], {
        NEO4J_HOME: home,
        NEO4J_BOLT_PORT: String(bolt),
        NEO4J_HTTP_PORT: String(http),
        PORT: String(server),
        HOST: '127.0.0.1',
      });
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      for (const [port, variable] of [[bolt, 'NEO4J_BOLT_PORT'], [http, 'NEO4J_HTTP_PORT'], [server, 'PORT']] as const) {
        expect(lines[0]).toContain(`port ${port} on 127.0.0.1`);
        expect(lines[0]).toMatch(new RegExp(`\\b${variable}=\\d+`));
      }
      expect(lines[0]).toMatch(/npm run up/);
      // Nothing was fetched or started for a run that could not happen.
      expect(fs.existsSync(homeLayout(home).lib)).toBe(false);
      expect(fs.existsSync(runStateFile(home))).toBe(false);
    } finally {
      await Promise.all(taken.map(close));
    }
  });

  it('npm run up names the server port alone when only it is taken and the local Neo4j already runs', async () => {
    const server = await occupyPort();
    try {
      const { code, stderr } = await cli('up.ts', [], { NEO4J_HOME: testNeo4j().home!, PORT: String(portOf(server)), HOST: '127.0.0.1' });
      expect(code).not.toBe(0);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(`port ${portOf(server)} on 127.0.0.1 (GraphQL server, PORT)`);
      expect(stderr).not.toContain('NEO4J_BOLT_PORT');
    } finally {
      await close(server);
    }
  });

  it("db:status and npm start find the running Neo4j's ports in run.json, without NEO4J_BOLT_PORT set", async () => {
    const home = testNeo4j().home!;
    const state = readRunState(home);
    expect(state?.pid).toBe(runningServerPid(homeLayout(home)));
    expect(`bolt://127.0.0.1:${state!.boltPort}`).toBe(testNeo4j().uri);

    const status = await cli('db.ts', ['status'], { NEO4J_HOME: home });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`uri:      ${testNeo4j().uri} (ports remembered in ${runStateFile(home)})`);
    expect(status.stdout).toMatch(/answers:\s+yes/);

    const port = await unusedPort();
    const env = childEnv({ NEO4J_HOME: home, HOST: '127.0.0.1', PORT: String(port) });
    const run = runEntryPoint('src/main.ts', env as Record<string, string>);
    try {
      await run.waitFor(/"msg":"diplograph is up"/);
      expect(run.output()).toContain(`"neo4j":"${testNeo4j().uri}"`);
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });

  it('an explicit variable still wins over run.json', async () => {
    const status = await cli('db.ts', ['status'], { NEO4J_HOME: tempHome(), NEO4J_BOLT_PORT: '17991', NEO4J_HTTP_PORT: '17992' });
    expect(status.stdout).toContain('uri:      bolt://127.0.0.1:17991\n');
  });

  it("db:status of another home does not claim the Neo4j that answers on its ports, even with that server's pid in its pid file", async () => {
    const home = tempHome();
    const foreignPid = runningServerPid(homeLayout(testNeo4j().home!))!;
    fs.mkdirSync(homeLayout(home).run, { recursive: true });
    fs.writeFileSync(homeLayout(home).pidFile, `${foreignPid}\n`);
    const { boltPort, httpPort } = readRunState(testNeo4j().home!)!;
    const { code, stdout } = await cli('db.ts', ['status'], { NEO4J_HOME: home, NEO4J_BOLT_PORT: String(boltPort), NEO4J_HTTP_PORT: String(httpPort) });
    expect(code).toBe(3);
    expect(stdout).toContain(`pid:      not running (the pid file names ${foreignPid}, a process that is not this home's Neo4j)`);
    expect(stdout).toContain(`port ${boltPort} (Bolt) is in use by another program or another Neo4j, not this home's`);
    expect(stdout).not.toMatch(/answers:\s+yes/);
  });

  it("db:status with ports other than the running server's does not probe whatever listens there", async () => {
    const stranger = await occupyPort();
    const home = testNeo4j().home!;
    try {
      const { code, stdout } = await cli('db.ts', ['status'], { NEO4J_HOME: home, NEO4J_BOLT_PORT: String(portOf(stranger)), NEO4J_HTTP_PORT: String(await unusedPort()) });
      expect(code).toBe(4);
      const { boltPort } = readRunState(home)!;
      expect(stdout).toContain(`answers:  not checked: this home's Neo4j runs on Bolt ${boltPort}`);
    } finally {
      await close(stranger);
    }
  });
});
