/**
 * The loaders (a relationship field for a batch of entities) and the composed lookups
 * (the field nested under its entity) read through one module, relation-read.ts; this
 * holds them equal on the seeded graph for every field of the relation maps: every
 * relationship list whole, and every paged field first and last pages, after a
 * cursor in both directions, by offset, and filtered by `kind` or role. Answers are
 * compared whole: ids, order, properties, relationship properties, sort keys, totals,
 * and so whether a next or previous page exists.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphReader } from '../../src/graph/graph-reader.js';
import { Loaders, prefetchedOf, type PageArgs, type Related, type RelatedPage } from '../../src/graph/loaders.js';
import { readProjected, type EntitySelection, type PageFetch } from '../../src/graph/projected-read.js';
import { filtersByRole, PAGED_RELATIONS, RELATIONS, type PagedRelationField, type RelationField } from '../../src/graph/relations.js';
import { openDriver } from '../../src/neo4j/driver.js';
import { runSeed } from '../../src/seed/run-seed.js';
import { failFastDriverOptions } from '../server/harness.js';
import { testConnection, testDatabase } from '../setup/neo4j.js';

let driver: Driver;
const reader = () => new GraphReader(driver, testDatabase());

beforeAll(async () => {
  driver = openDriver(testConnection(), failFastDriverOptions);
  await runSeed(driver, { database: testDatabase() });
});

afterAll(async () => {
  await driver?.close();
});

/** What the loaders read at the other end, and so what the composed read must read to be compared whole. */
const EVERYTHING: EntitySelection = { properties: null, fetches: [], relationship: true };

/** The ids of the entities of the field's type with the most relationships of `type` in direction `dir`, and one with none. */
async function parentsOf(field: string, hops: ReadonlyArray<{ type: string; dir: 'out' | 'in' }>): Promise<string[]> {
  const typeName = field.split('.')[0]!;
  const { records } = await driver.executeQuery(
    `MATCH (n:Entity) WHERE $label IN labels(n) OR $label = 'Fact'
     WITH n, reduce(total = 0, h IN $hops | total + CASE h.dir WHEN 'out' THEN COUNT { (n)-[r]->() WHERE type(r) = h.type } ELSE COUNT { (n)<-[r]-() WHERE type(r) = h.type } END) AS degree
     ORDER BY degree DESC, n.id
     WITH collect({id: n.id, degree: degree}) AS all
     RETURN [x IN all[0..2] WHERE x.degree > 0 | x.id] + [x IN all WHERE x.degree = 0 | x.id][0..1] AS ids`,
    { label: typeName, hops },
    { database: testDatabase() },
  );
  return records[0]!.get('ids') as string[];
}

/** A field read whole by the loader and by a composed lookup of each parent. */
async function bothLists(field: RelationField, ids: string[]): Promise<{ loaded: Related[][]; composed: Related[][] }> {
  // One reader: the loader's query and the lookups go in one round trip.
  const r = reader();
  const [loaded, composed] = await Promise.all([
    new Loaders(r).relation(field).loadMany(ids) as Promise<Related[][]>,
    Promise.all(
      ids.map(async (id) => {
        const root = await readProjected(r, id, { properties: [], fetches: [{ kind: 'relation', field, next: EVERYTHING }] });
        return prefetchedOf(root!)!.get(field) as Related[];
      }),
    ),
  ]);
  return { loaded, composed };
}

/** A page read by the loader and by a composed lookup of each parent. */
async function bothPages(field: PagedRelationField, ids: string[], page: PageArgs, filter: string | null): Promise<{ loaded: RelatedPage[]; composed: RelatedPage[] }> {
  const r = reader();
  const fetch: PageFetch = { kind: 'page', field, page, filter, counted: true, next: EVERYTHING };
  const [loaded, composed] = await Promise.all([
    new Loaders(r).page(field, page, filter).loadMany(ids) as Promise<RelatedPage[]>,
    Promise.all(
      ids.map(async (id) => {
        const root = await readProjected(r, id, { properties: [], fetches: [fetch] });
        return [...prefetchedOf(root!)!.values()][0] as RelatedPage;
      }),
    ),
  ]);
  return { loaded, composed };
}

