/**
 * The API-key lookup runs on every request that carries a key, so on a cluster it must
 * go to the followers: it runs in READ access mode. Seen on the wire: a loopback proxy
 * between the driver and the real test Neo4j records what the driver sends, and the
 * transaction's BEGIN carries Bolt's `mode: "r"` (absent means WRITE, the leader).
 */
import net from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, listApiKeys, verifyApiKey } from '../../src/auth/api-keys.js';
import { neo4jConnection } from '../../src/neo4j/connection.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { testDatabase, testNeo4j, withTestDriver } from '../setup/neo4j.js';

/** PackStream for the map entry "mode": "r" (tiny string 4, tiny string 1). */
const READ_MODE = Buffer.concat([Buffer.from([0x84]), Buffer.from('mode'), Buffer.from([0x81]), Buffer.from('r')]);

const testDriver = withTestDriver();
let proxy: net.Server;
let sent = Buffer.alloc(0);
let driver: Driver;

beforeAll(async () => {
  const target = new URL(testNeo4j().uri.replace(/^[a-z+]+:/, 'http:'));
  proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 7687), target.hostname);
    client.on('data', (chunk: Buffer) => {
      sent = Buffer.concat([sent, chunk]);
    });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const t = testNeo4j();
  const port = (proxy.address() as net.AddressInfo).port;
  driver = openDriver(neo4jConnection({ uri: `bolt://127.0.0.1:${port}`, user: t.user, password: t.password, database: t.database }));
  await driver.verifyConnectivity();
});

afterAll(async () => {
  await driver?.close();
  proxy?.close();
  await testDriver().executeQuery("MATCH (k:ApiKey) WHERE k.name = 'test routing probe' DETACH DELETE k", {}, { database: testDatabase() });
});

describe('API-key lookups', () => {
  it('run in READ access mode, and still find the key', async () => {
    const created = await createApiKey(testDriver(), testDatabase(), { name: 'test routing probe', scope: 'read' });
    sent = Buffer.alloc(0);
    expect(await verifyApiKey(driver, testDatabase(), created.token)).toEqual({ keyId: created.id, name: 'test routing probe', scope: 'read' });
    expect(sent.includes(READ_MODE)).toBe(true);
  });

  it('listing keys is a read too; creating one is not', async () => {
    sent = Buffer.alloc(0);
    expect((await listApiKeys(driver, testDatabase())).some((k) => k.name === 'test routing probe')).toBe(true);
    expect(sent.includes(READ_MODE)).toBe(true);
    sent = Buffer.alloc(0);
    const other = await createApiKey(driver, testDatabase(), { name: 'test routing probe', scope: 'read' });
    expect(other.token).toMatch(/\S/);
    expect(sent.includes(READ_MODE)).toBe(false);
  });
});
