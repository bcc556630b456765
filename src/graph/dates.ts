/**
 * Date arguments: turning YYYY, YYYY-MM or YYYY-MM-DD into the first or last
 * day of its period, as Neo4j Dates for query parameters.
 */
import { partialDateToRange } from '../neo4j/values.js';

/** The last day of the period a partial date names (for "as of" comparisons); today when absent. */
export function endOfPeriod(value: string | null | undefined): ReturnType<typeof partialDateToRange>['end'] {
  return partialDateToRange(value ?? new Date().toISOString().slice(0, 10)).end;
}

/** The first day of the period a partial date names. */
export function startOfPeriod(value: string): ReturnType<typeof partialDateToRange>['start'] {
  return partialDateToRange(value).start;
}

/** Today as YYYY-MM-DD (UTC). */
export const today = (): string => new Date().toISOString().slice(0, 10);
