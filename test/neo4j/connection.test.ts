import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { MissingPasswordError, resolveNeo4jConnection } from '../../src/neo4j/connection.js';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-connection-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('resolveNeo4jConnection', () => {
  it('tells the user to start the local server when there is no password yet', () => {
    expect(() => resolveNeo4jConnection(loadConfig({ NEO4J_HOME: home }))).toThrow(MissingPasswordError);
    expect(() => resolveNeo4jConnection(loadConfig({ NEO4J_HOME: home }))).toThrow(/run npm run db:start first/);
  });

  it("reads the local server's password file, and prefers NEO4J_PASSWORD", () => {
    fs.writeFileSync(path.join(home, 'password'), 'from-the-file-123\n', { mode: 0o600 });
    const fromFile = resolveNeo4jConnection(loadConfig({ NEO4J_HOME: home }));
    expect(fromFile).toMatchObject({ uri: 'bolt://127.0.0.1:7687', database: 'neo4j', user: 'neo4j' });
    expect(fromFile.authToken).toMatchObject({ scheme: 'basic', principal: 'neo4j', credentials: 'from-the-file-123' });
    const fromEnv = resolveNeo4jConnection(loadConfig({ NEO4J_HOME: home, NEO4J_PASSWORD: 'from-the-env-456' }));
    expect(fromEnv.authToken).toMatchObject({ credentials: 'from-the-env-456' });
  });

  it('uses the configured server as given, with no authentication when asked', () => {
    const c = resolveNeo4jConnection(loadConfig({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_AUTH: 'none', NEO4J_DATABASE: 'graph' }));
    expect(c).toMatchObject({ uri: 'neo4j+s://x.databases.neo4j.io', database: 'graph' });
    expect(c.authToken.scheme).toBe('none');
  });
});
