/** The search view: one page of Query.search hits. */
import type { EntityKind, PageInfoData } from '../api/types.js';

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

/** Which language a label is in (LocalizedText.best). */
export interface LabelLanguage {
  best: { lang: string };
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
  fragment LabelLanguage on Entity {
    ... on Actor { names { best(lang: $lang) { lang } } }
    ... on Issue { names { best(lang: $lang) { lang } } }
    ... on Event { names { best(lang: $lang) { lang } } }
    ... on Place { names { best(lang: $lang) { lang } } }
    ... on Source { titles { best(lang: $lang) { lang } } }
    ... on Instrument { titles { best(lang: $lang) { lang } } }
    ... on Office { titles { best(lang: $lang) { lang } } }
    ... on Demand { summaries { best(lang: $lang) { lang } } }
    ... on Stance { summaries { best(lang: $lang) { lang } } }
  }
`;
