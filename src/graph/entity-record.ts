/**
 * The plain shape in which entities leave the data layer: the node's
 * properties (dates as ISO strings with their precision fields) plus its
 * label in `__label`, which GraphQL uses to pick the object type.
 */
import type { Row } from './graph-reader.js';

/** An entity as read from the graph. */
export type EntityRecord = Record<string, unknown> & { id: string; __label: string };

/** Builds an EntityRecord from a row with `props` and `label` columns. */
export function toEntityRecord(row: Row | undefined | null): EntityRecord | null {
  if (!row || !row.props) return null;
  return { ...(row.props as Record<string, unknown>), __label: row.label as string } as EntityRecord;
}
