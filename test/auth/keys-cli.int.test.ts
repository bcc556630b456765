/** `npm run keys`: create prints the key once, list never shows it, revoke stops it working. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyApiKey } from '../../src/auth/api-keys.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { neo4jEnv, testConnection, testDatabase } from '../setup/neo4j.js';
import { childEnv } from '../setup/child-env.js';

const run = promisify(execFile);
let driver: Driver;
let database: string;

async function keysCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/keys.ts', ...args], { env: childEnv(neo4jEnv()) });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  driver = openDriver(testConnection());
  database = testDatabase();
});

afterAll(async () => {
  await driver.executeQuery("MATCH (k:ApiKey) WHERE k.name STARTS WITH 'test cli' DETACH DELETE k", {}, { database });
  await driver.close();
});

describe('npm run keys', () => {
  it('creates a key, lists it without its secret or hash, and revokes it', async () => {
    const created = await keysCli(['create', '--name', 'test cli robot', '--scope', 'write']);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^dgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const id = token.slice(4, 16);
    expect(created.stderr).toContain(`created key ${id} (test cli robot, write scope)`);
    expect(created.stderr).not.toContain(token);
    expect(await verifyApiKey(driver, database, token)).toEqual({ keyId: id, name: 'test cli robot', scope: 'write' });

    const listed = await keysCli(['list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(token.slice(17));
    expect(listed.stdout).not.toMatch(/[0-9a-f]{64}/);
    const keys = JSON.parse(listed.stdout) as Array<{ id: string; name: string; scope: string; revokedAt: string | null }>;
    expect(keys).toContainEqual(expect.objectContaining({ id, name: 'test cli robot', scope: 'write', revokedAt: null }));

    const revoked = await keysCli(['revoke', id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stderr).toContain(`revoked key ${id}`);
    expect(await verifyApiKey(driver, database, token)).toBeNull();
    const again = await keysCli(['revoke', id]);
    expect(again.stderr).toContain('was already revoked');
  });

  it('exits 2 on usage errors and 3 for an unknown key id', async () => {
    expect((await keysCli(['create', '--name', 'test cli x', '--scope', 'admin'])).code).toBe(2);
    expect((await keysCli(['create', '--scope', 'read'])).code).toBe(2);
    const unknown = await keysCli(['revoke', 'ffffffffffff']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('no API key with id "ffffffffffff"');
  });
});
