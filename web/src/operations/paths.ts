/** The path finder: Query.paths and the labels of its two ends. */
import { subgraphFields } from '../api/fragments.js';
import type { PathEndsQuery, PathsQuery } from '../api/__generated__/graphql.js';
import type { Answered } from '../api/types.js';

/** The shape PathsData of the answer, as the document selects it. */
export type PathsData = Answered<PathsQuery>;

/** The shape PathEndsData of the answer, as the document selects it. */
export type PathEndsData = Answered<PathEndsQuery>;

/** The operation document (paths). */
export const pathsQuery = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxHops: Int!, $includeProvenance: Boolean!, $lang: String) {
    paths(fromId: $from, toId: $to, maxHops: $maxHops, first: 5, includeProvenance: $includeProvenance) {
      from { id label(lang: $lang) entityKind }
      to { id label(lang: $lang) entityKind }
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
export const labelsQuery = /* GraphQL */ `query PathEnds($ids: [ID!]!, $lang: String) { entities(ids: $ids) { id label(lang: $lang) entityKind } }`;
