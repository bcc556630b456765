/** The positions matrix: its columns, and Query.positions batched with aliases. */
import type { MatrixDemandsQuery, MatrixIssuesQuery, MatrixOrgMembersQuery, MatrixTableFragment } from '../api/__generated__/graphql.js';

/** The axis of the matrix. */
export type Axis = 'demand' | 'issue';

/** One column: a demand (with the issues it concerns, for grouping) or an issue, or one known only by its table's label (no language). */
export type Column =
  | NonNullable<MatrixDemandsQuery['demands']>['edges'][number]['node']
  | (MatrixIssuesQuery['issues'][number] & { issues?: undefined })
  | { id: string; label: string; issues?: undefined };

/** One aliased Query.positions answer (fragment MatrixTable). */
export type TableData = MatrixTableFragment;

/** One position as the matrix shows it. */
export type PositionCell = TableData['positions'][number];

/** The positions on one column. */
export interface ColumnPositions {
  column: Column;
  asOf: string;
  positions: PositionCell[];
}

/** Aliases per request: well under the server's default GRAPHQL_MAX_ALIASES of 30. */
export const DEFAULT_BATCH = 20;

const positionFields = /* GraphQL */ `
  fragment MatrixTable on PositionTable {
    asOf
    demand { id label(lang: $lang) summaries { best(lang: $lang) { lang } } }
    issue { id label(lang: $lang) names { best(lang: $lang) { lang } } }
    positions {
      actor { id label(lang: $lang) kind names { best(lang: $lang) { lang } } }
      kind derived basis reasoning
      date { iso }
      stance { id summary(lang: $lang) }
      via { from { iso } organization { id label(lang: $lang) } }
      target { id label(lang: $lang) entityKind }
    }
  }
`;

/** The document for one batch: `c0: positions(demandId: $t0, ...)`, ... */
export function batchDocument(axis: Axis, size: number): string {
  const arg = axis === 'demand' ? 'demandId' : 'issueId';
  const vars = Array.from({ length: size }, (_, i) => `$t${i}: ID!`).join(', ');
  // The matrix has a column for every issue, sub-issues too: each column shows its own positions, not its sub-issues' again (decision 0045).
  const own = axis === 'demand' ? '' : ', includeSubIssues: false';
  const fields = Array.from({ length: size }, (_, i) => `c${i}: positions(${arg}: $t${i}, asOf: $asOf, includeDerived: $derived${own}) { ...MatrixTable }`).join('\n    ');
  return `query PositionsMatrix(${vars}, $asOf: Date, $derived: Boolean!, $lang: String) {\n    ${fields}\n  }\n${positionFields}`;
}


/** The shape ColumnsData of the answer: one of the two documents'. */
export type ColumnsData = Partial<MatrixDemandsQuery & MatrixIssuesQuery>;

/** The operation document (allDemands). */
export const allDemandsQuery = /* GraphQL */ `query MatrixDemands($lang: String) { demands(first: 200) { edges { node { id label(lang: $lang) summaries { best(lang: $lang) { lang } } issues { id label(lang: $lang) } } } } }`;
/** The operation document (allIssues). */
export const allIssuesQuery = /* GraphQL */ `query MatrixIssues($lang: String) { issues { id label(lang: $lang) names { best(lang: $lang) { lang } } } }`;

/** The shape OrgMembersData of the answer, as the document selects it. */
export type OrgMembersData = MatrixOrgMembersQuery;

/** The operation document (orgMembers): who belongs to an organisation, for the matrix's filter. */
export const orgMembersQuery = /* GraphQL */ `query MatrixOrgMembers($id: ID!) { actor(id: $id) { id members { member { id } } } }`;
