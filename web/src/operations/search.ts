/** The search view: one page of Query.search hits. */
import { labelLanguageFields } from '../api/fragments.js';
import type { EntityKind, LabelLanguage, PageInfoData } from '../api/types.js';

/** The shape SearchHit of the answer, as the document selects it. */
export interface SearchHit {
  cursor: string;
  kind: EntityKind;
  score: number;
  matchedText: string | null;
  detail: string | null;
  /** `names`, `titles` or `summaries` (by kind): the language of the label. */
  node: { id: string; label: string; entityKind: EntityKind; note: string | null; names?: LabelLanguage; titles?: LabelLanguage; summaries?: LabelLanguage };
}


/** The shape SearchData of the answer, as the document selects it. */
export interface SearchData {
  search: { totalCount: number; edges: SearchHit[]; pageInfo: PageInfoData };
}

/** The operation document (search). */
export const searchQuery = /* GraphQL */ `
  query Search($text: String!, $kinds: [EntityKind!], $after: String, $lang: String) {
    search(text: $text, kinds: $kinds, first: 20, after: $after) {
      totalCount
      edges { cursor kind score matchedText detail node { id label(lang: $lang) entityKind note ...LabelLanguage } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${labelLanguageFields}
`;
