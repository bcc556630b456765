/**
 * Resolver builders shared by the entity types: relationship fields through
 * the request's loaders, partial dates, display labels and kinds.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../../graph/entity-record.js';
import { RELATIONS, type RelationField } from '../../graph/relations.js';
import { kindOf, type EntitySection } from '../../model/entities.js';
import { formatPartialDate } from '../../neo4j/values.js';
import type { GraphContext } from '../context.js';
import { keysetConnection, listWindow } from '../pagination.js';
import { relationPage } from '../relation-page.js';
import type { PagedRelationField } from '../../graph/relations.js';
import { checkedLang, localizedText } from './localized-text.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolvers take the arguments their field declares
type Resolver = (parent: EntityRecord, args: any, ctx: GraphContext, info: GraphQLResolveInfo) => unknown;

/**
 * What a relationship field's resolver reads through the loaders, so that a lookup
 * can read it ahead in its own query (src/graphql/projection.ts):
 * - relation: loaders.relation(field), whole;
 * - connection: loaders.page(field) with first/after/order (and role for a field filtered by role, Actor.statements);
 * - list: loaders.page(field) with first/offset/kind, oldest first.
 * `wrapped`: the items are not the entities themselves (ActorEvent, Participation),
 * so nothing is read ahead at their other end.
 */
export interface LoaderRead {
  kind: 'relation' | 'connection' | 'list';
  field: RelationField | PagedRelationField;
  wrapped?: boolean;
  /** Properties the resolver itself reads on the items (beyond what their selection needs). */
  itemProperties?: readonly string[];
}

const loaderReads = new WeakMap<Resolver, LoaderRead>();
const propertyReads = new WeakMap<Resolver, readonly string[]>();

/** Marks a resolver as reading `read` through the loaders (and only the parent's id); returns it. */
export function readsThroughLoaders<R extends Resolver>(read: LoaderRead, resolver: R): R {
  loaderReads.set(resolver, read);
  propertyReads.set(resolver, []);
  return resolver;
}

/** What a resolver reads through the loaders, if it says. */
export function loaderReadOf(resolver: unknown): LoaderRead | undefined {
  return typeof resolver === 'function' ? loaderReads.get(resolver as Resolver) : undefined;
}

/** Marks a resolver as reading only these properties of its parent (besides id and label); returns it. */
export function readsProperties<R extends Resolver>(properties: readonly string[], resolver: R): R {
  propertyReads.set(resolver, properties);
  return resolver;
}

const argumentReads = new WeakMap<Resolver, (args: Record<string, unknown>) => readonly string[] | undefined>();

/** Marks a resolver as reading properties that depend on its arguments (undefined: any); returns it. */
export function readsPropertiesByArgs<R extends Resolver>(reads: (args: Record<string, unknown>) => readonly string[] | undefined, resolver: R): R {
  argumentReads.set(resolver, reads);
  return resolver;
}

/**
 * The parent's properties a resolver reads, if it says; a field without a
 * resolver reads the property of its name. Undefined: it may read any.
 * `args` gives the field's arguments, for resolvers whose reads depend on them.
 */
export function propertiesReadBy(resolver: unknown, field: string, args?: () => Record<string, unknown> | undefined): readonly string[] | undefined {
  if (resolver === undefined) return [field];
  if (typeof resolver !== 'function') return undefined;
  const byArgs = argumentReads.get(resolver as Resolver);
  if (byArgs) {
    const given = args?.();
    return given === undefined ? undefined : byArgs(given);
  }
  return propertyReads.get(resolver as Resolver);
}

