/**
 * Reading the audit trail: one page of :Change records, newest first, filtered by
 * entity, API key and a range of UTC days.
 */
import { endOfPeriod, startOfPeriod } from '../graph/dates.js';
import { int, type GraphReader } from '../graph/graph-reader.js';
import type { KeyedPage, KeysetArgs } from '../graph/lists.js';
import type { ChangeRecord } from './write-entity.js';

/** Filters and window of a page of changes; dates are partial dates (YYYY, YYYY-MM, YYYY-MM-DD). */
export interface ChangeQuery {
  entityId: string | null;
  keyId: string | null;
  from: string | null;
  to: string | null;
}

/** One page of changes and how many match. */
export async function findChanges(reader: GraphReader, q: ChangeQuery & KeysetArgs): Promise<KeyedPage<ChangeRecord>> {
  const [row] = await reader.read('changes', {
    entityId: q.entityId,
    keyId: q.keyId,
    from: q.from ? startOfPeriod(q.from) : null,
    to: q.to ? endOfPeriod(q.to) : null,
    after: q.after,
    desc: q.desc,
    limit: int(q.limit),
  });
  const items = ((row?.items ?? []) as Array<ChangeRecord & { key: KeyedPage['items'][number]['key'] }>).map(({ key, ...item }) => ({ item: item as ChangeRecord, key }));
  return { total: Number(row?.total ?? 0), items };
}
