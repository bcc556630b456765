/**
 * `npm run check` over every node looks at each relationship from its start node and at
 * each statement and office from itself (checkNodes with everyNode): every violation is
 * still found, once, and a hub's page no longer reads the hub's incoming relationships,
 * which at 10^6 statements (an issue with 10^5 statements about it) stalled the check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/check/check-graph.js';
import { cypher } from '../../src/neo4j/cypher.js';
import { testDatabase, withTestDriver } from '../setup/neo4j.js';

const driver = withTestDriver();
const P = 'chk-every-';
const IN_DEGREE = 3_000;

const hitsOf = (plan: { dbHits?: number; children?: unknown[] }): number =>
  (plan.dbHits ?? 0) + (plan.children ?? []).reduce<number>((sum, c) => sum + hitsOf(c as { dbHits?: number; children?: unknown[] }), 0);

describe('npm run check over every node', () => {
  beforeAll(async () => {
    const db = { database: testDatabase() };
    await driver().executeQuery(`MATCH (n:Entity) WHERE n.id STARTS WITH '${P}' DETACH DELETE n`, {}, db);
    // Three broken invariants: a stance evidenced by an actor, a media outlet quoted
    // directly, an office held by a state; and an issue with many statements about it.
    await driver().executeQuery(
      `CREATE (o:Entity:Actor {id: $p + 'outlet', kind: 'MEDIA_OUTLET'}), (st:Entity:Actor {id: $p + 'state', kind: 'STATE'})
       CREATE (s:Entity:Statement {id: $p + 'stmt', mode: 'DIRECT_QUOTE'})<-[:SAID]-(o)
       CREATE (:Entity:Stance {id: $p + 'stance'})-[:EVIDENCED_BY]->(st)
       CREATE (st)-[:HOLDS]->(:Entity:Office {id: $p + 'office'})
       CREATE (i:Entity:Issue {id: $p + 'issue'})
       WITH i UNWIND range(1, $n) AS k
       CREATE (:Entity:Statement {id: $p + 'about-' + k, mode: 'REPORTED'})-[:CONCERNS]->(i)`,
      { p: P, n: IN_DEGREE },
      db,
    );
  }, 120_000);
  afterAll(async () => {
    await driver().executeQuery(`MATCH (n:Entity) WHERE n.id STARTS WITH '${P}' DETACH DELETE n`, {}, { database: testDatabase() });
  });

  it('finds each broken invariant once, whichever page its ends are on', async () => {
    // Pages of 7 ids: the two ends of each broken relationship fall on different pages.
    const report = await checkDatabase(driver(), testDatabase(), { pageSize: 7, maxViolations: 100_000 });
    const ours = report.violations.filter((v) => v.id.startsWith(P) && v.check !== 'missing-required');
    expect(ours.map((v) => [v.check, v.id]).sort()).toEqual([
      ['office-held-by-person', `${P}office`],
      ['relationship-kinds', `${P}stance`],
      ['speaker-can-be-quoted', `${P}stmt`],
    ]);
    expect(ours.find((v) => v.check === 'relationship-kinds')!.message).toBe(`EVIDENCED_BY from stance "${P}stance" to actor "${P}state": the model has no such relationship`);
  }, 120_000);

  it("does not read a hub's incoming relationships on the hub's page", async () => {
    const profile = async (name: string): Promise<number> => {
      const res = await driver().executeQuery(`PROFILE ${cypher(name)}`, { ids: [`${P}issue`], allowed: [] }, { database: testDatabase(), routing: 'READ' });
      return hitsOf(res.summary.profile as never);
    };
    // Both ends (what a write checks) expands all 3,000; the pass over every node, none.
    expect(await profile('check/relationship-kinds')).toBeGreaterThan(IN_DEGREE);
    expect(await profile('check/relationship-kinds-outgoing')).toBeLessThan(20);
  });
});