/** Applies `f` to a value now, or to a promised value when it comes (not named `then`: a module exporting `then` is a thenable). */
export function mapValue<T, U>(value: T | Promise<T>, f: (v: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** A relationship field: a list, or a single entity when the relation says `one`. */
export function relation(field: RelationField): Resolver {
  const one = 'one' in RELATIONS[field] && RELATIONS[field].one === true;
  return readsThroughLoaders({ kind: 'relation', field }, (parent, _args, ctx) =>
    mapValue(ctx.loaders.relatedOf(parent, field), (items) => (one ? (items[0]?.entity ?? null) : items.map((i) => i.entity))),
  );
}

/** A paginated relationship field with `order`, `first`/`after` and `last`/`before` (keyset cursors, docs/decisions/0034), and `role` where the field is filtered by role. */
export function pagedRelation(field: PagedRelationField): Resolver {
  return readsThroughLoaders({ kind: 'connection', field }, (parent, args, ctx) => {
    const { ref, window, page: read, filter } = relationPage(field, parent.id, args);
    return mapValue(ctx.loaders.pageOf(parent, field, read, filter), (page) =>
      keysetConnection(ref, page.items, page.total, window, (i) => i.key!, (i) => ({ node: i.entity })),
    );
  });
}

/**
 * A relationship list that can grow, bounded by `first` (default 100, at most 500)
 * and `offset`, oldest first; `kind` (when the field has it) filters the other end.
 * Only the rows asked for are read.
 */
export function boundedRelation(field: PagedRelationField): Resolver {
  return readsThroughLoaders({ kind: 'list', field }, (parent, args, ctx) => {
    const window = listWindow(args.first as number | null, args.offset as number | null);
    return mapValue(ctx.loaders.pageOf(parent, field, { ...window, after: null, desc: false }, (args.kind as string | null | undefined) ?? null), (page) =>
      page.items.map((i) => i.entity),
    );
  });
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
export const dateField = (field: string): Resolver =>
  readsProperties([field, `${field}Precision`, `${field}End`, 'approximate'], (parent) => partialDate(parent, field));

const truncate = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The resolvers a kind's model fields need, read from the model: a PartialDate for each
 * date field, and for each reference the relation map follows under the kind's label
 * (`Statement.speaker`), that relation. Facts' `sources` and `evidence` come with
 * factFields; references to items (Event.participants) and inverse fields have their
 * own resolvers (src/graphql/resolvers/entity-types.ts). Every reference has its entry (derived in relations.ts).
 */
export function modelFields(section: EntitySection): Record<string, Resolver> {
  const kind = kindOf(section);
  const out: Record<string, Resolver> = {};
  for (const [name, field] of Object.entries(kind.fields)) {
    const key = `${kind.label}.${name}`;
    if (field.kind === 'date') out[name] = dateField(name);
    else if (field.kind === 'ref' && !field.inner && key in RELATIONS) out[name] = relation(key as RelationField);
  }
  return out;
}

/** The properties displayLabel reads without a language (beyond id and label). */
const LABEL_PROPERTIES = ['name', 'title', 'summary', 'gloss', 'text', 'qualifier', 'value', 'quantity', 'group'];

/**
 * A short human-readable label of any entity, for lists and graphs: its name, title or
 * summary in `lang` by the fallback order (without `lang`: the stored default).
 */
export function displayLabel(e: EntityRecord, lang: string | null = null): string {
  const text = (field: string): string | undefined => (lang === null ? (e[field] as string | undefined) : localizedText(e, field, lang)?.text);
  switch (e.__label) {
    case 'Statement':
      return `“${truncate(String(e.gloss ?? e.text ?? e.id))}”`;
    case 'Demand':
    case 'Stance':
      return truncate(String(text('summary') ?? e.id));
    case 'Figure':
      return `${String(e.qualifier ?? '').toLowerCase().replace('_', ' ')} ${String(e.value)} ${String(e.quantity)}`.trim();
    case 'Membership':
      return e.id;
    case 'Claim':
      return `${String(e.group)}: ${String(e.value)}`;
    default:
      return String(text('name') ?? text('title') ?? e.id);
  }
}

/** The EntityKind enum value of an entity (its label in upper case). */
export const entityKind = (e: EntityRecord): string => e.__label.toUpperCase();

/** Fields every entity type shares. */
export const entityFields = {
  entityKind: readsProperties([], (e: EntityRecord) => entityKind(e)),
  // Without lang, the stored texts in the default order; with one, every property (the languages, `name.en`, `name.ru`, ..., are not known ahead).
  label: readsPropertiesByArgs(
    (args) => (args.lang == null ? LABEL_PROPERTIES : undefined),
    (e: EntityRecord, args: { lang?: string | null }, _ctx: GraphContext, info: GraphQLResolveInfo) => displayLabel(e, checkedLang(args.lang, info)),
  ),
};

/** Fields every fact type shares. */
export const factFields = {
  sources: relation('Fact.sources'),
  evidence: relation('Fact.evidence'),
};
