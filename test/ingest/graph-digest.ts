/**
 * A digest of diplograph's graph for comparing two databases: counts per label and per
 * relationship type, and a SHA-256 over every node (labels, properties) and relationship
 * (type, end ids, properties) in id order, with each value's type in the hash (an
 * Integer is not a Float, a Date is not a string).
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';

/** Counts and content hash of a graph. */
export interface GraphDigest {
  labels: Record<string, number>;
  types: Record<string, number>;
  hash: string;
}

function typed(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (typeof value === 'number') return `float:${value}`;
  if (neo4j.isDate(value as never)) return `date:${String(value)}`;
  if (Array.isArray(value)) return value.map(typed);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, typed(v)]));
  }
  return value;
}

/** Reads the whole graph of `database` (small graphs only: it is held in memory once). */
export async function graphDigest(driver: Driver, database: string): Promise<GraphDigest> {
  const hash = createHash('sha256');
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  // Derived nodes (:TopicPosition, :MembershipDates) have a key or an actor id instead of an id; ordered by it, not arbitrarily.
  const nodes = await driver.executeQuery(
    "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY coalesce(n.id, n.key, 'MembershipDates|' + n.actorId)",
    {},
    { database },
  );
  for (const r of nodes.records) {
    const ls = (r.get('labels') as string[]).sort();
    for (const l of ls) labels[l] = (labels[l] ?? 0) + 1;
    hash.update(JSON.stringify(['node', ls, typed(r.get('props'))]));
  }
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b',
    {},
    { database },
  );
  for (const r of rels.records) {
    const type = r.get('type') as string;
    types[type] = (types[type] ?? 0) + 1;
    hash.update(JSON.stringify(['rel', r.get('a'), type, r.get('b'), typed(r.get('props'))]));
  }
  return { labels, types, hash: hash.digest('hex') };
}
