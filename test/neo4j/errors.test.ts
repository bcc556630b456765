import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { neo4jErrorKind } from '../../src/neo4j/errors.js';

describe('neo4jErrorKind', () => {
  it('calls a refused or reset socket unavailable', () => {
    expect(neo4jErrorKind(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('unavailable');
    expect(neo4jErrorKind(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('unavailable');
  });

  it('calls ServiceUnavailable and a pool acquisition timeout (code N/A) unavailable', () => {
    expect(neo4jErrorKind(new Neo4jError('Could not perform discovery', 'ServiceUnavailable', 'N/A', 'N/A'))).toBe('unavailable');
    const acquisition = new Neo4jError('Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 0', 'N/A', 'N/A', 'N/A');
    expect(neo4jErrorKind(acquisition)).toBe('unavailable');
  });

  it('tells bad credentials and bad queries apart from an outage', () => {
    expect(neo4jErrorKind(new Neo4jError('unauthorized', 'Neo.ClientError.Security.Unauthorized', 'N/A', 'N/A'))).toBe('auth');
    expect(neo4jErrorKind(new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A'))).toBe('client');
    expect(neo4jErrorKind(new Error('boom'))).toBe('other');
  });
});
