/** Resolvers of the Query type's lookups, lists, search, connections and timeline. */
import { getNamedType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../../graph/entity-record.js';
import { readProjected } from '../../graph/projected-read.js';
import { findTimeline, listActors, listDemands, listIssues } from '../../graph/lists.js';
import { findNeighbourhood, findShortestPaths, mergeGraphs, type Edge, type Graph } from '../../graph/paths.js';
import { searchEntities } from '../../graph/search.js';
import type { GraphContext } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { checkSnapshot, keysetConnection, keysetRead, keysetWindow, rankedConnection, rankedWindow, type ConnectionArgs } from '../pagination.js';
import { planSelection } from '../projection.js';
import { agreement } from './analysis.js';
import { positions } from './position-table.js';
import { displayLabel, entityKind, partialDate } from './fields.js';
import { ENTITY_SECTIONS, kindOf } from '../../model/entities.js';
import { rolledUp } from './rollups.js';

const LABEL_OF_KIND = (kind: string): string => kind.charAt(0) + kind.slice(1).toLowerCase();

/** Loads an entity by id and checks its label; NOT_FOUND otherwise. */
async function entityOf(ctx: GraphContext, id: string, label?: string): Promise<EntityRecord> {
  const e = await ctx.loaders.entity.load(id);
  if (!e || (label && e.__label !== label)) throw notFound(label ?? 'Entity', id);
  return e;
}

/**
 * A lookup by id. For a concrete type, what the selection reads under the entity is
 * read in the same query (docs/decisions/0008); the resolvers below then answer from
 * the request's loaders.
 */
const byId =
  (label?: string) =>
  async (_: unknown, args: { id: string }, ctx: GraphContext, info: GraphQLResolveInfo): Promise<EntityRecord> => {
    const type = getNamedType(info.returnType);
    const selection = label && ctx.projectLookups && isObjectType(type) ? planSelection(info, type, info.fieldNodes) : null;
    if (!selection || selection.fetches.length === 0) return entityOf(ctx, args.id, label);
    const e = await readProjected(ctx.reader, args.id, selection);
    if (!e || e.__label !== label) throw notFound(label!, args.id);
    return e;
  };

/** Several entities by id, in the order asked; unknown ids give null entries. */
async function byIds(_: unknown, args: { ids: string[] }, ctx: GraphContext): Promise<Array<EntityRecord | null>> {
  if (args.ids.length > 200) throw badInput('ids', `at most 200 ids (got ${args.ids.length})`);
  const found = await ctx.loaders.entity.loadMany(args.ids);
  // A failed read (Neo4j down) is an error for the whole field, not a list of unknown ids.
  const failed = found.find((e): e is Error => e instanceof Error);
  if (failed) throw failed;
  return found as Array<EntityRecord | null>;
}

function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(name, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

/** The timeline's filter arguments. */
type TimelineFilter = {
  actorIds?: string[] | null; issueIds?: string[] | null; from?: string | null; to?: string | null; kinds?: string[] | null;
  includeSubIssues?: boolean | null; includeParts?: boolean | null;
};

/** The filter a timeline cursor is bound to: the given, non-empty parts, in one order (null for none). */
function filterOf(f: TimelineFilter): Record<string, unknown> | null {
  const parts: Array<[string, unknown]> = [
    ['actorIds', f.actorIds && f.actorIds.length > 0 ? f.actorIds : null],
    ['issueIds', f.issueIds && f.issueIds.length > 0 ? f.issueIds : null],
    ['from', f.from ?? null],
    ['to', f.to ?? null],
    ['kinds', f.kinds && f.kinds.length > 0 ? f.kinds : null],
    // Roll-ups change the items listed (issue 16); the defaults are left out, so cursors made before them stay valid.
    ['includeSubIssues', f.includeSubIssues === false ? false : null],
    ['includeParts', f.includeParts === true ? true : null],
  ];
  const given = parts.filter(([, v]) => v !== null);
  return given.length > 0 ? Object.fromEntries(given) : null;
}

const graphNode = (e: EntityRecord) => ({ id: e.id, kind: entityKind(e), label: displayLabel(e), subkind: (e.kind as string | undefined) ?? null, entity: e });
const graphEdge = (e: Edge) => ({ ...e, properties: Object.keys(e.properties).length ? JSON.stringify(e.properties) : null });
const drawable = (g: Graph) => ({ nodes: g.nodes.map(graphNode), edges: g.edges.map(graphEdge) });

/** Resolvers of Query. */
export const queryResolvers = {
  Query: {
    entity: byId(),
    // Query.actor(id:), Query.demand(id:), ...: one per kind the model gives a lookup.
    ...Object.fromEntries(ENTITY_SECTIONS.filter((s) => kindOf(s).lookup).map((s) => [kindOf(s).singular, byId(kindOf(s).label)])),
    node: byId(),
    nodes: byIds,
    entities: byIds,
    actors: async (_: unknown, args: { kind?: string | null } & ConnectionArgs, ctx: GraphContext) => {
      const ref = { field: 'Query.actors', args: { kind: args.kind ?? null } };
      const window = keysetWindow(ref, args);
      const page = await listActors(ctx.reader, { kind: args.kind ?? null, ...keysetRead('ASC', window) });
      return keysetConnection(ref, page.items, page.total, window, (i) => i.key, (i) => ({ node: i.item }));
    },
    demands: async (_: unknown, args: ConnectionArgs, ctx: GraphContext) => {
      const ref = { field: 'Query.demands' };
      const window = keysetWindow(ref, args);
      const page = await listDemands(ctx.reader, keysetRead('DESC', window));
      return keysetConnection(ref, page.items, page.total, window, (i) => i.key, (i) => ({ node: i.item }));
    },
    issues: (_: unknown, __: unknown, ctx: GraphContext) => listIssues(ctx.reader),
    search: async (_: unknown, args: { text: string; kinds?: string[] | null; first?: number; after?: string | null }, ctx: GraphContext) => {
      const text = args.text.trim();
      if (text.length === 0) throw badInput('text', 'must not be empty');
      if (text.length > 200) throw badInput('text', `at most 200 characters (got ${text.length})`);
      const ref = { field: 'Query.search', args: { text, kinds: args.kinds && args.kinds.length > 0 ? args.kinds : null } };
      const window = rankedWindow(ref, args.first, args.after, 100);
      const labels = args.kinds && args.kinds.length > 0 ? args.kinds.map(LABEL_OF_KIND) : null;
      const { total, hits, snapshot } = await searchEntities(ctx.reader, { text, labels, skip: window.skip, limit: window.limit });
      checkSnapshot(window, snapshot);
      for (const h of hits) ctx.loaders.prime(h.entity);
      return rankedConnection(ref, hits, total, window, snapshot, (h) => ({ score: h.score, kind: entityKind(h.entity), matchedText: h.matchedText, detail: h.detail, node: h.entity }));
    },
    positions,
    agreement,
    paths: async (
      _: unknown,
      args: { fromId: string; toId: string; maxHops: number; first: number; includeProvenance: boolean },
      ctx: GraphContext,
    ) => {
      bounded('maxHops', args.maxHops, 1, 8);
      bounded('first', args.first, 1, 50);
      if (args.fromId === args.toId) throw badInput('toId', 'must differ from fromId');
      // The paths start and end at the two entities: when there is a path, its nodes answer
      // `from` and `to` too, and only an empty answer needs the lookups that tell an unknown
      // id from entities with no path between them.
      const paths = await findShortestPaths(ctx.reader, args);
      for (const p of paths) for (const n of p.nodes) ctx.loaders.prime(n);
      const [from, to] = await Promise.all([entityOf(ctx, args.fromId), entityOf(ctx, args.toId)]);
      return {
        from,
        to,
        paths: paths.map((p) => ({ length: p.edges.length, ...drawable(p) })),
        graph: { ...drawable(mergeGraphs(paths)), truncated: false },
      };
    },
    neighbourhood: async (
      _: unknown,
      args: { id: string; depth: number; limit: number; kinds?: string[] | null; includeProvenance: boolean },
      ctx: GraphContext,
    ) => {
      bounded('depth', args.depth, 1, 3);
      bounded('limit', args.limit, 1, 500);
      await entityOf(ctx, args.id);
      const labels = args.kinds && args.kinds.length > 0 ? args.kinds.map(LABEL_OF_KIND) : null;
      const g = await findNeighbourhood(ctx.reader, { ...args, labels });
      return g ? { ...drawable(g), truncated: g.truncated } : { nodes: [], edges: [], truncated: false };
    },
    timeline: async (
      _: unknown,
      args: { filter?: TimelineFilter | null; order?: string | null } & ConnectionArgs,
      ctx: GraphContext,
    ) => {
      const f = args.filter ?? {};
      if (f.from && f.to && f.to.localeCompare(f.from) < 0 && !f.from.startsWith(f.to)) throw badInput('filter.to', `is before filter.from (${f.from})`);
      const order = args.order === 'DESC' ? 'DESC' : 'ASC';
      const ref = { field: 'Query.timeline', args: { filter: filterOf(f), order } };
      const window = keysetWindow(ref, args);
      const { issueIds, actorIds } = await rolledUp(ctx, f);
      const page = await findTimeline(ctx.reader, {
        kinds: f.kinds && f.kinds.length > 0 ? f.kinds : ['EVENT', 'STATEMENT', 'STANCE'],
        actorIds,
        issueIds,
        from: f.from ?? null,
        to: f.to ?? null,
        ...keysetRead(order, window),
      });
      const items = page.items.map(({ item: t, key }) => {
        ctx.loaders.prime(t.entity);
        const field = t.kind === 'STATEMENT' ? 'said' : 'date';
        return { key, node: { kind: t.kind, entity: t.entity, dateField: field, title: displayLabel(t.entity) } };
      });
      return keysetConnection(ref, items, page.total, window, (i) => i.key, (i) => ({ node: i.node }));
    },
    provenance: async (_: unknown, args: { id: string }, ctx: GraphContext) => {
      const entity = await entityOf(ctx, args.id);
      if (entity.__label === 'Statement') {
        const [source, via] = await Promise.all([
          ctx.loaders.relation('Statement.source').load(entity.id),
          ctx.loaders.relation('Statement.via').load(entity.id),
        ]);
        return { entity, sources: [...source, ...via].map((i) => i.entity), evidence: [entity] };
      }
      const [sources, evidence] = await Promise.all([
        ctx.loaders.relation('Fact.sources').load(entity.id),
        ctx.loaders.relation('Fact.evidence').load(entity.id),
      ]);
      return { entity, sources: sources.map((i) => i.entity), evidence: evidence.map((i) => i.entity) };
    },
  },
  TimelineItem: {
    date: (t: { entity: EntityRecord; dateField: string }) => partialDate(t.entity, t.dateField),
  },
};
