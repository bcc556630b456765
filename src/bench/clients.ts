/**
 * The three ways the benchmark asks for the same data: Cypher through the
 * driver (the floor), and GraphQL over HTTP to diplograph's server or to the
 * @neo4j/graphql server. Each returns a Request that throws on any error,
 * including a GraphQL response with an `errors` entry or without data.
 */
import type { Driver } from 'neo4j-driver';
import { autoCommitRead } from '../neo4j/auto-commit-read.js';
import { cypher } from '../neo4j/cypher.js';
import { toPlain } from '../neo4j/values.js';
import type { Request } from './measure.js';
import type { Operation } from './operations.js';

/**
 * The floor's answer for one sample: the operation's query as an auto-commit read (the
 * driver's fastest way to run one query, and the way diplograph runs a lone read), rows
 * converted to plain values as an API would.
 */
export async function floorAnswer(driver: Driver, database: string, op: Operation, sample: Operation['samples'][number]): Promise<unknown[]> {
  const res = await autoCommitRead(driver, database, cypher(op.floor.file), op.floor.params(sample));
  return res.records.map((r) => toPlain(r.toObject()));
}

/** The floor as a timed request. */
export function floorRequest(driver: Driver, database: string, op: Operation): Request {
  return async (i) => {
    await floorAnswer(driver, database, op, op.samples[i]!);
  };
}

/** Sends one GraphQL operation over HTTP and returns its data; throws on a non-200 status, an `errors` entry or missing data. */
export async function fetchGraphqlData(url: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
  if (body.errors && body.errors.length > 0) throw new Error(`GraphQL error: ${body.errors[0]!.message}`);
  if (body.data === null || body.data === undefined) throw new Error('GraphQL response without data');
  return body.data;
}

/** A GraphQL request over HTTP; the body is checked for errors and data. */
export function graphqlRequest(url: string, query: string, variables: (i: number) => Record<string, unknown>): Request {
  return async (i) => {
    await fetchGraphqlData(url, query, variables(i));
  };
}
