/**
 * Query.positions and its PositionTable: the positions on a demand or issue, counted, with
 * pages (decision 0049). A table reads once per distinct page; its counts come with any page.
 */
import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { today } from '../../graph/dates.js';
import type { EntityRecord } from '../../graph/entity-record.js';
import { findPositionPage, type PositionBasis, type PositionPage, type PositionPageArgs } from '../../graph/positions.js';
import type { GraphContext } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { selectedField } from '../projection.js';
import { rolledUp } from './rollups.js';

/** The largest page of PositionTable.positions. */
export const MAX_POSITIONS_PAGE = 1000;

/** What a page is cut by: the page's own arguments, normalised (the table's filters aside). */
type PageWindow = Pick<PositionPageArgs, 'bases' | 'offset' | 'first'>;

/** PositionTable.positions' arguments as the schema gives them. */
interface PageArguments {
  first?: number | null;
  offset?: number | null;
  basis?: PositionBasis[] | null;
}

/**
 * A page's arguments checked and normalised (defaults, bases deduplicated and sorted, so
 * equal pages share one read); BAD_USER_INPUT naming the argument when out of range. The
 * one rule for PositionTable.positions and for Query.positions' look-ahead at its first page.
 */
export function pageWindow(args: PageArguments): PageWindow {
  const first = args.first ?? 100;
  if (!Number.isInteger(first) || first < 1 || first > MAX_POSITIONS_PAGE) throw badInput('first', `must be between 1 and ${MAX_POSITIONS_PAGE} (got ${String(args.first)})`);
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', `must be 0 or more (got ${String(args.offset)})`);
  return { bases: args.basis && args.basis.length > 0 ? [...new Set(args.basis)].sort() : null, offset, first };
}

/** What Query.positions resolves to: the table's filters, and the pages read for it (one read per distinct page, counts with each). */
interface PositionTableSource {
  asOf: string;
  demand: EntityRecord | null;
  issue: EntityRecord | null;
  filters: Omit<PositionPageArgs, 'bases' | 'offset' | 'first'>;
  pages: Map<string, Promise<PositionPage>>;
}

/** The attestations asked for, or null for all (an absent or empty list). */
export function attestationFilter(list: string[] | null | undefined): Set<string> | null {
  return list && list.length > 0 ? new Set(list) : null;
}

/** Query.positions: the positions on one demand or issue, counted, with pages (PositionTable.positions). */
export async function positions(
  _: unknown,
  args: { demandId?: string | null; issueId?: string | null; asOf?: string | null; includeDerived?: boolean; attestation?: string[] | null; includeSubIssues?: boolean | null },
  ctx: GraphContext,
  info?: GraphQLResolveInfo,
): Promise<PositionTableSource> {
  if (!args.demandId === !args.issueId) throw badInput(args.demandId ? 'issueId' : 'demandId', 'give exactly one of demandId and issueId');
  const id = (args.demandId ?? args.issueId)!;
  const expected = args.demandId ? 'Demand' : 'Issue';
  const wanted = attestationFilter(args.attestation);
  const table = (targetIds: string[], target: EntityRecord | null): PositionTableSource => ({
    asOf: args.asOf ?? today(),
    demand: expected === 'Demand' ? target : null,
    issue: expected === 'Issue' ? target : null,
    filters: { targetIds, asOf: args.asOf ?? null, includeDerived: args.includeDerived ?? true, attestation: wanted ? [...wanted] : null },
    pages: new Map(),
  });
  if (expected === 'Demand' && info) {
    // One round trip instead of two (decision 0054): the page the selection asks for is read
    // now, and the targets it returns say whether the demand exists.
    const read = table([id], null);
    const page = await positionPage(read, firstPageAsked(info) ?? { bases: null, offset: 0, first: 0 }, ctx);
    if (page.targets[0]?.__label !== 'Demand') throw notFound('Demand', id);
    read.demand = page.targets[0];
    return read;
  }
  const target = await ctx.loaders.entity.load(id);
  if (!target || target.__label !== expected) throw notFound(expected, id);
  // An issue's positions take in its sub-issues' unless asked otherwise (issue 16); each position names its own target.
  const targetIds = expected === 'Issue' ? ((await rolledUp(ctx, { issueIds: [id], includeSubIssues: args.includeSubIssues })).issueIds ?? [id]) : [id];
  return table(targetIds, target);
}

/**
 * The page of the request's first `PositionTable.positions` selection, as its resolver will
 * ask for it (pageWindow); null when none is selected or its arguments are invalid (its
 * resolver then refuses them, with the argument's name).
 */
function firstPageAsked(info: GraphQLResolveInfo): PageWindow | null {
  const type = info.schema.getType('PositionTable');
  const field = type && isObjectType(type) ? type.getFields().positions : undefined;
  const [node] = field ? selectedField(info, 'PositionTable', info.fieldNodes, 'positions') : [];
  if (!field || !node) return null;
  try {
    return pageWindow(getArgumentValues(field, node, info.variableValues) as PageArguments);
  } catch {
    return null;
  }
}

/** A page of the table's positions (with its counts), read once per distinct page per request. */
function positionPage(table: PositionTableSource, page: PageWindow, ctx: GraphContext): Promise<PositionPage> {
  const key = JSON.stringify(page);
  let found = table.pages.get(key);
  if (!found) table.pages.set(key, (found = findPositionPage(ctx.reader, { ...table.filters, ...page })));
  return found;
}

/**
 * The counts of a table: from a page the same selection asks for (graphql-js calls the
 * table's field resolvers one after the other before any of them resumes, so after one
 * tick every page asked for is known), else from a read of no page.
 */
async function tableCounts(table: PositionTableSource, ctx: GraphContext): Promise<PositionPage> {
  await Promise.resolve();
  const asked = table.pages.values().next();
  return asked.done ? positionPage(table, { bases: null, offset: 0, first: 0 }, ctx) : asked.value;
}

/** Resolvers of PositionTable. */
export const positionTableResolvers = {
  PositionTable: {
    count: async (t: PositionTableSource, _: unknown, ctx: GraphContext) => (await tableCounts(t, ctx)).count,
    counts: async (t: PositionTableSource, _: unknown, ctx: GraphContext) => (await tableCounts(t, ctx)).counts,
    positions: async (t: PositionTableSource, args: PageArguments, ctx: GraphContext) => (await positionPage(t, pageWindow(args), ctx)).positions,
  },
};
