/**
 * A digest of diplograph's graph (every :Entity node and the relationships between
 * them, with labels and properties) and its counts: "nothing was written" is the same
 * digest before and after.
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { toPlain } from '../../src/neo4j/values.js';

/** Node and relationship counts with a hash of everything, for before/after comparisons. */
export interface GraphDigest {
  nodes: number;
  relationships: number;
  hash: string;
}

const canon = (v: unknown): string =>
  JSON.stringify(toPlain(v), (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort()) : x));

/** The digest of the graph as it is now; with `apiOriginsAsFiles`, `api:X` origins read as `X` (what a reload of the export gives). */
export async function graphDigest(driver: Driver, database: string, apiOriginsAsFiles = false): Promise<GraphDigest> {
  const nodes = await driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props', {}, { database });
  const rels = await driver.executeQuery('MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props', {}, { database });
  const norm = (x: Record<string, unknown>) => {
    const plain = toPlain(x) as Record<string, unknown>;
    if (apiOriginsAsFiles && typeof plain.props === 'object' && plain.props !== null) {
      const props = plain.props as Record<string, unknown>;
      if (typeof props.origin === 'string') props.origin = props.origin.replace(/^api:/, '');
    }
    if (Array.isArray(plain.labels)) plain.labels = [...(plain.labels as string[])].sort();
    return canon(plain);
  };
  const lines = [...nodes.records.map((r) => norm(r.toObject())), ...rels.records.map((r) => norm(r.toObject()))].sort();
  return { nodes: nodes.records.length, relationships: rels.records.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
