import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { localServerSkipReason, testNeo4j } from '../setup/neo4j.js';
import { childEnv } from '../setup/child-env.js';

const execFileAsync = promisify(execFile);
const skipReason = localServerSkipReason('npm run db:* against the local Neo4j');

/** Runs `tsx src/cli/db.ts ...` as npm would, with extra environment variables. */
async function db(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // Children need the whole environment (PATH, JAVA_HOME ...); tests only add to it.
    const { stdout, stderr } = await execFileAsync('npx', ['tsx', 'src/cli/db.ts', ...args], {
      cwd: projectRoot,
      env: childEnv(env),
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Listens on a free loopback port, so the port is taken as another program would take it. */
async function occupyPort(): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: net.Server): number => (server.address() as net.AddressInfo).port;

describe.skipIf(skipReason !== undefined)(`npm run db:* against the local Neo4j${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const tempHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-cli-'));
  afterAll(() => fs.rmSync(tempHome, { recursive: true, force: true }));

  it('start is a no-op when the server already runs', async () => {
    const { code, stdout } = await db(['start']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Neo4j already running at ${testNeo4j().uri} \\(pid \\d+\\)$`, 'm'));
  });

  it('status prints the URI and version and exits 0', async () => {
    const { code, stdout } = await db(['status']);
    expect(code).toBe(0);
    expect(stdout).toContain(testNeo4j().uri);
    expect(stdout).toMatch(/answers:\s+yes/);
    expect(stdout).toMatch(/version:\s+5\.26\./);
  });

  it('status of a home with no server exits 3', async () => {
    const { code, stdout } = await db(['status'], { NEO4J_HOME: tempHome, NEO4J_BOLT_PORT: '17999', NEO4J_HTTP_PORT: '17998' });
    expect(code).toBe(3);
    expect(stdout).toMatch(/pid:\s+not running/);
  });

  it('a taken Bolt port gives one line naming the port and NEO4J_BOLT_PORT', async () => {
    const bolt = await occupyPort();
    const http = await occupyPort();
    const httpPort = portOf(http);
    await new Promise((resolve) => http.close(resolve));
    try {
      const { code, stderr } = await db(['start'], {
        NEO4J_HOME: tempHome,
        NEO4J_BOLT_PORT: String(portOf(bolt)),
        NEO4J_HTTP_PORT: String(httpPort),
      });
      expect(code).not.toBe(0);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${portOf(bolt)}`);
      expect(lines[0]).toContain('NEO4J_BOLT_PORT');
      // Nothing was fetched for a start that could not happen.
      expect(fs.existsSync(path.join(tempHome, 'lib'))).toBe(false);
    } finally {
      await new Promise((resolve) => bolt.close(resolve));
    }
  });

  it('a malformed NEO4J_URI gives one line naming it, and exit 2', async () => {
    const { code, stderr } = await db(['start'], { NEO4J_URI: 'not-a-uri' });
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^config error: NEO4J_URI: /);
  });

  it('an unknown command is a usage error', async () => {
    const { code } = await db(['restart-everything']);
    expect(code).toBe(2);
  });
});
