/**
 * The server's periodic read of the graph's size also says when the derived data the
 * analyses read are missing (a graph loaded before membership dates existed answers
 * positions with counts of 0): once, as an error naming
 * the command that rebuilds them. With the size, how the dated items spread over the months
 * (decision 0065), for a date range's share of the work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { datedItems } from '../../src/graphql/field-work.js';
import { missingDerivedData, readLocalSizes, scaleOf, trackGraphSize } from '../../src/graphql/graph-size.js';
import { PROVENANCE_TYPES } from '../../src/graph/paths.js';
import type { Logger } from '../../src/logger.js';
import { cypher } from '../../src/neo4j/cypher.js';
import { toPlain } from '../../src/neo4j/values.js';
import { openTestDriver, testDatabase } from '../setup/neo4j.js';

let driver: Driver;
beforeAll(() => {
  driver = openTestDriver();
});
afterAll(async () => {
  await driver?.close();
});

/** A logger that keeps what was logged at error and warn. */
function recordingLogger(): { logger: Logger; said: string[] } {
  const said: string[] = [];
  const keep = (_obj: unknown, msg?: string): void => void said.push(String(msg ?? _obj));
  const logger = { error: keep, warn: keep, info: () => {}, debug: () => {}, child: () => logger } as unknown as Logger;
  return { logger, said };
}

describe('derived data the analyses need', () => {
  it('are all there in the seeded graph, and the server says nothing', async () => {
    const session = driver.session({ database: testDatabase(), defaultAccessMode: 'READ' });
    const row = await session.executeRead(async (tx) => toPlain((await tx.run(cypher('read/graph-size'), {})).records[0]!.toObject()) as Record<string, number>).finally(() => session.close());
    expect(row.statements).toBeGreaterThan(0);
    expect(row.positions).toBeGreaterThan(0);
    expect(row.memberships).toBeGreaterThan(0);
    expect(row.membershipDates).toBeGreaterThan(0);
    expect(missingDerivedData(row)).toEqual([]);

    const { logger, said } = recordingLogger();
    const size = trackGraphSize(driver, testDatabase(), logger);
    await size.refresh();
    expect(size.statements()).toBe(row.statements);
    expect(said).toEqual([]);
  });

  it('come with how the dated items spread over the months, which the estimate takes for that many statements (decision 0065)', async () => {
    const { logger } = recordingLogger();
    const size = trackGraphSize(driver, testDatabase(), logger);
    await size.refresh();
    const scale = size.scale();
    expect(scale.statements).toBe(size.statements());
    const dates = scale.dates!;
    // Every dated statement once, in month order.
    const session = driver.session({ database: testDatabase(), defaultAccessMode: 'READ' });
    const dated = await session
      .executeRead(async (tx) => Number((await tx.run('MATCH (s:Statement) WHERE s.said IS NOT NULL RETURN count(s) AS n')).records[0]!.get('n')))
      .finally(() => session.close());
    expect(dates.statements.reduce((sum, [, n]) => sum + n, 0)).toBe(dated);
    expect(dates.stances.length).toBeGreaterThan(0);
    const months = dates.statements.map(([m]) => m);
    expect(months).toEqual([...months].sort((a, b) => a - b));
    // The seeded graph's statements are of 2021-2022 and before: a range from 2030 reads none.
    expect(datedItems(['statements'], { from: '2030' }, scale)).toEqual({ read: 0, inRange: 0 });
    expect(datedItems(['statements'], { from: '1900' }, scale)).toEqual({ read: dated, inRange: dated });
    // The plugin hands the estimate the count alone: the dates read for that count come with it.
    expect(scaleOf(size.statements()).dates).toEqual(dates);
    expect(scaleOf(size.statements() + 1).dates).toBeUndefined();
  });

  it('are named when memberships have no dates (verdict spans, removed by decision 0067, are not asked for)', () => {
    expect(missingDerivedData({ positions: 120, memberships: 40, membershipDates: 12 })).toEqual([]);
    expect(missingDerivedData({ positions: 120, memberships: 40, membershipDates: 0 })).toEqual(['40 memberships, no membership dates']);
    expect(missingDerivedData({ positions: 0, memberships: 0, membershipDates: 0 })).toEqual([]);
  });
});

describe('the sizes a request is weighed by, read from Neo4j (decisions 0068, 0069)', () => {
  it('count a start node\'s relationships and an actor\'s items as the reads start from them; an id not found is absent', async () => {
    const local = await readLocalSizes(driver, testDatabase(), { entities: ['nato', 'nowhere'], issues: [], actors: ['russia', 'nato', 'nowhere'] }, PROVENANCE_TYPES);
    const session = driver.session({ database: testDatabase(), defaultAccessMode: 'READ' });
    const count = async (query: string, id = ''): Promise<number> => Number((await session.executeRead((tx) => tx.run(query, { id }))).records[0]!.get('n'));
    try {
      const nato = local.degrees['nato']!;
      expect(nato.degree).toBe(await count('MATCH (c:Entity {id: $id}) RETURN COUNT { (c)--() } AS n', 'nato'));
      expect(nato.outDegree).toBe(await count('MATCH (c:Entity {id: $id}) RETURN COUNT { (c)-->() } AS n', 'nato'));
      // The seeded graph's nodes have fewer than NEIGHBOURS_SAMPLED relationships: all of them are read.
      expect(nato.sampled).toBe(nato.degree);
      expect(nato.neighbours!).toBeGreaterThan(0);
      expect(nato.neighbours!).toBeLessThanOrEqual(nato.sampled);
      expect(nato.keptOut!).toBeLessThanOrEqual(nato.aroundOut!);
      expect(nato.hop2!).toBeGreaterThan(0);
      expect(nato.hop2Plain!).toBeLessThanOrEqual(nato.hop2!);
      expect(nato.relationships).toBe(await count('MATCH ()-[r]->() RETURN count(r) AS n'));
      const russia = local.actors!['russia']!;
      expect(russia.own.said).toBe(await count('MATCH (a:Actor {id: $id}) RETURN COUNT { (a)-[:SAID]->() } AS n', 'russia'));
      expect(russia.own.took).toBe(await count('MATCH (a:Actor {id: $id}) RETURN COUNT { (a)-[:TOOK]->() } AS n', 'russia'));
      expect(russia.own.said + russia.own.took).toBeGreaterThan(0);
      // Russia's parts (its ministry, its armed forces: PART_OF) said things on its behalf or their own.
      expect(russia.parts.said + russia.parts.took + russia.parts.events + russia.parts.onBehalfOf).toBe(
        await count('MATCH (:Actor {id: $id})<-[:PART_OF*1..10]-(p:Actor) WITH DISTINCT p RETURN sum(COUNT { (p)-[:SAID]->() } + COUNT { (p)-[:TOOK]->() } + COUNT { (p)-[:PARTICIPATED_IN]->() } + COUNT { (p)<-[:CLAIMED_BY]-() } + COUNT { (p)<-[:ON_BEHALF_OF]-() }) AS n', 'russia'),
      );
      expect(local.degrees['nowhere']).toBeUndefined();
      expect(local.actors!['nowhere']).toBeUndefined();
    } finally {
      await session.close();
    }
  });
});
