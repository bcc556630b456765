/**
 * Paged lists: timeline, actors, demands, issues. Each returns plain records, each
 * with its sort key for keyset cursors (docs/decisions/0034), and the total, for the
 * GraphQL connections.
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';
import { endOfPeriod, startOfPeriod } from './dates.js';
import { keyParam, type KeysetArgs, type SortKey } from './sort-key.js';

export type { KeysetArgs, SortKey } from './sort-key.js';

/** A page of items, each with its sort key (for keyset cursors), and the total. */
export interface KeyedPage<T = EntityRecord> {
  total: number;
  items: Array<{ item: T; key: SortKey }>;
}

/** A timeline item. */
export interface TimelineEntry {
  kind: 'EVENT' | 'STATEMENT' | 'STANCE';
  entity: EntityRecord;
}

/** A keyed page from a list query's row (its `total` and `items`, each with its `key`). */
export const page = <T>(row: Row | undefined, map: (r: Row) => T): KeyedPage<T> => ({
  total: Number(row?.total ?? 0),
  items: ((row?.items ?? []) as Row[]).map((r) => ({ item: map(r), key: r.key as SortKey })),
});

/** The keyset parameters of a list query: its sort key's dates at `datePositions`. */
export const keyset = (args: KeysetArgs, datePositions: readonly number[]) => ({ after: keyParam(args.after, datePositions), desc: args.desc, limit: int(args.limit) });

/** Events, statements and stances in time order, filtered. */
export async function findTimeline(
  reader: GraphReader,
  args: {
    kinds: string[];
    actorIds: string[] | null;
    issueIds: string[] | null;
    from: string | null;
    to: string | null;
  } & KeysetArgs,
): Promise<KeyedPage<TimelineEntry>> {
  const [row] = await reader.read('timeline', {
    kinds: args.kinds,
    actorIds: args.actorIds,
    issueIds: args.issueIds,
    from: args.from ? startOfPeriod(args.from) : null,
    to: args.to ? endOfPeriod(args.to) : null,
    ...keyset(args, [0, 1]),
  });
  return page(row, (r) => ({ kind: r.kind as TimelineEntry['kind'], entity: toEntityRecord(r)! }));
}

/** Actors by name. */
export async function listActors(reader: GraphReader, args: { kind: string | null } & KeysetArgs): Promise<KeyedPage> {
  const [row] = await reader.read('list-actors', { kind: args.kind, ...keyset(args, []) });
  return page(row, (r) => toEntityRecord(r)!);
}

/** Demands, newest first. */
export async function listDemands(reader: GraphReader, args: KeysetArgs): Promise<KeyedPage> {
  const [row] = await reader.read('list-demands', keyset(args, [0]));
  return page(row, (r) => toEntityRecord(r)!);
}

/** All issues. */
export async function listIssues(reader: GraphReader): Promise<EntityRecord[]> {
  return (await reader.read('list-issues', {})).map((r) => toEntityRecord(r)!);
}
