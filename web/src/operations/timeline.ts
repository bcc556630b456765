/** The timeline: one page of Query.timeline, and the names its filters show. */
import type { ActorRef, EntityKind, PageInfoData, TimelineItemKind } from '../api/types.js';

/** The shape TimelineItem of the answer, as the document selects it. */
export interface TimelineItem {
  kind: TimelineItemKind;
  date: { iso: string; start: string; end: string; approximate: boolean };
  title: string;
  entity: {
    id: string;
    entityKind: EntityKind;
    label: string;
    text?: string;
    gloss?: string;
    language?: string;
    speaker?: ActorRef;
    stanceKind?: string;
    holder?: ActorRef;
    eventKind?: string;
    issues?: { id: string; label: string }[];
  };
}

/** The shape TimelineData of the answer, as the document selects it. */
export interface TimelineData {
  timeline: { totalCount: number; edges: { node: TimelineItem }[]; pageInfo: PageInfoData };
}

/** The shape FilterData of the answer, as the document selects it. */
export interface FilterData {
  issues: { id: string; label: string }[];
  entities: ({ id: string; label: string; entityKind: EntityKind } | null)[];
}

/** The operation document (timeline). */
export const timelineQuery = /* GraphQL */ `
  query Timeline($filter: TimelineFilter, $order: SortOrder, $after: String) {
    timeline(filter: $filter, order: $order, first: 50, after: $after) {
      totalCount
      edges {
        node {
          kind
          date { iso start end approximate }
          title
          entity {
            id entityKind label
            ... on Statement { text gloss language speaker { id label } issues { id label } }
            ... on Stance { stanceKind: kind holder { id label } issues { id label } }
            ... on Event { eventKind: kind issues { id label } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** The operation document (filter). */
export const filterQuery = /* GraphQL */ `
  query TimelineFilters($ids: [ID!]!) {
    issues { id label }
    entities(ids: $ids) { id label entityKind }
  }
`;
