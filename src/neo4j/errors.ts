/**
 * Classifies errors from the driver in one place, so that callers can tell an
 * unreachable database from bad credentials from a query's own failure.
 */
import { Neo4jError } from 'neo4j-driver';

/** What kind of failure a driver error is. */
export type Neo4jErrorKind = 'unavailable' | 'auth' | 'resources' | 'client' | 'other';

/** Neo4j answered, but the operation hit its limit on transaction time. */
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
  // A pool that cannot hand out a connection in time (Neo4j gone or hanging) says so
  // only in the message; its code is 'N/A'.
  if (/connection acquisition timed out/i.test(err.message)) return 'unavailable';
  if (err.code.startsWith('Neo.ClientError.Security.')) return 'auth';
  // Out of (transaction) memory or time is not an outage (the database answers) nor a
  // bad query: the operation needed more than Neo4j's limits allow it at the moment.
  if (TIMED_OUT.has(err.code) || err.code.includes('Memory')) return 'resources';
  if (err.code.startsWith('Neo.ClientError.')) return 'client';
  if (err.retriable) return 'unavailable';
  return 'other';
}
