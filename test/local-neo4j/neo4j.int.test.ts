import { describe, expect, it } from 'vitest';
import { openDriver } from '../../src/neo4j/driver.js';
import { testConnection, testDatabase, testNeo4j, withTestDriver } from '../setup/neo4j.js';

const driver = withTestDriver();

describe(`the test Neo4j (${testNeo4j().source}, ${testNeo4j().uri})`, () => {
  it('is Neo4j 5.26 and answers over Bolt', async () => {
    const { records } = await driver().executeQuery('CALL dbms.components() YIELD name, versions, edition', {}, { database: testDatabase() });
    const kernel = records.find((r) => r.get('name') === 'Neo4j Kernel');
    expect(kernel?.get('versions')[0]).toMatch(/^5\.26\./);
  });

  it.skipIf(testNeo4j().password === null)('refuses a wrong password', async () => {
    const wrong = openDriver(testConnection('not-the-password-42'));
    try {
      await expect(wrong.verifyConnectivity()).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    } finally {
      await wrong.close();
    }
  });
});
