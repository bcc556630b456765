/**
 * Resolvers of the analyst's roll-ups and lookups (issue 16): the top-level statements
 * and stances connections, event chains and an event's causes and consequences, and
 * the expansion of sub-issues and parts that the timeline and positions share.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../../graph/entity-record.js';
import { findEventChain, MAX_CHAIN_DEPTH, type EventLink } from '../../graph/event-chain.js';
import { findStances, findStatements } from '../../graph/fact-lists.js';
import { expandRollups } from '../../graph/rollups.js';
import type { GraphContext } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { keysetConnection, keysetRead, keysetWindow, type ConnectionArgs } from '../pagination.js';
import { readsProperties, readsThroughLoaders } from './fields.js';

/** A non-empty list, or null for an absent or empty one (no filter). */
export const listOrNull = <T>(list: T[] | null | undefined): T[] | null => (list && list.length > 0 ? list : null);

/** The id lists an issue filter and an actor filter stand for, rolled up as asked (sub-issues by default, parts only when asked). */
export function rolledUp(
  ctx: GraphContext,
  f: { issueIds?: string[] | null; includeSubIssues?: boolean | null; actorIds?: string[] | null; includeParts?: boolean | null },
) {
  return expandRollups(ctx.reader, {
    issueIds: listOrNull(f.issueIds),
    includeSubIssues: f.includeSubIssues ?? true,
    actorIds: listOrNull(f.actorIds),
    includeParts: f.includeParts ?? false,
  });
}

/** Refuses a date range that ends before it starts (a partial `to` within `from`'s period is not before it). */
export function checkRange(argument: string, f: { from?: string | null; to?: string | null }): void {
  if (f.from && f.to && f.to.localeCompare(f.from) < 0 && !f.from.startsWith(f.to)) throw badInput(`${argument}.to`, `is before ${argument}.from (${f.from})`);
}

/** The roll-up flags at their defaults, which a cursor's filter leaves out (giving a default or not lists the same items). */
const DEFAULT_FLAGS: Readonly<Record<string, unknown>> = { includeSubIssues: true, includeParts: false };

/** The filter a cursor is bound to: the given, non-empty, non-default parts in a fixed order, or null. */
function boundFilter(f: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | null {
  const value = (k: string) => (Array.isArray(f[k]) && (f[k] as unknown[]).length === 0) || f[k] === DEFAULT_FLAGS[k] ? null : (f[k] ?? null);
  const given = keys.map((k) => [k, value(k)] as const).filter(([, v]) => v !== null);
  return given.length > 0 ? Object.fromEntries(given) : null;
}

/** Query.statements' filter. */
interface StatementFilter {
  speakerIds?: string[] | null; includeParts?: boolean | null; modes?: string[] | null; issueIds?: string[] | null; includeSubIssues?: boolean | null;
  sourceIds?: string[] | null; languages?: string[] | null; mentions?: string | null; from?: string | null; to?: string | null;
}

/** Query.stances' filter. */
interface StanceFilter {
  holderIds?: string[] | null; includeParts?: boolean | null; kinds?: string[] | null; issueIds?: string[] | null; includeSubIssues?: boolean | null;
  sourceIds?: string[] | null; languages?: string[] | null; towards?: string | null; from?: string | null; to?: string | null;
}

const STATEMENT_FILTER_KEYS = ['speakerIds', 'includeParts', 'modes', 'issueIds', 'includeSubIssues', 'sourceIds', 'languages', 'mentions', 'from', 'to'] as const;
const STANCE_FILTER_KEYS = ['holderIds', 'includeParts', 'kinds', 'issueIds', 'includeSubIssues', 'sourceIds', 'languages', 'towards', 'from', 'to'] as const;

type Listing<F> = { filter?: F | null; order?: string | null } & ConnectionArgs;

/** What sets one top-level fact listing apart: its field, filter keys, actor filter and read. */
interface ListingSpec<F> {
  field: 'Query.statements' | 'Query.stances';
  keys: readonly string[];
  /** The filter's actor ids (speakers or holders), rolled up through parts when asked. */
  actorIds: (f: F) => string[] | null | undefined;
  /** The page, given the expanded ids and the keyset window. */
  read: (ctx: GraphContext, f: F, ids: { issueIds: string[] | null; actorIds: string[] | null }, keyset: ReturnType<typeof keysetRead>) => ReturnType<typeof findStatements>;
}

/** A top-level fact listing: the range checked, the cursor bound to its filter, sub-issues and parts rolled up, one read. */
function listing<F extends { includeParts?: boolean | null; issueIds?: string[] | null; includeSubIssues?: boolean | null; from?: string | null; to?: string | null }>(spec: ListingSpec<F>) {
  return async (_: unknown, args: Listing<F>, ctx: GraphContext) => {
    const f = args.filter ?? ({} as F);
    checkRange('filter', f);
    const order = args.order === 'ASC' ? 'ASC' : 'DESC';
    const ref = { field: spec.field, args: { filter: boundFilter(f as Record<string, unknown>, spec.keys), order } };
    const window = keysetWindow(ref, args);
    const ids = await rolledUp(ctx, { issueIds: f.issueIds, includeSubIssues: f.includeSubIssues, actorIds: spec.actorIds(f), includeParts: f.includeParts });
    const page = await spec.read(ctx, f, ids, keysetRead(order, window));
    for (const { item } of page.items) ctx.loaders.prime(item);
    return keysetConnection(ref, page.items, page.total, window, (i) => i.key, (i) => ({ node: i.item }));
  };
}

/** Query.statements: statements across speakers, filtered, by date. */
const statements = listing<StatementFilter>({
  field: 'Query.statements',
  keys: STATEMENT_FILTER_KEYS,
  actorIds: (f) => f.speakerIds,
  read: (ctx, f, { issueIds, actorIds }, keyset) =>
    findStatements(ctx.reader, {
      speakerIds: actorIds, modes: listOrNull(f.modes), issueIds, sourceIds: listOrNull(f.sourceIds), languages: listOrNull(f.languages),
      mentions: f.mentions ?? null, from: f.from ?? null, to: f.to ?? null, ...keyset,
    }),
});

/** Query.stances: stances across holders, filtered, by date. */
const stances = listing<StanceFilter>({
  field: 'Query.stances',
  keys: STANCE_FILTER_KEYS,
  actorIds: (f) => f.holderIds,
  read: (ctx, f, { issueIds, actorIds }, keyset) =>
    findStances(ctx.reader, {
      holderIds: actorIds, kinds: listOrNull(f.kinds), issueIds, sourceIds: listOrNull(f.sourceIds), languages: listOrNull(f.languages),
      towards: f.towards ?? null, from: f.from ?? null, to: f.to ?? null, ...keyset,
    }),
});

/** Query.eventChain: the links of cause and consequence around an event. */
async function eventChain(_: unknown, args: { id: string; direction?: string | null; depth?: number | null }, ctx: GraphContext) {
  const depth = args.depth ?? 3;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_CHAIN_DEPTH) throw badInput('depth', `must be between 1 and ${MAX_CHAIN_DEPTH} (got ${depth})`);
  const direction = args.direction === 'CAUSES' ? 'CAUSES' : 'CONSEQUENCES';
  const event = await ctx.loaders.entity.load(args.id);
  if (!event || event.__label !== 'Event') throw notFound('Event', args.id);
  const chain = await findEventChain(ctx.reader, { id: args.id, direction, depth });
  for (const e of chain.events) ctx.loaders.prime(e);
  return { event, direction, ...chain };
}

