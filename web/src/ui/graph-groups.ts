/**
 * Large neighbourhoods without a hairball: leaves (entities linked to one other node
 * only) of the same kind hanging off the same node by the same relationship become one
 * node, "14 Statements", until the reader opens it.
 */
import type { GraphEdgeData, GraphNodeData } from '../api/types.js';
import { kindName } from './kinds.js';

/** Groups are made only in drawings with more nodes than this. */
export const GROUP_ABOVE = 30;
/** The fewest leaves that form a group. */
export const GROUP_MIN = 4;

/** A drawing's nodes and edges after grouping, and what each group stands for. */
export interface GroupedGraph {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
  /** Group node id -> the ids of the entities it stands for. */
  groups: Map<string, string[]>;
}

/** Groups leaves by (kind, neighbour, relationship, direction), except groups in `expanded` and nodes in `keep`. */
export function groupLeaves(nodes: readonly GraphNodeData[], edges: readonly GraphEdgeData[], expanded: ReadonlySet<string>, keep: ReadonlySet<string>): GroupedGraph {
  if (nodes.length <= GROUP_ABOVE) return { nodes: [...nodes], edges: [...edges], groups: new Map() };
  const degree = new Map<string, GraphEdgeData[]>();
  for (const e of edges) {
    degree.set(e.source, [...(degree.get(e.source) ?? []), e]);
    degree.set(e.target, [...(degree.get(e.target) ?? []), e]);
  }
  const candidates = new Map<string, { kind: string; hub: string; edge: GraphEdgeData; outward: boolean; members: GraphNodeData[] }>();
  for (const n of nodes) {
    const links = degree.get(n.id) ?? [];
    if (keep.has(n.id) || links.length !== 1) continue;
    const edge = links[0]!;
    const outward = edge.source !== n.id;
    const hub = outward ? edge.source : edge.target;
    const key = `group:${n.kind}:${hub}:${edge.type}:${outward ? 'out' : 'in'}`;
    const c = candidates.get(key) ?? { kind: n.kind, hub, edge, outward, members: [] };
    c.members.push(n);
    candidates.set(key, c);
  }
  const groups = new Map<string, string[]>();
  const hidden = new Set<string>();
  const extraNodes: GraphNodeData[] = [];
  const extraEdges: GraphEdgeData[] = [];
  for (const [key, c] of candidates) {
    if (c.members.length < GROUP_MIN || expanded.has(key)) continue;
    groups.set(key, c.members.map((m) => m.id));
    c.members.forEach((m) => hidden.add(m.id));
    extraNodes.push({ id: key, kind: c.kind as GraphNodeData['kind'], label: `${c.members.length} ${plural(kindName(c.kind))}`, subkind: 'GROUP' });
    extraEdges.push({ id: `${key}|edge`, type: c.edge.type, source: c.outward ? c.hub : key, target: c.outward ? key : c.hub, properties: null });
  }
  return {
    nodes: [...nodes.filter((n) => !hidden.has(n.id)), ...extraNodes],
    edges: [...edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target)), ...extraEdges],
    groups,
  };
}

function plural(word: string): string {
  return /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : word.endsWith('s') ? word : `${word}s`;
}
