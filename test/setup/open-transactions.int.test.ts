import { afterAll, describe, expect, it } from 'vitest';
import { openTestDriver, testDatabase } from './neo4j.js';
import { expectNoOpenTransactions, openTransactions } from './open-transactions.js';

// The check every integration file ends with: it must see a transaction another client
// left open, name it, and terminate it; and pass when there is none.
describe('the open-transactions check after each integration file', () => {
  const leaky = openTestDriver();
  const checker = openTestDriver();
  afterAll(async () => {
    await leaky.close();
    await checker.close();
  });

  it('passes when no other transaction is open', async () => {
    await expect(expectNoOpenTransactions(checker, 2_000)).resolves.toBeUndefined();
  });

  it('names a transaction left open, running or idle, and terminates it', async () => {
    const session = leaky.session({ database: testDatabase() });
    const tx = await session.beginTransaction({ metadata: { leftOpenBy: 'the open-transactions test' } });
    await tx.run('RETURN 1');
    // A second client's query still running when the check looks (a minute of work, terminated by the check).
    const running = leaky.executeQuery('UNWIND range(1, 200000000) AS stillRunningByATest WITH stillRunningByATest WHERE stillRunningByATest < 0 RETURN count(*)', {}, { database: testDatabase() }).then(
      () => 'finished',
      (err: unknown) => (err as Error).message,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    try {
      const error = await expectNoOpenTransactions(checker, 1_000).then(
        () => undefined,
        (err: unknown) => err as Error,
      );
      expect(error?.message).toMatch(/^2 transaction\(s\) still open on the test server 1 s after/);
      expect(error?.message).toMatch(/metadata \{"leftOpenBy":"the open-transactions test"\}: \(idle between queries\)/);
      expect(error?.message).toContain('AS stillRunningByATest');
      expect(await running).toMatch(/terminated/);
      // Terminated: the leaked transaction can do nothing more, and none is left.
      await expect(tx.run('RETURN 1')).rejects.toThrow(/terminated/);
      expect(await openTransactions(checker)).toEqual([]);
    } finally {
      await session.close().catch(() => undefined);
    }
  });
});
