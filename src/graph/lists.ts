/**
 * Paged lists: timeline, actors, demands, issues. Each returns plain records, each
 * with its sort key for keyset cursors (docs/decisions/0034), and the total, for the
 * GraphQL connections.
 */
import neo4j from 'neo4j-driver';
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

/**
 * Where a list read starts (decision 0062): from the actors when it filters by actors, else
 * from the issues, else from a date index when it filters by dates, else (nothing
 * filters) from the count store and the date indexes in order (`all`).
 */
export function listStart(f: { actorIds: string[] | null; issueIds: string[] | null; from: unknown; to: unknown }): 'actors' | 'issues' | 'dates' | 'all' {
  if (f.actorIds !== null) return 'actors';
  if (f.issueIds !== null) return 'issues';
  return f.from !== null || f.to !== null ? 'dates' : 'all';
}

/** The last day a statement's or stance's end can fall on when it starts by `to`: its year's last day (a partial date ends within its year, src/neo4j/values.ts: partialDateToRange). */
function lastEndBy(to: unknown): unknown {
  return to instanceof neo4j.types.Date ? new neo4j.types.Date(to.year, 12, 31) : OPEN_END;
}

const OPEN_END = new neo4j.types.Date(9999, 12, 31);

/**
 * The start parameters of a list read that starts from `start`: one is set, the others
 * null (a seek on null finds nothing). A date range reads the end-date index from its
 * start when it has one (a recent range reads little), else the start-date index up to its end.
 * With both, the end-date index is read only up to the last end an item starting by the
 * range's end can have (`startUntil`, decision 0066): a year long ago reads that year's
 * items, not every item after it.
 */
export function startParams(start: ReturnType<typeof listStart>, f: { actorIds: string[] | null; issueIds: string[] | null; from: unknown; to: unknown }) {
  return {
    startActorIds: start === 'actors' ? f.actorIds : null,
    startIssueIds: start === 'issues' ? f.issueIds : null,
    startFrom: start === 'dates' ? f.from : null,
    startUntil: start === 'dates' && f.from !== null ? lastEndBy(f.to) : null,
    startTo: start === 'dates' && f.from === null ? f.to : null,
  };
}

/** Events, statements and stances in time order, filtered, read from their filters (decision 0062). */
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
  const filter = {
    kinds: args.kinds,
    actorIds: args.actorIds,
    issueIds: args.issueIds,
    from: args.from ? startOfPeriod(args.from) : null,
    to: args.to ? endOfPeriod(args.to) : null,
  };
  const start = listStart(filter);
  const [row] = start === 'all'
    ? await reader.read('timeline-all', { kinds: args.kinds, ...keyset(args, [0, 1]) })
    : await reader.read('timeline', { ...filter, ...startParams(start, filter), ...keyset(args, [0, 1]) });
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
