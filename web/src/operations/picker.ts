/** The entity picker's suggestions (Query.search). */
import type { EntityKind } from '../api/types.js';

/** The shape PickerSearchData of the answer, as the document selects it. */
export interface PickerSearchData {
  search: { edges: { kind: EntityKind; detail: string | null; node: { id: string; label: string } }[] };
}

/** The operation document (pickerSearch). */
export const pickerSearchQuery = /* GraphQL */ `
  query PickerSearch($text: String!, $kinds: [EntityKind!], $lang: String) {
    search(text: $text, kinds: $kinds, first: 8) {
      edges { kind detail node { id label(lang: $lang) } }
    }
  }
`;