/** An event's direct links one way: the events it answered and is a consequence of, or those that answered it and are its consequences. */
async function linksOf(e: EntityRecord, ctx: GraphContext, towards: 'causes' | 'consequences'): Promise<EventLink[]> {
  const [responses, consequences] =
    towards === 'causes'
      ? await Promise.all([ctx.loaders.relation('Event.inResponseTo').load(e.id), ctx.loaders.relation('Event.causedBy').load(e.id)])
      : await Promise.all([ctx.loaders.relation('Event.responses').load(e.id), ctx.loaders.relation('Event.effects').load(e.id)]);
  const link = (other: EntityRecord, type: EventLink['type']): EventLink =>
    towards === 'causes' ? { cause: other, consequence: e, type } : { cause: e, consequence: other, type };
  return [...responses.map((i) => link(i.entity, 'RESPONSE')), ...consequences.map((i) => link(i.entity, 'CONSEQUENCE'))];
}

/** Resolvers of the roll-ups: the Query fields and the Event fields. */
export const rollupResolvers = {
  Query: { statements, stances, eventChain },
  Event: {
    causes: readsProperties([], (e: EntityRecord, _: unknown, ctx: GraphContext) => linksOf(e, ctx, 'causes')),
    consequences: readsProperties([], (e: EntityRecord, _: unknown, ctx: GraphContext) => linksOf(e, ctx, 'consequences')),
  },
};

/** Actor.stances and Actor.statements' arguments. */
type ActorListArgs = ConnectionArgs & { order?: string | null; role?: string | null; includeParts?: boolean | null };

/**
 * An actor's paged stances or statements that, with `includeParts: true`, lists those
 * of the actor and its parts (through the top-level lists' queries) and otherwise is
 * the plain paged relation. Cursors of the two are bound to different arguments.
 */
export function withParts(
  field: 'Actor.stances' | 'Actor.statements',
  plain: (parent: EntityRecord, args: ActorListArgs, ctx: GraphContext, info: GraphQLResolveInfo) => unknown,
) {
  const resolver = async (actor: EntityRecord, args: ActorListArgs, ctx: GraphContext, info: GraphQLResolveInfo) => {
    if (args.includeParts !== true) return plain(actor, args, ctx, info);
    const order = args.order === 'ASC' ? 'ASC' : 'DESC';
    const role = field === 'Actor.statements' ? ((args.role ?? 'ANY') as 'SPEAKER' | 'ON_BEHALF_OF' | 'ANY') : undefined;
    const ref = { field, of: actor.id, args: { ...(role ? { role } : {}), order, includeParts: true } };
    const window = keysetWindow(ref, args);
    const { actorIds } = await rolledUp(ctx, { actorIds: [actor.id], includeParts: true });
    const none = { issueIds: null, sourceIds: null, languages: null, from: null, to: null, ...keysetRead(order, window) };
    const page =
      field === 'Actor.stances'
        ? await findStances(ctx.reader, { ...none, holderIds: actorIds, kinds: null, towards: null })
        : await findStatements(ctx.reader, { ...none, speakerIds: actorIds, speakerRole: role, modes: null, mentions: null });
    for (const { item } of page.items) ctx.loaders.prime(item);
    return keysetConnection(ref, page.items, page.total, window, (i) => i.key, (i) => ({ node: i.item }));
  };
  // A lookup reads the plain relation's page ahead (projection.ts), except with includeParts.
  return readsThroughLoaders({ kind: 'connection', field }, resolver);
}
