/**
 * Relay-style connections over keyset pages (docs/decisions/0034): a cursor holds
 * the sort key of its item and names the connection it came from, so a page
 * boundary stays put when entities are written before it, and a cursor of one
 * connection is refused by another. Also bounded page sizes and the bounded
 * plain lists (limit and offset, no cursors).
 */
import { badInput } from './errors.js';

/** The largest page a client may ask for. */
export const MAX_PAGE_SIZE = 200;

/** How many items a connection gives when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * What a cursor is bound to: the connection's field (`Query.timeline`,
 * `Actor.statements`), the entity it hangs off, and the arguments that decide
 * which items it lists and in which order.
 */
export interface ConnectionRef {
  field: string;
  of?: string;
  args?: Record<string, unknown>;
}

import type { SortKey } from '../graph/sort-key.js';

/** A decoded page request over a keyset-ordered connection. */
export interface KeysetWindow {
  /** How many items the client asked for. */
  limit: number;
  /** Read from after this key in the reading direction (null: from the start of that direction). */
  after: SortKey | null;
  /** Whether the page is read backwards (`last`/`before`): from the end of the order towards its start. */
  backward: boolean;
}

/** Offset and size of a page, validated. */
export interface PageWindow {
  skip: number;
  limit: number;
}

/** The arguments of a connection field. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

interface CursorBody {
  v: 1;
  /** The connection: field, parent, ordering arguments. */
  c: string;
  o?: string;
  a?: Record<string, unknown>;
  /** Keyset: the item's sort key. */
  k?: SortKey;
  /** Ranked lists (search): the item's position, and the snapshot of the graph it was ranked in. */
  n?: number;
  m?: number[];
}

const json = (v: unknown): string => JSON.stringify(v ?? {});

/** How a connection is named in messages: `Actor.statements of "russia" (role: ANY, order: DESC)`. */
export function describeConnection(ref: ConnectionRef): string {
  const args = Object.entries(ref.args ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' && /^[A-Z_]+$/.test(v) ? v : JSON.stringify(v)}`);
  return `${ref.field}${ref.of !== undefined ? ` of ${JSON.stringify(ref.of)}` : ''}${args.length > 0 ? ` (${args.join(', ')})` : ''}`;
}

function encodeCursor(body: CursorBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor and checks it belongs to `ref`; BAD_USER_INPUT naming `argument` otherwise.
 * A ref without `of` accepts any parent: the planner of a lookup reads pages ahead for
 * entities it does not know yet, and the field's resolver checks the parent.
 */
function decodeCursor(argument: string, cursor: string, ref: ConnectionRef): CursorBody {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (/^offset:\d+$/.test(text)) {
    throw badInput(argument, `${argument} is an offset cursor of an earlier version of this API; cursors now hold the sort key of their item: read the first page again and page on from its cursors`);
  }
  let body: CursorBody | null = null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && (parsed as CursorBody).v === 1 && typeof (parsed as CursorBody).c === 'string') body = parsed as CursorBody;
  } catch {
    body = null;
  }
  if (!body) throw badInput(argument, `${argument} is not a cursor from this API (use pageInfo.endCursor, pageInfo.startCursor or an edge cursor)`);
  if (body.c !== ref.field || (ref.of !== undefined && body.o !== ref.of) || json(body.a) !== json(ref.args)) {
    const owner = describeConnection({ field: body.c, ...(body.o !== undefined ? { of: String(body.o) } : {}), ...(body.a ? { args: body.a } : {}) });
    throw badInput(argument, `${argument} is a cursor of ${owner}, not of ${describeConnection(ref)}: a cursor pages only the connection, with the same arguments, that gave it`);
  }
  return body;
}

/** The sort key held by a keyset cursor, checked for shape (it goes to Cypher as a parameter only). */
function keyOf(argument: string, body: CursorBody): SortKey {
  const k = body.k;
  const valid = Array.isArray(k) && k.length >= 2 && k.length <= 4 && k.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)));
  if (!valid) throw badInput(argument, `${argument} is not a cursor from this API (use pageInfo.endCursor, pageInfo.startCursor or an edge cursor)`);
  return k;
}

function pageSize(name: 'first' | 'last', value: number | null | undefined, max: number): number {
  const n = value ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(name, `must be between 1 and ${max} (got ${String(value)})`);
  return n;
}

/**
 * Decodes `first`/`after` (forwards) or `last`/`before` (backwards) of the connection
 * `ref`. Other combinations are refused: Relay's `first` with `before` and `last`
 * with `after` bound a page at both ends, which no client of ours needs.
 */
