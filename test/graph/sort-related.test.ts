/** The order of relationship lists, from the model's sort dates: no Neo4j needed. */
import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../src/graph/entity-record.js';
import { SORT_PROPERTIES, sortRelated, type Related } from '../../src/graph/loaders.js';
import { ENTITY_KINDS, ENTITY_SECTIONS } from '../../src/model/entities.js';

const item = (props: Record<string, unknown>): Related => ({ entity: props as EntityRecord, rel: {} });
const ids = (list: Related[]) => list.map((r) => r.entity.id);
const byDate = { type: 'MENTIONS', dir: 'out' } as const;

describe('sortRelated', () => {
  it('sorts each item by its own kind\'s sort date, then name, then id', () => {
    const list = [
      item({ id: 'stance-2', __label: 'Stance', date: '2022-03-01' }),
      item({ id: 'stmt-1', __label: 'Statement', said: '2022-01-10' }),
      item({ id: 'demand-1', __label: 'Demand', since: '2021-12-17' }),
      item({ id: 'event-b', __label: 'Event', date: '2022-01-10', name: 'B talks' }),
    ];
    expect(ids(sortRelated(byDate, list))).toEqual(['demand-1', 'event-b', 'stmt-1', 'stance-2']);
  });

  it('ignores a date property that is not the kind\'s sort date (an actor sorts by name)', () => {
    const list = [
      item({ id: 'b', __label: 'Actor', name: 'Alpha', date: '2030-01-01' }),
      item({ id: 'a', __label: 'Actor', name: 'Beta', date: '1990-01-01' }),
      item({ id: 'c', __label: 'Membership', from: '1990-01-01', until: '2000-01-01' }),
    ];
    expect(ids(sortRelated(byDate, list))).toEqual(['b', 'a', 'c']);
  });

  it('sorts by a relationship property where the field says so', () => {
    const list = [{ entity: { id: 'x', __label: 'Source' } as EntityRecord, rel: { hop: 2 } }, { entity: { id: 'y', __label: 'Source' } as EntityRecord, rel: { hop: 1 } }];
    expect(ids(sortRelated({ ...byDate, sortByRel: 'hop' }, list))).toEqual(['y', 'x']);
  });
});

describe('SORT_PROPERTIES', () => {
  it('holds every kind\'s sort date of the model, then the names', () => {
    const dates = new Set(ENTITY_SECTIONS.flatMap((s) => ('sortDate' in ENTITY_KINDS[s] ? [ENTITY_KINDS[s].sortDate] : [])));
    expect(new Set(SORT_PROPERTIES)).toEqual(new Set([...dates, 'name', 'title']));
  });
});
