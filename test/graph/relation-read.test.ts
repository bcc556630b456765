/**
 * The text cache of relation-read.ts: a query's text is cached by the selection's shape
 * and its values go as parameters, so every selection must get the text built for it
 * (never another shape's), and exactly the parameters that text names.
 */
import { describe, expect, it } from 'vitest';
import type { EntitySelection, Fetch } from '../../src/graph/projected-read.js';
import { batchQuery, lookupQuery, uncached } from '../../src/graph/relation-read.js';

const leaf = (properties: string[] | null, label?: string): EntitySelection => ({ properties, fetches: [], ...(label ? { label } : {}) });
const page = (over: Partial<Extract<Fetch, { kind: 'page' }>> = {}): Fetch => ({
  kind: 'page',
  field: 'Actor.stances',
  page: { after: null, skip: 0, limit: 6, desc: false },
  filter: null,
  counted: true,
  next: leaf(['kind', 'date'], 'Stance'),
  ...over,
});

/** Selections that differ in one thing each: what the text depends on, or only values. */
const FETCHES: Fetch[] = [
  page(),
  page({ page: { after: ['2022-01-12', 'x'], skip: 0, limit: 6, desc: false } }),
  page({ page: { after: ['2021-01-01', 'y'], skip: 0, limit: 11, desc: false } }),
  page({ page: { after: ['2022-01-12', 'x'], skip: 0, limit: 6, desc: true } }),
  page({ page: { after: null, skip: 3, limit: 6, desc: false }, counted: false }),
  page({ field: 'Actor.demandsReceived', filter: 'STOP', counted: false, next: leaf(['summary'], 'Demand') }),
  page({ field: 'Actor.demandsReceived', filter: null, counted: false, next: leaf(['summary'], 'Demand') }),
  page({ field: 'Actor.statements', filter: 'ANY', next: leaf(['said'], 'Statement') }),
  page({ field: 'Actor.statements', filter: 'SPEAKER', next: leaf(['said'], 'Statement') }),
  page({ field: 'Actor.statements', filter: 'ON_BEHALF_OF', next: leaf(['said'], 'Statement') }),
  page({ next: leaf(null) }),
  page({ next: { ...leaf(['kind'], 'Stance'), relationship: true } }),
  { kind: 'relation', field: 'Actor.partOf', next: leaf(['name'], 'Actor') },
  { kind: 'relation', field: 'Actor.partOf', next: leaf(['name', 'founded']) },
  { kind: 'relation', field: 'Demand.responses', next: { properties: ['kind'], fetches: [page({ field: 'Issue.statements' })], label: 'Stance' } },
];

const named = (text: string) => new Set([...text.matchAll(/\$([A-Za-z0-9_]+)/g)].map((m) => m[1]));

describe('relation-read: one text per shape', () => {
  it('gives every lookup the text built for its own selection, whatever was cached before, and exactly the parameters it names', () => {
    const selections = [...FETCHES.map((f) => ({ properties: ['name'], fetches: [f] })), { properties: ['name'], fetches: FETCHES }];
    for (const round of [1, 2]) {
      for (const selection of round === 1 ? selections : [...selections].reverse()) {
        const { text, params } = lookupQuery('russia', selection);
        expect(text).toBe(uncached.lookup(selection));
        expect(new Set(Object.keys(params))).toEqual(named(text));
      }
    }
  });

  it('gives every batch the text built for its field, and exactly the parameters it names', () => {
    for (const f of [...FETCHES, ...FETCHES]) {
      const { text, params } = batchQuery(['russia', 'nato'], f);
      expect(text).toBe(uncached.batch(f));
      expect(new Set(Object.keys(params))).toEqual(named(text));
    }
  });

  it('reads a role-filtered field over the hops of its role only, and filters by kind with a parameter', () => {
    const text = (f: Fetch) => lookupQuery('russia', { properties: [], fetches: [f] }).text;
    expect(text(FETCHES[7]!)).toMatch(/SAID[\s\S]*UNION[\s\S]*ON_BEHALF_OF/);
    expect(text(FETCHES[8]!)).toContain(':SAID]');
    expect(text(FETCHES[8]!)).not.toContain('ON_BEHALF_OF');
    expect(text(FETCHES[9]!)).not.toContain(':SAID]');
    expect(text(FETCHES[5]!)).toContain('.kind = $f0_kind');
    expect(text(FETCHES[5]!)).not.toContain('STOP');
  });
});
