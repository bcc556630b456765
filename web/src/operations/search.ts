/** The search view: one page of Query.search hits. */
import type { EntityKind, PageInfoData } from '../api/types.js';

/** The shape SearchHit of the answer, as the document selects it. */
export interface SearchHit {
  cursor: string;
  kind: EntityKind;
  score: number;
  matchedText: string | null;
  detail: string | null;
  node: { id: string; label: string; entityKind: EntityKind; note: string | null };
}

/** The shape SearchData of the answer, as the document selects it. */
export interface SearchData {
  search: { totalCount: number; edges: SearchHit[]; pageInfo: PageInfoData };
}

/** The operation document (search). */
export const searchQuery = /* GraphQL */ `
  query Search($text: String!, $kinds: [EntityKind!], $after: String) {
    search(text: $text, kinds: $kinds, first: 20, after: $after) {
      totalCount
      edges { cursor kind score matchedText detail node { id label entityKind note } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
