/**
 * The generated files are in step with schema.graphql and the dashboard's operations
 * (a stale one fails here, naming `npm run generate`), and the possibleTypes map the
 * server publishes at /possible-types.json is the committed file's. No database.
 */
import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardModel, dashboardModelFile } from '../../src/codegen/dashboard-model.js';
import { dashboardTypes, dashboardTypesFile } from '../../src/codegen/dashboard-types.js';
import { ENTITY_KINDS, ENTITY_SECTIONS } from '../../src/model/entities.js';
import { searchIndexCypher, searchIndexFile } from '../../src/codegen/search-index-file.js';
import { modelFactsFile, modelFactsModule } from '../../src/codegen/model-facts.js';
import { possibleTypesFile, possibleTypesJson } from '../../src/graphql/possible-types.js';
import { loadTypeDefs, schemaFile } from '../../src/graphql/type-defs.js';
import { dashboardOperations } from '../../web/src/operations/all.js';
import { driverToNowhere, startTestServer, testConfig, unusedPort, type TestServer } from '../server/harness.js';

const stale = 'stale: run `npm run generate` and commit the result';

describe('generated files', () => {
  it('possible-types.json is the schema’s possibleTypes map', () => {
    expect(fs.readFileSync(possibleTypesFile, 'utf8'), stale).toBe(possibleTypesJson(loadTypeDefs()));
  });

  it('the dashboard’s operation types are those of schema.graphql and web/src/operations', async () => {
    const expected = await dashboardTypes(fs.readFileSync(schemaFile, 'utf8'), dashboardOperations);
    expect(fs.readFileSync(dashboardTypesFile, 'utf8'), stale).toBe(expected);
  });

  it('the search indexes of cypher/schema are those of the model (src/model/search-indexes.ts)', () => {
    expect(fs.readFileSync(searchIndexFile, 'utf8'), stale).toBe(searchIndexCypher());
  });

  it('the dashboard’s kinds (web/src/api/__generated__/model.ts) are those of the model', () => {
    expect(fs.readFileSync(dashboardModelFile, 'utf8'), stale).toBe(dashboardModel());
  });

  it('the fragment of the kinds shown from the model (web/src/api/__generated__/model-facts.ts) is the model’s', () => {
    expect(fs.readFileSync(modelFactsFile, 'utf8'), stale).toBe(modelFactsModule());
  });

  it('lists every implementation of Entity and Fact (what Apollo Client needs for `... on Entity`)', () => {
    const map = JSON.parse(fs.readFileSync(possibleTypesFile, 'utf8')) as Record<string, string[]>;
    // Every kind of the model is an Entity; the kinds sourced from their file are Facts.
    expect(map['Entity']).toHaveLength(ENTITY_SECTIONS.length);
    expect(map['Fact']).toHaveLength(ENTITY_SECTIONS.filter((s) => (ENTITY_KINDS[s] as { sourcedFromFile?: boolean }).sourcedFromFile).length);
    expect(map['Entity']).toContain('Actor');
  });
});

describe('GET /possible-types.json', () => {
  let nowhere: Driver;
  let server: TestServer;
  beforeAll(async () => {
    nowhere = driverToNowhere(await unusedPort());
    server = await startTestServer({ config: testConfig(), driver: nowhere });
  });
  afterAll(async () => {
    await server?.stop();
    await nowhere?.close();
  });

  it('serves the committed file as JSON', async () => {
    const res = await fetch(`${server.url}/possible-types.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe(fs.readFileSync(possibleTypesFile, 'utf8'));
  });
});
