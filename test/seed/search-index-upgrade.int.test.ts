/**
 * A database whose search index predates a change of the model (a kind or field now
 * searched) gets the model's index when the schema is applied: `npm run seed` upgrades
 * it, where CREATE ... IF NOT EXISTS alone would keep the old definition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { FOLDING_INDEX, searchIndexes } from '../../src/model/search-indexes.js';
import { applySchema } from '../../src/seed/load-graph.js';
import { openTestDriver, testDatabase } from '../setup/neo4j.js';

let driver: Driver;
beforeAll(() => {
  driver = openTestDriver();
});
afterAll(async () => {
  await applySchema(driver, testDatabase());
  await driver?.close();
});

/** The labels and properties of the folding index in the database. */
async function foldingIndex(): Promise<{ labels: string[]; properties: string[] }> {
  const { records } = await driver.executeQuery('SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = $name RETURN labelsOrTypes, properties', { name: FOLDING_INDEX }, { database: testDatabase() });
  return { labels: [...(records[0]!.get('labelsOrTypes') as string[])].sort(), properties: [...(records[0]!.get('properties') as string[])].sort() };
}

describe('applying the schema over an older search index', () => {
  it('rebuilds the folding index with the model’s labels and properties', async () => {
    const database = testDatabase();
    await driver.executeQuery(`DROP INDEX ${FOLDING_INDEX} IF EXISTS`, {}, { database });
    await driver.executeQuery(`CREATE FULLTEXT INDEX ${FOLDING_INDEX} FOR (n:Actor) ON EACH [n.name]`, {}, { database });
    expect(await foldingIndex()).toEqual({ labels: ['Actor'], properties: ['name'] });
    await applySchema(driver, database);
    const model = searchIndexes().find((i) => i.name === FOLDING_INDEX)!;
    expect(await foldingIndex()).toEqual({ labels: [...model.labels].sort(), properties: [...model.properties].sort() });
  });
});