export function keysetWindow(ref: ConnectionRef, args: ConnectionArgs, maxFirst = MAX_PAGE_SIZE): KeysetWindow {
  const has = (v: unknown) => v !== null && v !== undefined;
  const backward = has(args.last) || has(args.before);
  if (backward) {
    if (has(args.first)) throw badInput(has(args.last) ? 'last' : 'before', `${has(args.last) ? 'last' : 'before'} cannot be combined with first: page forwards with first/after, or backwards with last/before`);
    if (has(args.after)) throw badInput('after', 'after cannot be combined with last/before: page forwards with first/after, or backwards with last/before');
    const limit = pageSize('last', args.last, maxFirst);
    return { limit, after: has(args.before) ? keyOf('before', decodeCursor('before', args.before!, ref)) : null, backward: true };
  }
  const limit = pageSize('first', args.first, maxFirst);
  return { limit, after: has(args.after) ? keyOf('after', decodeCursor('after', args.after!, ref)) : null, backward: false };
}

/**
 * A connection for one keyset page. `rows` were read in the reading direction, at
 * most `window.limit + 1` of them (the extra one says there is more that way);
 * `keyOf` gives each item's sort key.
 */
export function keysetConnection<T>(
  ref: ConnectionRef,
  rows: T[],
  total: number,
  window: KeysetWindow,
  keyOf: (item: T) => SortKey,
  extra?: (item: T) => Record<string, unknown>,
) {
  const more = rows.length > window.limit;
  const page = more ? rows.slice(0, window.limit) : rows.slice();
  if (window.backward) page.reverse();
  const base = { v: 1 as const, c: ref.field, ...(ref.of !== undefined ? { o: ref.of } : {}), ...(ref.args ? { a: ref.args } : {}) };
  const edges = page.map((node) => ({ cursor: encodeCursor({ ...base, k: keyOf(node) }), node, ...(extra ? extra(node) : {}) }));
  // The far side of the cursor: items are there unless it was the last one and has since been deleted (Relay lets this be approximate).
  const beyondCursor = window.after !== null;
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: window.backward ? beyondCursor : more,
      hasPreviousPage: window.backward ? more : beyondCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Whether the rows of a keyset read come in descending key order: the field's order, reversed when reading backwards. */
export function readsDescending(order: 'ASC' | 'DESC', window: KeysetWindow): boolean {
  return (order === 'DESC') !== window.backward;
}

/** What a list query reads for a window over a field ordered `order`: after the cursor's key, in the reading direction, one row more than asked. */
export function keysetRead(order: 'ASC' | 'DESC', window: KeysetWindow): { after: SortKey | null; desc: boolean; limit: number } {
  return { after: window.after, desc: readsDescending(order, window), limit: window.limit + 1 };
}

/** A page of a ranked list (search): an offset, valid only in the snapshot of the graph it was ranked in. */
export interface RankedWindow extends PageWindow {
  /** The snapshot the `after` cursor was made in, or null on the first page. */
  snapshot: number[] | null;
}

/** Decodes `first`/`after` of a ranked connection (decision 0034: an offset with a snapshot marker). */
export function rankedWindow(ref: ConnectionRef, first: number | null | undefined, after: string | null | undefined, maxFirst = MAX_PAGE_SIZE): RankedWindow {
  const limit = pageSize('first', first, maxFirst);
  if (after === null || after === undefined) return { skip: 0, limit, snapshot: null };
  const body = decodeCursor('after', after, ref);
  const valid = Number.isInteger(body.n) && body.n! >= 0 && Array.isArray(body.m) && body.m.every((x) => Number.isInteger(x));
  if (!valid) throw badInput('after', 'after is not a cursor from this API (use pageInfo.endCursor or an edge cursor)');
  return { skip: body.n! + 1, limit, snapshot: body.m! };
}

/** Refuses a ranked cursor made before the graph changed: its ranking is gone, so its position means nothing. */
export function checkSnapshot(window: RankedWindow, snapshot: number[]): void {
  if (window.snapshot !== null && json(window.snapshot) !== json(snapshot)) {
    throw badInput('after', 'after is a cursor of a ranking that changed since (entities were written): run the search again from the first page');
  }
}

/** A connection for one page of a ranked list; each cursor carries its position and the snapshot. */
export function rankedConnection<T>(ref: ConnectionRef, items: T[], total: number, window: PageWindow, snapshot: number[], extra?: (item: T) => Record<string, unknown>) {
  const base = { v: 1 as const, c: ref.field, ...(ref.of !== undefined ? { o: ref.of } : {}), ...(ref.args ? { a: ref.args } : {}) };
  const edges = items.map((node, i) => ({ cursor: encodeCursor({ ...base, n: window.skip + i, m: snapshot }), node, ...(extra ? extra(node) : {}) }));
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
