import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { neo4jErrorKind } from '../../src/neo4j/errors.js';

describe('neo4jErrorKind', () => {
  it('calls a refused or reset socket unavailable', () => {
    expect(neo4jErrorKind(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('unavailable');
    expect(neo4jErrorKind(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('unavailable');
  });

  it('calls ServiceUnavailable and a pool acquisition timeout with no connection open (code N/A) unavailable', () => {
    expect(neo4jErrorKind(new Neo4jError('Could not perform discovery', 'ServiceUnavailable', 'N/A', 'N/A'))).toBe('unavailable');
    const acquisition = new Neo4jError('Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 0', 'N/A', 'N/A', 'N/A');
    expect(neo4jErrorKind(acquisition)).toBe('unavailable');
  });

  it('tells bad credentials and bad queries apart from an outage', () => {
    expect(neo4jErrorKind(new Neo4jError('unauthorized', 'Neo.ClientError.Security.Unauthorized', 'N/A', 'N/A'))).toBe('auth');
    expect(neo4jErrorKind(new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A'))).toBe('client');
    expect(neo4jErrorKind(new Error('boom'))).toBe('other');
  });

  it('calls a pool acquisition timeout with every connection busy, and Neo4j\'s own request limits, overloaded, not an outage', () => {
    const busy = new Neo4jError('Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 50, Idle conn count = 0.', 'N/A', 'N/A', 'N/A');
    expect(neo4jErrorKind(busy)).toBe('overloaded');
    expect(neo4jErrorKind(new Neo4jError('too many', 'Neo.TransientError.Transaction.MaximumTransactionLimitReached', 'N/A', 'N/A'))).toBe('overloaded');
    expect(neo4jErrorKind(new Neo4jError('exhausted', 'Neo.TransientError.Request.ResourceExhaustion', 'N/A', 'N/A'))).toBe('overloaded');
  });

  it('calls a transaction timeout a timeout, not an outage nor a memory limit', () => {
    expect(neo4jErrorKind(new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'N/A', 'N/A'))).toBe('timeout');
    expect(neo4jErrorKind(new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOut', 'N/A', 'N/A'))).toBe('timeout');
  });

  it('calls a retriable memory-limit error resources, not an outage', () => {
    const memory = new Neo4jError('The allocation of an extra 2.0 MiB would use more than the limit 10.0 MiB', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'N/A', 'N/A');
    expect(memory.retriable).toBe(true);
    expect(neo4jErrorKind(memory)).toBe('resources');
    expect(neo4jErrorKind(new Neo4jError('limit reached', 'Neo.TransientError.General.TransactionMemoryLimit', 'N/A', 'N/A'))).toBe('resources');
    expect(neo4jErrorKind(new Neo4jError('Database is unavailable', 'Neo.TransientError.General.DatabaseUnavailable', 'N/A', 'N/A'))).toBe('unavailable');
  });
});
