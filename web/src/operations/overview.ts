/** The overview (`#/`): demands with their standing, issues, actors. */
import type { OverviewQuery } from '../api/__generated__/graphql.js';
import type { Answered } from '../api/types.js';

/** The shape OverviewData of the answer, as the document selects it. */
export type OverviewData = Answered<OverviewQuery>;

/** The operation document (overview). */
export const overviewQuery = /* GraphQL */ `
  query Overview {
    demands(first: 50) {
      totalCount
      edges { node { id summary since { iso } by { id label } of { id label } status { state } } }
    }
    issues { id name names { all { lang text } } parent { id } }
    actors(first: 200) { totalCount edges { node { id label kind } } }
  }
`;
