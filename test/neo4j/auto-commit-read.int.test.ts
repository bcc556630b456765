import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { autoCommitRead } from '../../src/neo4j/auto-commit-read.js';
import { neo4jConnection } from '../../src/neo4j/connection.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { freePortPair } from '../setup/ports.js';
import { testDatabase, testNeo4j, withTestDriver } from '../setup/neo4j.js';

const driver = withTestDriver();

describe('autoCommitRead', () => {
  it('returns the records of a query run with its parameters', async () => {
    const result = await autoCommitRead(driver(), testDatabase(), 'UNWIND range(1, $n) AS i RETURN i * 2 AS doubled', { n: neo4j.int(3) });
    expect(result.records.map((r) => (r.get('doubled') as { toNumber(): number }).toNumber())).toEqual([2, 4, 6]);
  });

  it('fails at once on an error that a retry cannot mend', async () => {
    const started = Date.now();
    await expect(autoCommitRead(driver(), testDatabase(), 'RETURN $missing.x AS y +', {})).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses to write: the session is a read session', async () => {
    await expect(autoCommitRead(driver(), testDatabase(), 'CREATE (n:AutoCommitReadProbe) RETURN n', {})).rejects.toThrow(/write|read/i);
    const left = await driver().executeQuery('MATCH (n:AutoCommitReadProbe) RETURN count(n) AS n', {}, { database: testDatabase() });
    expect((left.records[0]!.get('n') as { toNumber(): number }).toNumber()).toBe(0);
  });

  it('retries an unreachable server once, about a second later, like the driver does for transactions', async () => {
    // Nothing listens on this port: every attempt fails with a retryable ServiceUnavailable.
    const [port] = await freePortPair(38_000);
    const t = testNeo4j();
    const away = openDriver(neo4jConnection({ uri: `bolt://127.0.0.1:${port}`, user: t.user, password: t.password, database: t.database }));
    try {
      const started = Date.now();
      await expect(autoCommitRead(away, testDatabase(), 'RETURN 1', {}, 500)).rejects.toMatchObject({ code: 'ServiceUnavailable' });
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(750);
      expect(took).toBeLessThan(3_000);
    } finally {
      await away.close();
    }
  });
});
