/**
 * The graph's size without Neo4j (a driver that answers the size reads from a script): the
 * dates are kept while they are read again after the counts changed (seconds at 10^6), so a
 * date range is never weighed as every item in that window; and the sizes a request's
 * estimate reads (decision 0068) go through the driver of the last trackGraphSize.
 */
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { PROVENANCE_TYPES } from '../../src/graph/paths.js';
import { localSizes, scaleOf, trackGraphSize, type GraphDates } from '../../src/graphql/graph-size.js';
import type { Logger } from '../../src/logger.js';
import { cypher } from '../../src/neo4j/cypher.js';

const quiet = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {}, child: () => quiet } as unknown as Logger;
const datesOf = (n: number): GraphDates => ({ statements: [[2020 * 12, n]], stances: [], events: [] });
const record = (o: Record<string, unknown>) => ({ records: [{ toObject: () => o }] });

/** A driver whose reads answer from `answer` (by query text); a promise holds the read until it settles. */
function scriptedDriver(answer: (text: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>): Driver {
  const tx = { run: async (text: string, params: Record<string, unknown>) => record(await answer(text, params)) };
  const session = { executeRead: (work: (t: typeof tx) => unknown) => work(tx), close: async () => {} };
  return { session: () => session } as unknown as Driver;
}

describe('the graph\'s dates, read again after the counts change', () => {
  it('are kept for the new count until the new ones are read, and after a failed read', async () => {
    let statements = 1_000;
    let datesRead: Promise<GraphDates> = Promise.resolve(datesOf(1_000));
    const driver = scriptedDriver(async (text) => {
      if (text === cypher('read/graph-size')) return { statements, stances: 0, events: 0 };
      if (text === cypher('read/graph-dates')) return (await datesRead) as unknown as Record<string, unknown>;
      throw new Error(`unexpected ${text}`);
    });
    const size = trackGraphSize(driver, 'neo4j', quiet);
    await size.refresh();
    expect(size.scale().dates).toEqual(datesOf(1_000));

    // A load: more statements; the dates' read takes a while.
    statements = 2_000;
    let release!: (d: GraphDates) => void;
    datesRead = new Promise((resolve) => (release = resolve));
    const refreshing = size.refresh();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(size.statements()).toBe(2_000);
    // In the window: the old dates, for the new count (scaleOf is what the budget plugin's estimate takes).
    expect(size.scale().dates).toEqual(datesOf(1_000));
    expect(scaleOf(2_000).dates).toEqual(datesOf(1_000));
    release(datesOf(2_000));
    await refreshing;
    expect(size.scale().dates).toEqual(datesOf(2_000));
    expect(scaleOf(2_000).dates).toEqual(datesOf(2_000));

    // A read of the dates that fails keeps the last ones.
    statements = 3_000;
    datesRead = Promise.reject(new Error('Neo4j away'));
    datesRead.catch(() => {});
    await size.refresh();
    expect(size.statements()).toBe(3_000);
    expect(scaleOf(3_000).dates).toEqual(datesOf(2_000));
  });
});

describe('the sizes a request is weighed by (decision 0068)', () => {
  it('are read through the last trackGraphSize\'s driver, as plain numbers by id', async () => {
    let asked: Record<string, unknown> | undefined;
    const driver = scriptedDriver(async (text, params) => {
      if (text !== cypher('read/cost-sizes')) return { statements: 0, stances: 0, events: 0, statementsDates: [] };
      asked = params;
      return {
        degrees: [{ id: 'hub', degree: 20_000, plainDegree: 8_000, sampled: 5_000, sampledPlain: 2_000, around: 100_000, aroundPlain: 40_000, neighbours: 4_000, neighboursPlain: 1_500, hop2: 2_000, reach: 900_000 }],
        issues: [['issue-1', 300, 1_200]],
        actors: [['actor-1', 3, 40, 5, 60, 1, 10, 0, 2]],
        meanDegree: 7.5,
        relationships: 75_000,
      };
    });
    trackGraphSize(driver, 'neo4j', quiet);
    const local = await localSizes({ entities: ['hub', 'nowhere'], issues: ['issue-1'], actors: ['actor-1'] });
    expect(asked?.['entityIds']).toEqual(['hub', 'nowhere']);
    expect(asked?.['issueIds']).toEqual(['issue-1']);
    expect(asked?.['actorIds']).toEqual(['actor-1']);
    expect(local).toEqual({
      degrees: {
        hub: { degree: 20_000, plainDegree: 8_000, sampled: 5_000, sampledPlain: 2_000, around: 100_000, aroundPlain: 40_000, neighbours: 4_000, neighboursPlain: 1_500, hop2: 2_000, reach: 900_000, meanDegree: 7.5, relationships: 75_000 },
      },
      issues: { 'issue-1': { own: 300, subIssues: 1_200 } },
      actors: { 'actor-1': { own: { events: 3, said: 40, onBehalfOf: 5, took: 60 }, parts: { events: 1, said: 10, onBehalfOf: 0, took: 2 } } },
    });
  });

  it('are read once per id, again only after the graph\'s items move by more than 5 % (decision 0069)', async () => {
    const asked: unknown[][] = [];
    let statements = 1_000;
    const driver = scriptedDriver(async (text, params) => {
      if (text === cypher('read/cost-sizes')) {
        asked.push(params['entityIds'] as unknown[]);
        return { degrees: (params['entityIds'] as string[]).filter((id) => id !== 'nowhere').map((id) => ({ id, degree: 10, plainDegree: 10, sampled: 10, sampledPlain: 10, around: 50, aroundPlain: 50 })), issues: [], meanDegree: 5 };
      }
      if (text === cypher('read/graph-dates')) return datesOf(statements) as unknown as Record<string, unknown>;
      return { statements, stances: 0, events: 0 };
    });
    const size = trackGraphSize(driver, 'neo4j', quiet);
    await size.refresh();
    await localSizes({ entities: ['a', 'nowhere'], issues: [], actors: [] });
    const both = await localSizes({ entities: ['a', 'b', 'nowhere'], issues: [], actors: [] });
    // Only what was not read before is asked for; an id not found is asked for again.
    expect(asked).toEqual([['a', 'nowhere'], ['b', 'nowhere']]);
    expect(Object.keys(both?.degrees ?? {}).sort()).toEqual(['a', 'b']);
    await size.refresh();
    await localSizes({ entities: ['a'], issues: [], actors: [] });
    expect(asked).toHaveLength(2);
    // A few writes (4 % more statements, then 5 %): the sizes still stand.
    statements = 1_040;
    await size.refresh();
    statements = 1_050;
    await size.refresh();
    await localSizes({ entities: ['a'], issues: [], actors: [] });
    expect(asked).toHaveLength(2);
    // A load moved the counts by more than 5 %: read again.
    statements = 2_000;
    await size.refresh();
    await localSizes({ entities: ['a'], issues: [], actors: [] });
    expect(asked.at(-1)).toEqual(['a']);
  });

  it('are read once for requests that want the same ids at the same time', async () => {
    let reads = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const driver = scriptedDriver(async (text, params) => {
      if (text !== cypher('read/cost-sizes')) return { statements: 0, stances: 0, events: 0, statementsDates: [] };
      reads++;
      await held;
      return { degrees: (params['entityIds'] as string[]).map((id) => ({ id, degree: 10, plainDegree: 10, sampled: 10, sampledPlain: 10, around: 50, aroundPlain: 50 })), issues: [], meanDegree: 5 };
    });
    trackGraphSize(driver, 'neo4j', quiet);
    const burst = [1, 2, 3].map(() => localSizes({ entities: ['hub'], issues: [], actors: [] }));
    release();
    const answers = await Promise.all(burst);
    expect(reads).toBe(1);
    for (const a of answers) expect(a?.degrees['hub']?.degree).toBe(10);
  });

  it('are none when the read fails: the request is then weighed as before', async () => {
    trackGraphSize(scriptedDriver(async () => Promise.reject(new Error('Neo4j away'))), 'neo4j', quiet);
    expect(await localSizes({ entities: ['hub'], issues: [], actors: [] })).toBeUndefined();
  });

  it('count the relationships, by type and direction, an actor filter\'s read starts from (cypher/fragment/*-items)', () => {
    // `(a)-[:SAID]->`, `(a)<-[:CLAIMED_BY]-`: the patterns from the actor in the fragments and in cost-sizes.
    const fromActor = (text: string, v: string) => new Set([...text.matchAll(new RegExp(`\\(${v}\\)(<?-)\\[:([A-Z_]+)\\]`, 'g'))].map((m) => `${m[1]}${m[2]}`));
    const read = new Set(['fragment/timeline-items', 'fragment/statement-items', 'fragment/stance-items'].flatMap((f) => [...fromActor(cypher(f), 'a')]));
    const sized = fromActor(cypher('read/cost-sizes'), 'a');
    expect([...sized].sort()).toEqual([...read].sort());
    expect([...fromActor(cypher('read/cost-sizes'), 'part')].sort()).toEqual([...read].sort());
  });

  it('count the provenance relationships of the types a plain neighbourhood leaves out (src/graph/paths.ts)', () => {
    const types = /COUNT \{ \(c\)-\[:([A-Z_|]+)\]-\(\) \}/.exec(cypher('read/cost-sizes'))?.[1]?.split('|');
    expect(types?.sort()).toEqual([...PROVENANCE_TYPES].sort());
  });
});
