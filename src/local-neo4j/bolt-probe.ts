import type { Neo4jConnection } from '../neo4j/connection.js';
import { openDriver } from '../neo4j/driver.js';
import { neo4jErrorKind } from '../neo4j/errors.js';

/** What a single attempt to talk to a server over Bolt found. */
export type BoltProbe =
  | { answers: true; version: string; edition: string }
  | {
      answers: false;
      reason: string;
      /** The server refused the credentials. */
      authFailed: boolean;
      /** The server answered but refused the request: waiting will not help. */
      refused: boolean;
    };

/** Connects once, authenticates, and asks the server for its version; never throws. */
export async function probeBolt(connection: Neo4jConnection, timeoutMs = 5_000): Promise<BoltProbe> {
  const driver = openDriver(connection, {
    maxConnectionPoolSize: 1,
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
  });
  try {
    await driver.verifyConnectivity({ database: connection.database });
    // A plain CALL ... YIELD, filtered here: the system database accepts no other clauses.
    const { records } = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition', {}, {
      database: connection.database,
    });
    const kernel = records.find((r) => r.get('name') === 'Neo4j Kernel') ?? records[0];
    const versions: unknown = kernel?.get('versions');
    return {
      answers: true,
      version: Array.isArray(versions) ? String(versions[0]) : 'unknown',
      edition: String(kernel?.get('edition') ?? 'unknown'),
    };
  } catch (err) {
    const kind = neo4jErrorKind(err);
    return {
      answers: false,
      reason: err instanceof Error ? err.message.split('\n')[0]! : String(err),
      authFailed: kind === 'auth',
      refused: kind === 'client',
    };
  } finally {
    await driver.close();
  }
}
