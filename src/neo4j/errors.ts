/**
 * Classifies errors from the driver in one place, so that callers can tell an
 * unreachable database from bad credentials from a query's own failure.
 */
import { Neo4jError } from 'neo4j-driver';

/** What kind of failure a driver error is. */
export type Neo4jErrorKind = 'unavailable' | 'overloaded' | 'timeout' | 'auth' | 'resources' | 'client' | 'other';

/** Neo4j answered, but the transaction ran past its timeout (ours, NEO4J_TX_TIMEOUT, or the server's). */
const TIMED_OUT = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable', 'Neo.ClientError.Database.DatabaseNotFound']);

/** Classifies an error thrown by neo4j-driver (anything else is 'other'). */
export function neo4jErrorKind(err: unknown): Neo4jErrorKind {
  if (!(err instanceof Neo4jError)) {
    const code = (err as { code?: string } | null)?.code;
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET') return 'unavailable';
    return 'other';
  }
  if (UNAVAILABLE.has(err.code)) return 'unavailable';
  // A pool that cannot hand out a connection in time says so only in the message (code
  // 'N/A'). With connections active, they are all busy talking to Neo4j: an overload,
  // not an outage. With none, none could be opened: Neo4j is gone or hanging.
  if (/connection acquisition timed out/i.test(err.message)) {
    const active = /active conn count = (\d+)/i.exec(err.message);
    return active && Number(active[1]) > 0 ? 'overloaded' : 'unavailable';
  }
  if (err.code.startsWith('Neo.ClientError.Security.')) return 'auth';
  // Out of (transaction) memory or time is not an outage (the database answers) nor a
  // bad query: the operation needed more than Neo4j's limits allow it at the moment.
  if (TIMED_OUT.has(err.code)) return 'timeout';
  if (err.code.includes('Memory')) return 'resources';
  if (err.code.startsWith('Neo.ClientError.')) return 'client';
  // Any other transient error comes from a Neo4j that answered (its request or
  // transaction limits, lock contention): busy, not gone. DatabaseUnavailable is above.
  if (err.code.startsWith('Neo.TransientError.')) return 'overloaded';
  if (err.retriable) return 'unavailable';
  return 'other';
}
