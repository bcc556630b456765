/**
 * Connections: shortest paths between two entities, and the neighbourhood of
 * one, as nodes and edges ready to draw.
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';

/** Relationship types that record provenance; left out of paths by default, since the source joins every fact. */
export const PROVENANCE_TYPES = ['SOURCED_FROM', 'REPORTED_IN', 'RELAYED_BY', 'MENTIONS', 'CITES', 'PUBLISHED_BY', 'EVIDENCED_BY', 'CLAIM_OF', 'CLAIMED_IN'];

/** An edge of a drawn graph. */
export interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/** Nodes and edges. */
export interface Graph {
  nodes: EntityRecord[];
  edges: Edge[];
}

const toEdge = (r: Row): Edge => ({
  id: `${r.type as string}|${r.from as string}|${r.to as string}`,
  type: r.type as string,
  source: r.from as string,
  target: r.to as string,
  properties: Object.fromEntries(Object.entries((r.props ?? {}) as Record<string, unknown>).filter(([k]) => k !== 'origin' && k !== 'key')),
});

/** Shortest paths between two entities. */
export async function findShortestPaths(
  reader: GraphReader,
  args: { fromId: string; toId: string; maxHops: number; first: number; includeProvenance: boolean },
): Promise<Graph[]> {
  const rows = await reader.read('shortest-paths', {
    fromId: args.fromId,
    toId: args.toId,
    maxHops: int(args.maxHops),
    first: int(args.first),
    excluded: args.includeProvenance ? [] : PROVENANCE_TYPES,
  });
  return rows.map((row) => ({
    nodes: (row.nodes as Row[]).map((n) => toEntityRecord(n)!),
    edges: (row.rels as Row[]).map(toEdge),
  }));
}

/** The neighbourhood of an entity. */
export async function findNeighbourhood(
  reader: GraphReader,
  args: { id: string; depth: number; limit: number; labels: string[] | null; includeProvenance: boolean },
): Promise<(Graph & { truncated: boolean }) | null> {
  const [row] = await reader.read('neighbourhood', {
    id: args.id,
    depth: int(args.depth),
    limit: int(args.limit),
    labels: args.labels,
    excluded: args.includeProvenance ? [] : PROVENANCE_TYPES,
  });
  if (!row) return null;
  return {
    nodes: (row.nodes as Row[]).map((n) => toEntityRecord(n)!),
    edges: (row.rels as Row[]).map(toEdge),
    truncated: Boolean(row.truncated),
  };
}

/** Merges graphs, each node and edge once. */
export function mergeGraphs(graphs: Graph[]): Graph {
  const nodes = new Map<string, EntityRecord>();
  const edges = new Map<string, Edge>();
  for (const g of graphs) {
    for (const n of g.nodes) nodes.set(n.id, n);
    for (const e of g.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
