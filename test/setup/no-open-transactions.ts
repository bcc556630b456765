/**
 * Setup file of the integration project (vitest.config.ts): after each test file, no
 * transaction may be left open on the test server (test/setup/open-transactions.ts says
 * why). Registered before the file's own hooks, it runs after them (vitest's
 * `sequence.hooks` is "stack"), when the file's drivers and servers are closed.
 */
import { afterAll } from 'vitest';
import { openTestDriver } from './neo4j.js';
import { expectNoOpenTransactions, SETTLE_MS } from './open-transactions.js';

afterAll(async () => {
  const driver = openTestDriver();
  try {
    await expectNoOpenTransactions(driver);
  } finally {
    await driver.close();
  }
}, SETTLE_MS + 30_000);
