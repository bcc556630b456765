/**
 * Relay-style connections over offset pages: opaque cursors that encode an
 * offset, bounded page sizes, and the connection object itself.
 */
import { badInput } from './errors.js';

/** The largest page a client may ask for. */
export const MAX_PAGE_SIZE = 200;

/** Offset and size of a page, validated. */
export interface PageWindow {
  skip: number;
  limit: number;
}

const encode = (offset: number): string => Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');

/** Decodes `first`/`after` into a window; BAD_USER_INPUT naming the argument when they are off. */
export function pageWindow(first: number | null | undefined, after: string | null | undefined, maxFirst = MAX_PAGE_SIZE): PageWindow {
  const limit = first ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxFirst) throw badInput('first', `must be between 1 and ${maxFirst} (got ${String(first)})`);
  let skip = 0;
  if (after !== null && after !== undefined) {
    const m = /^offset:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
    if (!m) throw badInput('after', 'is not a cursor from this API (use pageInfo.endCursor or an edge cursor)');
    skip = Number(m[1]) + 1;
  }
  return { skip, limit };
}

/** The largest `first` of a bounded plain list (limit and offset, no cursors). */
export const MAX_LIST_SIZE = 500;

/** Decodes `first`/`offset` of a bounded plain list; BAD_USER_INPUT naming the argument when they are off. */
export function listWindow(first: number | null | undefined, offset: number | null | undefined, defaultFirst = 100): PageWindow {
  const limit = first ?? defaultFirst;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_SIZE) throw badInput('first', `must be between 1 and ${MAX_LIST_SIZE} (got ${String(first)})`);
  const skip = offset ?? 0;
  if (!Number.isInteger(skip) || skip < 0) throw badInput('offset', `must be 0 or more (got ${String(offset)})`);
  return { skip, limit };
}

/** A connection for one page of items. */
export function connection<T>(items: T[], total: number, window: PageWindow, extra?: (item: T) => Record<string, unknown>) {
  const edges = items.map((node, i) => ({ cursor: encode(window.skip + i), node, ...(extra ? extra(node) : {}) }));
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: window.skip + items.length < total,
      hasPreviousPage: window.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
