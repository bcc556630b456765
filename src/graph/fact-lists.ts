/**
 * The top-level lists of statements and stances across speakers and holders (issue 16),
 * filtered and in date order, as keyed pages for keyset cursors (docs/decisions/0034).
 * Roll-ups are expanded by the caller (rollups.ts).
 */
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import type { GraphReader } from './graph-reader.js';
import { endOfPeriod, startOfPeriod } from './dates.js';
import { keyset, page, type KeyedPage, type KeysetArgs } from './lists.js';

/** The filters both lists share: ids already rolled up; null for no filter. */
interface DatedFilter {
  issueIds: string[] | null;
  sourceIds: string[] | null;
  languages: string[] | null;
  from: string | null;
  to: string | null;
}

const dates = (f: DatedFilter) => ({ from: f.from ? startOfPeriod(f.from) : null, to: f.to ? endOfPeriod(f.to) : null });

/** Statements, filtered, by date. */
export async function findStatements(
  reader: GraphReader,
  args: DatedFilter & { speakerIds: string[] | null; speakerRole?: 'SPEAKER' | 'ON_BEHALF_OF' | 'ANY'; modes: string[] | null; mentions: string | null } & KeysetArgs,
): Promise<KeyedPage<EntityRecord>> {
  const [row] = await reader.read('statements', {
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
  const [row] = await reader.read('stances', {
    holderIds: args.holderIds, kinds: args.kinds, issueIds: args.issueIds, sourceIds: args.sourceIds,
    languages: args.languages, towards: args.towards, ...dates(args), ...keyset(args, [0, 1]),
  });
  return page(row, (r) => toEntityRecord(r)!);
}
