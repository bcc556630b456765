/**
 * The top-level lists of statements and stances across speakers and holders (issue 16),
 * filtered and in date order, as keyed pages for keyset cursors (docs/decisions/0034).
 * Roll-ups are expanded by the caller (rollups.ts).
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import type { GraphReader } from './graph-reader.js';
import { endOfPeriod, startOfPeriod } from './dates.js';
import { keyset, listStart, page, startParams, type KeyedPage, type KeysetArgs } from './lists.js';

/** The filters both lists share: ids already rolled up; null for no filter. */
interface DatedFilter {
  issueIds: string[] | null;
  sourceIds: string[] | null;
  languages: string[] | null;
  from: string | null;
  to: string | null;
}

const dates = (f: DatedFilter) => ({ from: f.from ? startOfPeriod(f.from) : null, to: f.to ? endOfPeriod(f.to) : null });

/**
 * Where a list of statements or stances starts (decision 0062), as listStart and startParams:
 * `all` (the count store and the date index) only when nothing filters it; when only
 * filters no index serves (modes, sources, languages...) are set, every dated item is read
 * from the start-date index, up to 9999-12-31, and tested as the old scan tested it.
 */
function start(ids: string[] | null, f: DatedFilter, others: unknown[]) {
  const d = dates(f);
  const from = listStart({ actorIds: ids, issueIds: f.issueIds, ...d });
  if (from === 'all') {
    const all = f.sourceIds === null && f.languages === null && others.every((o) => o === null);
    return { all, params: startParams('dates', { actorIds: null, issueIds: null, from: null, to: all ? null : startOfPeriod('9999-12-31') }) };
  }
  return { all: false, params: startParams(from, { actorIds: ids, issueIds: f.issueIds, ...d }) };
}

/** Statements, filtered, by date. */
export async function findStatements(
  reader: GraphReader,
  args: DatedFilter & { speakerIds: string[] | null; speakerRole?: 'SPEAKER' | 'ON_BEHALF_OF' | 'ANY'; modes: string[] | null; mentions: string | null } & KeysetArgs,
): Promise<KeyedPage<EntityRecord>> {
  const { all, params } = start(args.speakerIds, args, [args.modes, args.mentions]);
  if (all) return page((await reader.read('statements-all', keyset(args, [0, 1])))[0], (r) => toEntityRecord(r)!);
  const [row] = await reader.read('statements', {
    ...params,
    speakerIds: args.speakerIds, speakerRole: args.speakerRole ?? 'ANY', modes: args.modes, issueIds: args.issueIds, sourceIds: args.sourceIds,
    languages: args.languages, mentions: args.mentions, ...dates(args), ...keyset(args, [0, 1]),
  });
  return page(row, (r) => toEntityRecord(r)!);
}

/** Stances, filtered, by date. */
export async function findStances(
  reader: GraphReader,
  args: DatedFilter & { holderIds: string[] | null; kinds: string[] | null; towards: string | null } & KeysetArgs,
): Promise<KeyedPage<EntityRecord>> {
  const { all, params } = start(args.holderIds, args, [args.kinds, args.towards]);
  if (all) return page((await reader.read('stances-all', keyset(args, [0, 1])))[0], (r) => toEntityRecord(r)!);
  const [row] = await reader.read('stances', {
    ...params,
    holderIds: args.holderIds, kinds: args.kinds, issueIds: args.issueIds, sourceIds: args.sourceIds,
    languages: args.languages, towards: args.towards, ...dates(args), ...keyset(args, [0, 1]),
  });
  return page(row, (r) => toEntityRecord(r)!);
}