/** What a client sees of a page read with one row more than `limit - 1` asked for: the items, the total, and whether there is more in the reading direction. */
const seen = (page: RelatedPage, limit: number) => ({ ...page, more: page.items.length >= limit });

describe('the loaders and the composed lookups read every relationship field alike', () => {
  it('every relationship list, whole, for the entities with the most of it and one with none', async () => {
    let nonEmpty = 0;
    for (const field of Object.keys(RELATIONS) as RelationField[]) {
      const rel = RELATIONS[field];
      const ids = await parentsOf(field, [rel]);
      const { loaded, composed } = await bothLists(field, ids);
      expect(composed, field).toEqual(loaded);
      nonEmpty += loaded.filter((l) => l.length > 0).length;
    }
    // The comparison compares something: most fields have entities with items in the seed.
    expect(nonEmpty).toBeGreaterThan(Object.keys(RELATIONS).length);
  }, 300_000);

  it('every paged field: first and last pages, after a cursor both ways, by offset, filtered by kind or role', async () => {
    let compared = 0;
    for (const field of Object.keys(PAGED_RELATIONS) as PagedRelationField[]) {
      const relation = PAGED_RELATIONS[field];
      const ids = await parentsOf(field, relation.hops);
      const first = (await bothPages(field, ids, { after: null, skip: 0, limit: 3, desc: false }, null)).loaded;
      const lastFirst = (await bothPages(field, ids, { after: null, skip: 0, limit: 3, desc: true }, null)).loaded;
      // Cursors: the key of the second item of each parent's first page, read on in both directions from it.
      const keyOf = (pages: RelatedPage[]) => pages.map((p) => p.items[1]?.key ?? null).find((k) => k !== null) ?? null;
      const filters: Array<string | null> = [null];
      if (filtersByRole(relation)) filters.push('ANY', ...relation.hops.map((h) => h.role!));
      else {
        // A kind that some item has, and one that none has.
        const kinds = first.flatMap((p) => p.items.map((i) => i.entity.kind)).filter((k): k is string => typeof k === 'string');
        filters.push(...kinds.slice(0, 1), 'NO_SUCH_KIND');
      }
      const windows: PageArgs[] = [
        { after: null, skip: 0, limit: 3, desc: false },
        { after: null, skip: 0, limit: 3, desc: true },
        { after: keyOf(first), skip: 0, limit: 3, desc: false },
        { after: keyOf(first), skip: 0, limit: 3, desc: true },
        { after: keyOf(lastFirst), skip: 0, limit: 2, desc: true },
        { after: null, skip: 1, limit: 2, desc: false },
        { after: null, skip: 0, limit: 500, desc: false },
      ];
      for (const filter of filters) {
        // Every window unfiltered; a forward, a backward and an offset window under each filter.
        for (const window of filter === null ? windows : [windows[0]!, windows[3]!, windows[5]!]) {
          const { loaded, composed } = await bothPages(field, ids, window, filter);
          const label = `${field} ${JSON.stringify({ ...window, filter })}`;
          expect(composed.map((p) => seen(p, window.limit)), label).toEqual(loaded.map((p) => seen(p, window.limit)));
          compared += loaded.filter((p) => p.items.length > 0).length;
        }
      }
    }
    expect(compared).toBeGreaterThan(Object.keys(PAGED_RELATIONS).length * 10);
  }, 300_000);

  it("an actor's statements by role: the speaker's and the represented's, each statement once under ANY", async () => {
    const ids = await parentsOf('Actor.statements', PAGED_RELATIONS['Actor.statements'].hops);
    const all = { after: null, skip: 0, limit: 100_000, desc: false };
    const [any, speaker, behalf] = await Promise.all(['ANY', 'SPEAKER', 'ON_BEHALF_OF'].map((role) => bothPages('Actor.statements', ids.slice(0, 1), all, role)));
    const idsOf = (p: RelatedPage) => p.items.map((i) => i.entity.id);
    const union = [...new Set([...idsOf(speaker!.loaded[0]!), ...idsOf(behalf!.loaded[0]!)])];
    expect(idsOf(any!.loaded[0]!).sort()).toEqual(union.sort());
    expect(any!.loaded[0]!.total).toBe(union.length);
    expect(any!.composed[0]!.total).toBe(union.length);
    expect(speaker!.loaded[0]!.total).toBeGreaterThan(0);
  });
});
