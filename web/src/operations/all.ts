/**
 * Every operation document the dashboard sends, by name: validated against the schema
 * and its limits in test/web/operations.test.ts and typed by `npm run generate`
 * (web/src/api/__generated__/graphql.ts). The batched documents appear at one size:
 * their aliases share one fragment, which is what the views use.
 */
import { actorQuery, actorStatementsQuery } from './actor.js';
import { CITE_BATCH, citeDocument } from './cite.js';
import { demandQuery } from './demand.js';
import { entityModelFactsQuery, entityQuery, factClaimsQuery } from './entity.js';
import { neighbourhoodQuery } from './neighbourhood.js';
import { overviewQuery } from './overview.js';
import { labelsQuery, pathsQuery } from './paths.js';
import { pickerSearchQuery } from './picker.js';
import { allDemandsQuery, allIssuesQuery, batchDocument, DEFAULT_BATCH, orgMembersQuery, pageDocument } from './positions.js';
import { searchQuery } from './search.js';
import { filterQuery, timelineQuery } from './timeline.js';

/** The documents, keyed by the name of the export (or batch) they come from. */
export const dashboardOperations: Readonly<Record<string, string>> = {
  actorQuery,
  actorStatementsQuery,
  demandQuery,
  entityQuery,
  entityModelFactsQuery,
  factClaimsQuery,
  neighbourhoodQuery,
  overviewQuery,
  pathsQuery,
  labelsQuery,
  pickerSearchQuery,
  allDemandsQuery,
  allIssuesQuery,
  demandBatch: batchDocument('demand', DEFAULT_BATCH),
  issueBatch: batchDocument('issue', DEFAULT_BATCH),
  demandPage: pageDocument('demand'),
  issuePage: pageDocument('issue'),
  orgMembersQuery,
  citeBatch: citeDocument(CITE_BATCH),
  searchQuery,
  timelineQuery,
  filterQuery,
};
