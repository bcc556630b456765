/** The overview (`#/`): demands with their standing, issues, actors. */
import { actorRefFields } from '../api/fragments.js';
import type { OverviewQuery } from '../api/__generated__/graphql.js';
import type { Answered } from '../api/types.js';

/** The shape OverviewData of the answer, as the document selects it. */
export type OverviewData = Answered<OverviewQuery>;

/** The operation document (overview). */
export const overviewQuery = /* GraphQL */ `
  query Overview($lang: String) {
    demands(first: 50) {
      totalCount
      edges { node { id summaries { best(lang: $lang) { lang text } } since { iso } by { ...ActorRef } of { ...ActorRef } status { state } } }
    }
    issues { id names { best(lang: $lang) { lang text } } parent { id } }
    actors(first: 200) { totalCount edges { node { ...ActorRef kind } } }
  }
  ${actorRefFields}
`;
