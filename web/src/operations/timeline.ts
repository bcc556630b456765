/** The timeline: one page of Query.timeline, and the names its filters show. */
import { labelLanguageFields } from '../api/fragments.js';
import type { TimelineFiltersQuery, TimelineQuery } from '../api/__generated__/graphql.js';
import type { Answered, Merged } from '../api/types.js';

/** The shape TimelineData of the answer, as the document selects it. */
export type TimelineData = Answered<TimelineQuery>;

type TimelineNode = TimelineData['timeline']['edges'][number]['node'];

/** One item of the timeline, its entity as one shape (each kind's own fields optional). */
export type TimelineItem = Omit<TimelineNode, 'entity'> & { entity: Merged<TimelineNode['entity']> };

/** The shape FilterData of the answer, as the document selects it. */
export type FilterData = Answered<TimelineFiltersQuery>;

/** The operation document (timeline). */
export const timelineQuery = /* GraphQL */ `
  query Timeline($filter: TimelineFilter, $order: SortOrder, $after: String, $lang: String) {
    timeline(filter: $filter, order: $order, first: 50, after: $after) {
      totalCount
      edges {
        node {
          kind
          date { iso start end approximate }
          entity {
            id entityKind label(lang: $lang) ...LabelLanguage
            ... on Statement { text gloss language speaker { id label(lang: $lang) } issues { id label(lang: $lang) } }
            ... on Stance { stanceKind: kind holder { id label(lang: $lang) } issues { id label(lang: $lang) } }
            ... on Event { eventKind: kind issues { id label(lang: $lang) } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${labelLanguageFields}
`;

/** The operation document (filter). */
export const filterQuery = /* GraphQL */ `
  query TimelineFilters($ids: [ID!]!, $lang: String) {
    issues { id label(lang: $lang) }
    entities(ids: $ids) { id label(lang: $lang) entityKind }
  }
`;
