import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { homeLayout } from '../../src/local-neo4j/home-layout.js';
import { startNeo4j } from '../../src/local-neo4j/start-neo4j.js';
import { stopNeo4j } from '../../src/local-neo4j/stop-neo4j.js';
import { resolveNeo4jConnection } from '../../src/neo4j/connection.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { localServerSkipReason } from '../setup/neo4j.js';
import { throwawayNeo4jConfig } from '../setup/ports.js';

const skipReason = localServerSkipReason('restart persistence of a throwaway local Neo4j');

async function readNodes(config: Config, marker: string): Promise<string[]> {
  const connection = resolveNeo4jConnection(config);
  const driver = openDriver(connection);
  try {
    const { records } = await driver.executeQuery('MATCH (n:RestartProbe {marker: $marker}) RETURN n.note AS note', { marker }, {
      database: connection.database,
    });
    return records.map((r) => r.get('note') as string);
  } finally {
    await driver.close();
  }
}

describe.skipIf(skipReason !== undefined)(`a throwaway local Neo4j keeps its data across a restart${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-restart-'));
  let config: Config | undefined;
  const lines: string[] = [];
  const report = (line: string) => lines.push(line);

  afterAll(async () => {
    if (config) await stopNeo4j(config, report);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('writes a node, stops, starts again and reads it back', { timeout: 300_000 }, async () => {
    config = await throwawayNeo4jConfig(home, 27687);

    const first = await startNeo4j(config, report);
    expect(first.startedNow).toBe(true);
    expect(first.uri).toBe(`bolt://127.0.0.1:${config.localNeo4j.boltPort}`);
    expect(lines.join('\n')).not.toContain('Fetching');

    const marker = `restart-${Date.now()}`;
    const connection = resolveNeo4jConnection(config);
    const driver = openDriver(connection);
    try {
      await driver.executeQuery('MERGE (n:RestartProbe {marker: $marker}) SET n.note = $note', { marker, note: 'survives' }, {
        database: connection.database,
      });
    } finally {
      await driver.close();
    }

    const stopped = await stopNeo4j(config, report);
    expect(stopped).toEqual({ stopped: true, killed: false });
    expect(fs.existsSync(homeLayout(home).pidFile)).toBe(false);

    const second = await startNeo4j(config, report);
    expect(second.startedNow).toBe(true);
    expect(await readNodes(config, marker)).toEqual(['survives']);
  });
});
