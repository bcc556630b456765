/**
 * The three ways the benchmark asks for the same data: Cypher through the
 * driver (the floor), and GraphQL over HTTP to diplograph's server or to the
 * @neo4j/graphql server. Each returns a Request that throws on any error,
 * including a GraphQL response with an `errors` entry or without data.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import type { Request } from './measure.js';
import type { Operation } from './operations.js';

/** The floor: the operation's hand-written query, results converted to plain values as an API would. */
export function floorRequest(driver: Driver, database: string, op: Operation): Request {
  const text = cypher(op.floor.file);
  return async (i) => {
    const res = await driver.executeQuery(text, op.floor.params(op.samples[i]!), { database, routing: neo4j.routing.READ });
    for (const r of res.records) toPlain(r.toObject());
  };
}

/** A GraphQL request over HTTP; the body is checked for errors and data. */
export function graphqlRequest(url: string, query: string, variables: (i: number) => Record<string, unknown>): Request {
  return async (i) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: variables(i) }) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
    if (body.errors && body.errors.length > 0) throw new Error(`GraphQL error: ${body.errors[0]!.message}`);
    if (body.data === null || body.data === undefined) throw new Error('GraphQL response without data');
  };
}
