/** The positions matrix: its columns, and Query.positions batched with aliases (a count and a first page each), then read on per column. */
import type { MatrixDemandsQuery, MatrixIssuesQuery, MatrixOrgMembersQuery, MatrixRowFragment, MatrixTableFragment, PositionsMatrixPageQuery as MatrixPageQuery } from '../api/__generated__/graphql.js';

/** The axis of the matrix. */
export type Axis = 'demand' | 'issue';

/** One column: a demand (with the issues it concerns, for grouping) or an issue, or one known only by its table's label (no language). */
export type Column =
  | NonNullable<MatrixDemandsQuery['demands']>['edges'][number]['node']
  | (MatrixIssuesQuery['issues'][number] & { issues?: undefined })
  | { id: string; label: string; issues?: undefined };

/** One aliased Query.positions answer (fragment MatrixTable): the count and the first page. */
export type TableData = MatrixTableFragment;

/** One position as the matrix shows it. */
export type PositionCell = MatrixRowFragment;

/** The positions on one column. */
export interface ColumnPositions {
  column: Column;
  asOf: string;
  positions: PositionCell[];
}

/**
 * Aliases per request: under the server's default GRAPHQL_MAX_ALIASES of 30, and with
 * FIRST_PAGE positions each, under its default GRAPHQL_MAX_COST of 20,000 (a position
 * row costs about 35, a table with inherited positions 380 more).
 */
export const DEFAULT_BATCH = 10;

/** Positions per column in the batched request; a column that has more (Query.positions' `count`) is read on with pageDocument. */
export const FIRST_PAGE = 40;

/** Positions per request when a column is read on (one alias, under the default cost limit). */
export const MORE_PAGE = 500;

const rowFields = /* GraphQL */ `
  fragment MatrixRow on Position {
    actor { id label(lang: $lang) kind names { best(lang: $lang) { lang } } }
    kind derived basis reasoning
    date { iso }
    stance { id summary(lang: $lang) }
    via { from { iso } organization { id label(lang: $lang) } }
    target { id label(lang: $lang) entityKind }
  }
`;

const positionFields = /* GraphQL */ `
  fragment MatrixTable on PositionTable {
    asOf
    demand { id label(lang: $lang) summaries { best(lang: $lang) { lang } } }
    issue { id label(lang: $lang) names { best(lang: $lang) { lang } } }
    count
    positions(first: $first) { ...MatrixRow }
  }
${rowFields}`;

/** The arguments of one column's Query.positions (the matrix's columns show their own positions, not their sub-issues', decision 0045). */
function columnArgs(axis: Axis, i: number): string {
  const arg = axis === 'demand' ? 'demandId' : 'issueId';
  const own = axis === 'demand' ? '' : ', includeSubIssues: false';
  return `${arg}: $t${i}, asOf: $asOf, includeDerived: $derived${own}`;
}

/** The document for one batch: `c0: positions(demandId: $t0, ...)`, ... with the count and the first `$first` positions of each. */
export function batchDocument(axis: Axis, size: number): string {
  const vars = Array.from({ length: size }, (_, i) => `$t${i}: ID!`).join(', ');
  const fields = Array.from({ length: size }, (_, i) => `c${i}: positions(${columnArgs(axis, i)}) { ...MatrixTable }`).join('\n    ');
  return `query PositionsMatrix(${vars}, $asOf: Date, $derived: Boolean!, $lang: String, $first: Int!) {\n    ${fields}\n  }\n${positionFields}`;
}

/** The document that reads on one column: its positions from `$offset`, `$first` of them. */
export function pageDocument(axis: Axis): string {
  return `query PositionsMatrixPage($t0: ID!, $asOf: Date, $derived: Boolean!, $lang: String, $first: Int!, $offset: Int!) {
    c0: positions(${columnArgs(axis, 0)}) { positions(first: $first, offset: $offset) { ...MatrixRow } }
  }
${rowFields}`;
}

/** The shape of pageDocument's answer. */
export type PageData = MatrixPageQuery;

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
