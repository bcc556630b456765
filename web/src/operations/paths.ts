/** The path finder: Query.paths and the labels of its two ends. */
import { subgraphFields } from '../api/fragments.js';
import type { EntityKind, GraphEdgeData, GraphNodeData, SubgraphData } from '../api/types.js';

/** The shape PathsData of the answer, as the document selects it. */
export interface PathsData {
  paths: {
    from: { id: string; label: string; entityKind: EntityKind };
    to: { id: string; label: string; entityKind: EntityKind };
    paths: { length: number; nodes: GraphNodeData[]; edges: GraphEdgeData[] }[];
    graph: SubgraphData;
  };
}

/** The operation document (paths). */
export const pathsQuery = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxHops: Int!, $includeProvenance: Boolean!) {
    paths(fromId: $from, toId: $to, maxHops: $maxHops, first: 5, includeProvenance: $includeProvenance) {
      from { id label entityKind }
      to { id label entityKind }
      paths {
        length
        nodes { id kind label subkind }
        edges { id type source target properties }
      }
      graph { ...SubgraphFields }
    }
  }
  ${subgraphFields}
`;

/** The operation document (labels). */
export const labelsQuery = /* GraphQL */ `query PathEnds($ids: [ID!]!) { entities(ids: $ids) { id label entityKind } }`;
