/**
 * Roll-ups of filters (issue 16): an issue filter stands for the issue and its
 * sub-issues (SUBISSUE_OF, at any depth), an actor filter, where asked, for the actor
 * and its parts (PART_OF: a ministry or the armed forces of a state). One small read
 * expands them into id lists before the filtered query, which then matches plain ids.
 */
import type { GraphReader } from './graph-reader.js';

/** What a filter asks to roll up: the ids given (null: no such filter) and whether to expand them. */
export interface RollupArgs {
  issueIds: string[] | null;
  includeSubIssues: boolean;
  actorIds: string[] | null;
  includeParts: boolean;
}

/** The id lists a filter stands for: the given ids first, then the sub-issues and parts asked for. */
export async function expandRollups(reader: GraphReader, args: RollupArgs): Promise<{ issueIds: string[] | null; actorIds: string[] | null }> {
  const issues = args.includeSubIssues ? args.issueIds : null;
  const actors = args.includeParts ? args.actorIds : null;
  if (issues === null && actors === null) return { issueIds: args.issueIds, actorIds: args.actorIds };
  const [row] = await reader.read('rollup-ids', { issueIds: issues, actorIds: actors });
  return {
    issueIds: issues === null ? args.issueIds : ((row?.issueIds as string[] | null) ?? issues),
    actorIds: actors === null ? args.actorIds : ((row?.actorIds as string[] | null) ?? actors),
  };
}
