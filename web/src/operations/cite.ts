/** Provenance of several facts at once, for the "cite" action (aliases, a few per request). */
import { fragments, sourceFullFields, statementFragments } from '../api/fragments.js';
import type { CiteQuery } from '../api/__generated__/graphql.js';

/** Facts per request: provenance selects whole statements, so keep the cost low. */
export const CITE_BATCH = 6;

/** One aliased Query.provenance answer (all aliases select the same fields). */
export type CiteProvenance = NonNullable<CiteQuery['p0']>;

/** The document for `size` facts: `p0: provenance(id: $i0) { ... }`, ... */
export function citeDocument(size: number): string {
  const vars = [...Array.from({ length: size }, (_, i) => `$i${i}: ID!`), '$lang: String'].join(', ');
  const fields = Array.from(
    { length: size },
    (_, i) => `p${i}: provenance(id: $i${i}) { entity { id label(lang: $lang) entityKind } sources { ...SourceFull } evidence { ...StatementFields } }`,
  ).join('\n  ');
  return `query Cite(${vars}) {\n  ${fields}\n}\n${fragments(statementFragments, sourceFullFields)}`;
}
