import { GraphQLError, locatedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ErrorCode, formatError } from '../../src/graphql/errors.js';

/** An error as Apollo hands it to formatError: what a resolver threw, located at its field. */
function fromResolver(thrown: Error): { formatted: ReturnType<GraphQLError['toJSON']>; error: GraphQLError } {
  const error = locatedError(thrown, undefined, ['agreement']);
  return { formatted: error.toJSON(), error };
}

describe('formatError', () => {
  it('tells a client that its operation ran past the transaction timeout, without Neo4j internals', () => {
    const { formatted, error } = fromResolver(
      new Neo4jError('The transaction has been terminated. Retry your operation in a new transaction', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'N/A', 'N/A'),
    );
    const shown = formatError(formatted, error);
    expect(shown.extensions?.code).toBe(ErrorCode.QUERY_TIMEOUT);
    expect(shown.path).toEqual(['agreement']);
    expect(shown.message).toMatch(/NEO4J_TX_TIMEOUT/);
    expect(shown.message).not.toMatch(/terminated/);
  });

  it('tells a client that every Neo4j connection is busy as an overload, not an outage', () => {
    const { formatted, error } = fromResolver(
      new Neo4jError('Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 50, Idle conn count = 0.', 'N/A', 'N/A', 'N/A'),
    );
    const shown = formatError(formatted, error);
    expect(shown.extensions?.code).toBe(ErrorCode.OVERLOADED);
    expect(shown.message).not.toMatch(/acquisition|Pool status/);
  });

  it("tells a client that Neo4j's transaction memory ran out, without its internals", () => {
    for (const cause of [
      new Neo4jError('The allocation of an extra 2.0 MiB would use more than the limit 2.0 GiB. dbms.memory.transaction.total.max threshold reached', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'N/A', 'N/A'),
    ]) {
      const { formatted, error } = fromResolver(cause);
      const shown = formatError(formatted, error);
      expect(shown.extensions?.code).toBe(ErrorCode.DATABASE_LIMIT_REACHED);
      expect(shown.path).toEqual(['agreement']);
      expect(shown.message).toMatch(/memory or time/);
      expect(shown.message).not.toMatch(/dbms\.memory|GiB|terminated/);
    }
  });

  it('keeps an outage and an unexpected fault apart from a limit', () => {
    const outage = fromResolver(new Neo4jError('Could not perform discovery', 'ServiceUnavailable', 'N/A', 'N/A'));
    expect(formatError(outage.formatted, outage.error).extensions?.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    const fault = fromResolver(new TypeError("Cannot read properties of undefined (reading 'id')"));
    const shown = formatError(fault.formatted, fault.error);
    expect(shown.extensions?.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    expect(shown.message).toBe('Internal server error');
  });
});
