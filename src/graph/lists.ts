/**
 * Paged lists: timeline, actors, demands, issues. Each returns plain records
 * and the total, for the GraphQL connections.
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';
import { endOfPeriod, startOfPeriod } from './dates.js';

/** A page of entities and the total. */
export interface EntityPage<T = EntityRecord> {
  total: number;
  items: T[];
}

/** A timeline item. */
export interface TimelineEntry {
  kind: 'EVENT' | 'STATEMENT' | 'STANCE';
  entity: EntityRecord;
}

const page = <T>(row: Row | undefined, map: (r: Row) => T): EntityPage<T> => ({
  total: Number(row?.total ?? 0),
  items: ((row?.items ?? []) as Row[]).map(map),
});

/** Events, statements and stances in time order, filtered. */
export async function findTimeline(
  reader: GraphReader,
  args: {
    kinds: string[];
    actorIds: string[] | null;
    issueIds: string[] | null;
    from: string | null;
    to: string | null;
    desc: boolean;
    skip: number;
    limit: number;
  },
): Promise<EntityPage<TimelineEntry>> {
  const [row] = await reader.read('timeline', {
    kinds: args.kinds,
    actorIds: args.actorIds,
    issueIds: args.issueIds,
    from: args.from ? startOfPeriod(args.from) : null,
    to: args.to ? endOfPeriod(args.to) : null,
    desc: args.desc,
    skip: int(args.skip),
    limit: int(args.limit),
  });
  return page(row, (r) => ({ kind: r.kind as TimelineEntry['kind'], entity: toEntityRecord(r)! }));
}

/** Actors by name. */
export async function listActors(reader: GraphReader, args: { kind: string | null; skip: number; limit: number }): Promise<EntityPage> {
  const [row] = await reader.read('list-actors', { kind: args.kind, skip: int(args.skip), limit: int(args.limit) });
  return page(row, (r) => toEntityRecord(r)!);
}

/** Demands, newest first. */
export async function listDemands(reader: GraphReader, args: { skip: number; limit: number }): Promise<EntityPage> {
  const [row] = await reader.read('list-demands', { skip: int(args.skip), limit: int(args.limit) });
  return page(row, (r) => toEntityRecord(r)!);
}

/** All issues. */
export async function listIssues(reader: GraphReader): Promise<EntityRecord[]> {
  return (await reader.read('list-issues', {})).map((r) => toEntityRecord(r)!);
}
