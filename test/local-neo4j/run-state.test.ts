/** run.json: what loadConfig takes from it, and when an explicit variable wins. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { forgetRunPid, readRunState, runStateFile, writeRunState } from '../../src/local-neo4j/run-state.js';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-run-state-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
writeRunState(home, { boltPort: 17701, httpPort: 17702, serverPort: 4100, pid: 12345 });
const remembered = (env: Record<string, string>) => loadConfig({ NEO4J_HOME: home, ...env }, { remembered: true });

describe('remembered ports', () => {
  it('fill the unset port variables of the local Neo4j and the server', () => {
    const config = remembered({});
    expect(config.neo4j.uri).toBe('bolt://127.0.0.1:17701');
    expect(config.localNeo4j).toMatchObject({ boltPort: 17701, httpPort: 17702 });
    expect(config.http.port).toBe(4100);
    expect(config.remembered).toEqual(['NEO4J_BOLT_PORT', 'NEO4J_HTTP_PORT', 'PORT']);
  });

  it('lose to explicit variables; one Neo4j port set means neither is taken from the file', () => {
    const config = remembered({ NEO4J_BOLT_PORT: '17801', PORT: '4200' });
    expect(config.localNeo4j).toMatchObject({ boltPort: 17801, httpPort: 7474 });
    expect(config.http.port).toBe(4200);
    expect(config.remembered).toEqual([]);
  });

  it('are ignored with NEO4J_URI, and for an explicit environment unless asked for', () => {
    expect(remembered({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'secret-password' }).http.port).toBe(4000);
    expect(loadConfig({ NEO4J_HOME: home }).localNeo4j.boltPort).toBe(7687);
  });

  it("are ignored when run.json was copied from another home, and the pid is forgotten at stop", () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-run-state-copy-'));
    try {
      fs.copyFileSync(runStateFile(home), runStateFile(other));
      expect(readRunState(other)).toBeUndefined();
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
    forgetRunPid(home);
    expect(readRunState(home)).toEqual({ home, boltPort: 17701, httpPort: 17702, serverPort: 4100 });
  });
});
