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
import { dashboardOperations } from '../../web/src/operations/all.js';
import { DEFAULT_BATCH } from '../../web/src/operations/positions.js';
import { exampleOperations } from '../api/example-operations.js';

const schema = buildSchema(readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
const limits = loadConfig({}).graphql.limits;
const rules = [...specifiedRules, ...operationLimits(limits).validationRules];

const operations: Record<string, string> = {
  ...dashboardOperations,
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
