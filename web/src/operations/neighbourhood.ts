/** The ego network of one entity (Query.neighbourhood). */
import { subgraphFields } from '../api/fragments.js';
import type { NeighbourhoodQuery } from '../api/__generated__/graphql.js';
import type { Answered } from '../api/types.js';

/** The shape NeighbourhoodData of the answer, as the document selects it. */
export type NeighbourhoodData = Answered<NeighbourhoodQuery>;

/** The operation document (neighbourhood). */
export const neighbourhoodQuery = /* GraphQL */ `
  query Neighbourhood($id: ID!, $depth: Int!, $includeProvenance: Boolean!, $kinds: [EntityKind!]) {
    neighbourhood(id: $id, depth: $depth, limit: 120, kinds: $kinds, includeProvenance: $includeProvenance) { ...SubgraphFields }
  }
  ${subgraphFields}
`;
