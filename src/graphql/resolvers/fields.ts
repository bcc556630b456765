/**
 * Resolver builders shared by the entity types: relationship fields through
 * the request's loaders, partial dates, display labels and kinds.
 */
import type { EntityRecord } from '../../graph/entity-record.js';
import { RELATIONS, type RelationField } from '../../graph/relations.js';
import { formatPartialDate } from '../../neo4j/values.js';
import type { GraphContext } from '../context.js';
import { connection, listWindow, pageWindow } from '../pagination.js';
import type { PagedRelationField } from '../../graph/relations.js';

type Resolver = (parent: EntityRecord, args: Record<string, unknown>, ctx: GraphContext) => unknown;

/** A relationship field: a list, or a single entity when the relation says `one`. */
export function relation(field: RelationField): Resolver {
  const one = 'one' in RELATIONS[field] && RELATIONS[field].one === true;
  return async (parent, _args, ctx) => {
    const items = await ctx.loaders.relation(field).load(parent.id);
    return one ? (items[0]?.entity ?? null) : items.map((i) => i.entity);
  };
}

/** A paginated relationship field with `order`, `first` and `after`. */
export function pagedRelation(field: PagedRelationField): Resolver {
  return async (parent, args, ctx) => {
    const window = pageWindow(args.first as number, args.after as string | null);
    const page = await ctx.loaders.page(field, { ...window, desc: args.order !== 'ASC' }).load(parent.id);
    return connection(page.items.map((i) => i.entity), page.total, window);
  };
}

/**
 * A relationship list that can grow, bounded by `first` (default 100, at most 500)
 * and `offset`, oldest first; `kind` (when the field has it) filters the other end.
 * Only the rows asked for are read.
 */
export function boundedRelation(field: PagedRelationField): Resolver {
  return async (parent, args, ctx) => {
    const window = listWindow(args.first as number | null, args.offset as number | null);
    const page = await ctx.loaders.page(field, { ...window, desc: false }, (args.kind as string | null | undefined) ?? null).load(parent.id);
    return page.items.map((i) => i.entity);
  };
}

/** The PartialDate object of a date property, or null when the entity has none. */
export function partialDate(parent: Record<string, unknown>, field: string) {
  const start = parent[field] as string | null | undefined;
  if (!start) return null;
  const precision = (parent[`${field}Precision`] as string | undefined) ?? 'DAY';
  return {
    iso: formatPartialDate(start, precision),
    precision,
    start,
    end: (parent[`${field}End`] as string | undefined) ?? start,
    approximate: parent.approximate === true,
  };
}

/** A resolver for a PartialDate field. */
export const dateField =
  (field: string): Resolver =>
  (parent) =>
    partialDate(parent, field);

const truncate = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A short human-readable label of any entity, for lists and graphs. */
export function displayLabel(e: EntityRecord): string {
  switch (e.__label) {
    case 'Statement':
      return `“${truncate(String(e.gloss ?? e.text ?? e.id))}”`;
    case 'Demand':
    case 'Stance':
      return truncate(String(e.summary ?? e.id));
    case 'Figure':
      return `${String(e.qualifier ?? '').toLowerCase().replace('_', ' ')} ${String(e.value)} ${String(e.quantity)}`.trim();
    case 'Membership':
      return e.id;
    default:
      return String(e.name ?? e.title ?? e.id);
  }
}

/** The EntityKind enum value of an entity (its label in upper case). */
export const entityKind = (e: EntityRecord): string => e.__label.toUpperCase();

/** Fields every entity type shares. */
export const entityFields = {
  entityKind: (e: EntityRecord) => entityKind(e),
  label: (e: EntityRecord) => displayLabel(e),
};

/** Fields every fact type shares. */
export const factFields = {
  sources: relation('Fact.sources'),
  evidence: relation('Fact.evidence'),
};
