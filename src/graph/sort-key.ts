/**
 * Sort keys of keyset pages (docs/decisions/0034): the values an item is ordered by,
 * its id last. In Cypher a key is a list compared element by element, dates as Neo4j
 * Dates (ordering by a string of them costs a conversion per row: 4x slower at a hub
 * of 100,000 statements) and a missing date as 9999-12-31, so that it sorts where Neo4j
 * puts nulls (last ascending, first descending). Out of Neo4j the dates come as ISO
 * strings, which is what a cursor holds.
 */
import { startOfPeriod } from './dates.js';

/** The values an item is ordered by, its id last: what a keyset cursor holds. */
export type SortKey = Array<string | number>;

/** Where a keyset page starts and which way it reads. */
export interface KeysetArgs {
  /** The sort key to read after, in the reading direction; null from the start. */
  after: SortKey | null;
  /** Whether rows are read in descending key order. */
  desc: boolean;
  /** How many rows to read. */
  limit: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A key as a Cypher parameter: the elements at `datePositions` become Neo4j Dates. A
 * date that is not a real day (a cursor edited by hand) becomes null, which compares
 * with nothing: the page is empty.
 */
export function keyParam(key: SortKey | null, datePositions: readonly number[]): unknown[] | null {
  if (key === null) return null;
  return key.map((v, i) => {
    if (!datePositions.includes(i)) return v;
    if (typeof v !== 'string' || !ISO_DAY.test(v)) return null;
    const day = new Date(`${v}T00:00:00Z`);
    return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== v ? null : startOfPeriod(v);
  });
}
