/**
 * Writes wait out a short outage (a leader switch looks like this to a driver: the
 * server refuses, then answers again) instead of failing after the 500 ms that reads
 * retry for. Neo4j is "away" behind a loopback TCP proxy that starts forwarding to the
 * real test server only after a while.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { autoCommitRead } from '../../src/neo4j/auto-commit-read.js';
import { neo4jConnection } from '../../src/neo4j/connection.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { executeWriteWithRetry } from '../../src/neo4j/write-retry.js';
import { unusedPort } from '../server/harness.js';
import { testNeo4j, withTestDriver } from '../setup/neo4j.js';

const testDriver = withTestDriver();
const proxies: net.Server[] = [];
const drivers: Driver[] = [];
afterAll(async () => {
  await Promise.all(drivers.map((d) => d.close()));
  for (const p of proxies) p.close();
  await testDriver().executeQuery('MATCH (n:WriteRetryProbe) DELETE n', {}, { database: testNeo4j().database });
});

/** What drivers sent through the proxies so far. */
let sent = Buffer.alloc(0);

/** A driver to `port`, where a proxy to the test Neo4j starts listening after `awayMs`. */
async function neo4jAwayFor(awayMs: number): Promise<Driver> {
  const port = await unusedPort();
  const target = new URL(testNeo4j().uri.replace(/^[a-z+]+:/, 'http:'));
  setTimeout(() => {
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 7687), target.hostname);
      client.on('data', (chunk: Buffer) => {
        sent = Buffer.concat([sent, chunk]);
      });
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    proxy.listen(port, '127.0.0.1');
    proxies.push(proxy);
  }, awayMs);
  const t = testNeo4j();
  const driver = openDriver(neo4jConnection({ uri: `bolt://127.0.0.1:${port}`, user: t.user, password: t.password, database: t.database }));
  drivers.push(driver);
  return driver;
}

const probeWrite = (id: string) => async (tx: neo4j.ManagedTransaction) =>
  (await tx.run('CREATE (n:WriteRetryProbe {id: $id}) RETURN n.id AS id', { id })).records[0]!.get('id') as string;

describe('a write while Neo4j is away for 2 s', () => {
  it("fails with the driver's own retry (500 ms): what writes did before", async () => {
    const driver = await neo4jAwayFor(2_000);
    const session = driver.session({ database: testNeo4j().database });
    try {
      await expect(session.executeWrite(probeWrite(randomUUID()))).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    } finally {
      await session.close();
    }
  });

  it('succeeds with executeWriteWithRetry, once, and the node is stored', async () => {
    const driver = await neo4jAwayFor(2_000);
    const id = randomUUID();
    expect(await executeWriteWithRetry(driver, testNeo4j().database, probeWrite(id))).toBe(id);
    const { records } = await testDriver().executeQuery('MATCH (n:WriteRetryProbe {id: $id}) RETURN count(n) AS n', { id }, { database: testNeo4j().database });
    expect(records[0]!.get('n').toNumber()).toBe(1);
  });

  it('still fails at once on an error that is not retryable', async () => {
    const driver = await neo4jAwayFor(0);
    await new Promise((r) => setTimeout(r, 100));
    await expect(executeWriteWithRetry(driver, testNeo4j().database, async (tx) => tx.run('CREATE (n:WriteRetryProbe {id: }) RETURN n'))).rejects.toMatchObject({
      code: 'Neo.ClientError.Statement.SyntaxError',
    });
  });
});

describe("a read after a write in the same process", () => {
  it("carries the write's bookmark, so a cluster member that has not applied the write yet waits for it", async () => {
    const driver = await neo4jAwayFor(0);
    await new Promise((r) => setTimeout(r, 100));
    await executeWriteWithRetry(driver, testNeo4j().database, probeWrite(randomUUID()));
    sent = Buffer.alloc(0);
    await autoCommitRead(driver, testNeo4j().database, 'MATCH (n:WriteRetryProbe) RETURN count(n) AS n', {});
    // PackStream: the key "bookmarks" then a list of one string.
    expect(sent.includes(Buffer.concat([Buffer.from([0x89]), Buffer.from('bookmarks'), Buffer.from([0x91])]))).toBe(true);
  });
});
