/**
 * Every operation the dashboard and the playground's default examples send is valid
 * against schema.graphql and within the server's default operation limits (depth,
 * aliases, directives), checked with the server's own validation rules: a view never
 * meets QUERY_TOO_DEEP or a renamed field for the first time in a browser. The cost,
 * estimated with the variables, is checked in test/graphql/operation-cost.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { operationLimits } from '../../src/graphql/limits.js';
import { actorQuery, actorStatementsQuery } from '../../web/src/operations/actor.js';
import { demandQuery } from '../../web/src/operations/demand.js';
import { entityQuery } from '../../web/src/operations/entity.js';
import { neighbourhoodQuery } from '../../web/src/operations/neighbourhood.js';
import { overviewQuery } from '../../web/src/operations/overview.js';
import { labelsQuery, pathsQuery } from '../../web/src/operations/paths.js';
import { pickerSearchQuery } from '../../web/src/operations/picker.js';
import { CITE_BATCH, citeDocument } from '../../web/src/operations/cite.js';
import { allDemandsQuery, allIssuesQuery, batchDocument, DEFAULT_BATCH, orgMembersQuery } from '../../web/src/operations/positions.js';
import { searchQuery } from '../../web/src/operations/search.js';
import { filterQuery, timelineQuery } from '../../web/src/operations/timeline.js';
import { exampleOperations } from '../api/example-operations.js';

const schema = buildSchema(readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
const limits = loadConfig({}).graphql.limits;
const rules = [...specifiedRules, ...operationLimits(limits).validationRules];

const operations: Record<string, string> = {
  actorQuery,
  actorStatementsQuery,
  demandQuery,
  entityQuery,
  neighbourhoodQuery,
  overviewQuery,
  pathsQuery,
  labelsQuery,
  pickerSearchQuery,
  allDemandsQuery,
  allIssuesQuery,
  demandBatch: batchDocument('demand', DEFAULT_BATCH),
  issueBatch: batchDocument('issue', DEFAULT_BATCH),
  orgMembersQuery,
  citeBatch: citeDocument(CITE_BATCH),
  searchQuery,
  timelineQuery,
  filterQuery,
  ...Object.fromEntries(exampleOperations().map((e) => [`docs/queries/${e.name}.graphql`, e.query])),
};

describe('the dashboard’s GraphQL operations', () => {
  it.each(Object.entries(operations))('%s is valid and within the default limits', (_name, document) => {
    const errors = validate(schema, parse(document), rules).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('batches the positions matrix under the alias limit', () => {
    expect(DEFAULT_BATCH).toBeLessThan(limits.maxAliases);
  });
});
