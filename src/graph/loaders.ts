/**
 * Per-request DataLoaders: every entity and relationship field is fetched in
 * one batched query per field and level, whatever the list sizes (no N+1). The
 * relationship fields read through relation-read.ts, as the composed lookups do.
 */
import DataLoader from 'dataloader';
import { ENTITY_KINDS, ENTITY_SECTIONS, type EntityKind } from '../model/entities.js';
import { toEntityRecord, type EntityRecord } from './entity-record.js';
import type { GraphReader, Row } from './graph-reader.js';
import type { EntitySelection } from './projected-read.js';
import type { SortKey } from './sort-key.js';
import { findPositions, type Position } from './positions.js';
import { findDemandStatusParts } from './demand-status-read.js';
import type { DemandStatusParts } from './demand-status.js';
import { batchQuery } from './relation-read.js';
import { RELATIONS, type PagedRelationField, type Relation, type RelationField } from './relations.js';
import type { Rendering } from './corroboration.js';

/** An entity reached over a relationship, with the relationship's properties. */
export interface Related {
  entity: EntityRecord;
  rel: Record<string, unknown>;
  /** The item's sort key, on the items of a page (for keyset cursors). */
  key?: SortKey;
}

/** One page of related entities and the total. */
export interface RelatedPage {
  total: number;
  items: Related[];
}

/**
 * Page arguments: where to start (after a sort key for connections, docs/decisions/0034;
 * an offset for plain lists), size and reading direction.
 */
export interface PageArgs {
  after: SortKey | null;
  skip: number;
  limit: number;
  desc: boolean;
}

/** What a loader reads of the entities at the other end: every property, the label and the relationship's properties (they prime the entity cache). */
const EVERYTHING: EntitySelection = { properties: null, fetches: [], relationship: true };

function toRelated(row: Row): Related | null {
  const entity = toEntityRecord(row);
  if (!entity) return null;
  return row.key ? { entity, rel: (row.rel ?? {}) as Record<string, unknown>, key: row.key as SortKey } : { entity, rel: (row.rel ?? {}) as Record<string, unknown> };
}

/** The loaders of one request. */
export class Loaders {
  /** Entities by id (null for unknown ids). */
  readonly entity: DataLoader<string, EntityRecord | null>;
  private readonly related = new Map<string, DataLoader<string, Related[]>>();
  private readonly pages = new Map<string, DataLoader<string, RelatedPage>>();
  /** Organisations each person speaks for. */
  readonly speaksFor: DataLoader<string, EntityRecord[]>;
  private readonly positionLoaders = new Map<string, DataLoader<string, Position[]>>();
  private readonly statusLoaders = new Map<string, DataLoader<string, DemandStatusParts | null>>();
  /** The renderings of facts (their reports, a statement's own text), for corroboration (docs/decisions/0036 §6). */
  readonly renderings: DataLoader<string, Rendering[]>;

  constructor(private readonly reader: GraphReader) {
    this.entity = new DataLoader(async (ids) => {
      const rows = await reader.read('entities-by-ids', { ids });
      const byId = new Map(rows.map((r) => [(r.props as { id: string }).id, toEntityRecord(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.speaksFor = new DataLoader(async (ids) => {
      const rows = await reader.read('actor-speaks-for', { ids });
      return ids.map((id) => rows.filter((r) => r.from === id).map((r) => this.prime(toEntityRecord(r)!)));
    });
    this.renderings = new DataLoader(async (ids) => {
      const rows = await reader.read('corroboration', { ids });
      return ids.map((id) =>
        rows.filter((r) => r.from === id).map((r) => ({ source: this.prime(toEntityRecord(r)!), language: r.language as string, origin: r.origin as string })),
      );
    });
  }

  /** The items of a list or page read by a loader, each entity remembered for later lookups by id. */
  private items(rows: Row[]): Related[] {
    const items = rows.map(toRelated).filter((x): x is Related => x !== null);
    for (const item of items) this.prime(item.entity);
    return items;
  }

  /** Remembers an entity read as part of another query, so a later lookup by id costs nothing. */
  prime(entity: EntityRecord): EntityRecord {
    this.entity.prime(entity.id, entity);
    return entity;
  }

  /** The loader of one relationship field. */
  relation(field: RelationField): DataLoader<string, Related[]> {
    let loader = this.related.get(field);
    if (!loader) {
      const rel: Relation = RELATIONS[field];
      loader = new DataLoader(async (ids) => {
        const { text, params } = batchQuery(ids, { kind: 'relation', field, next: EVERYTHING });
        const rows = await this.reader.readComposed(text, params);
        const byId = new Map(rows.map((r) => [r.from as string, r.value as Row[]]));
        return ids.map((id) => sortRelated(rel, this.items(byId.get(id) ?? [])));
      });
      this.related.set(field, loader);
    }
    return loader;
  }

  /**
   * A relationship field of an entity: read ahead with the entity (projected-read.ts),
   * then at once (graphql-js resolves a plain value without a promise per field),
   * or through this field's loader.
   */
  relatedOf(parent: EntityRecord, field: RelationField): Related[] | Promise<Related[]> {
    return (prefetchedOf(parent)?.get(field) as Related[] | undefined) ?? this.relation(field).load(parent.id);
  }

  /** One page of a relationship field of an entity: read ahead with the entity, or through the page loader. */
  pageOf(parent: EntityRecord, field: PagedRelationField, args: PageArgs, filter?: string | null): RelatedPage | Promise<RelatedPage> {
    return (prefetchedOf(parent)?.get(pageKey(field, args, filter)) as RelatedPage | undefined) ?? this.page(field, args, filter).load(parent.id);
  }

  /** What Demand.status is worked out from (by demand id) as of a date: counts, not the inherited positions (decision 0054). */
  demandStatusParts(asOf: string | null): DataLoader<string, DemandStatusParts | null> {
    const key = `status|${asOf ?? ''}`;
    let loader = this.statusLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (demandIds) => {
        const found = await findDemandStatusParts(this.reader, { demandIds: [...demandIds], asOf });
        return demandIds.map((id) => found.get(id) ?? null);
      });
      this.statusLoaders.set(key, loader);
    }
    return loader;
  }

  /** Positions on demands or issues (by target id) as of a date. */
  positions(asOf: string | null, includeDerived: boolean): DataLoader<string, Position[]> {
    const key = `${asOf ?? ''}|${includeDerived}`;
    let loader = this.positionLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (targetIds) => {
        const found = await findPositions(this.reader, { targetIds: [...targetIds], asOf, includeDerived });
        return targetIds.map((id) => found.get(id) ?? []);
      });
      this.positionLoaders.set(key, loader);
    }
    return loader;
  }

  /**
   * The loader of one paginated relationship field, for one set of page arguments;
   * `filter` is the role for a field filtered by role (Actor.statements), else a `kind` the other end must have.
   */
  page(field: PagedRelationField, args: PageArgs, filter?: string | null): DataLoader<string, RelatedPage> {
    const key = pageKey(field, args, filter);
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const { text, params } = batchQuery(ids, { kind: 'page', field, page: args, filter: filter ?? null, counted: true, next: EVERYTHING });
        const rows = await this.reader.readComposed(text, params);
        const byId = new Map(rows.map((r) => [r.from as string, r.value as { total: unknown; items: Row[] }]));
        return ids.map((id) => {
          const page = byId.get(id);
          return { total: Number(page?.total ?? 0), items: this.items(page?.items ?? []) };
        });
      });
      this.pages.set(key, loader);
    }
    return loader;
  }
}

/** The key of one page of a relationship field: field, window, direction and filter. */
export function pageKey(field: PagedRelationField, args: PageArgs, filter?: string | null): string {
  return `${field}|${args.after === null ? '' : JSON.stringify(args.after)}|${args.skip}|${args.limit}|${args.desc}|${filter ?? ''}`;
}

/**
 * Relationship fields read together with an entity (projected-read.ts), by field
 * for whole lists and by pageKey for pages. Kept on the record itself, so they
 * answer only the selection they were read for.
 */
export const PREFETCHED: unique symbol = Symbol('prefetched');

/** What was read ahead for an entity, if anything. */
export function prefetchedOf(e: EntityRecord): Map<string, Related[] | RelatedPage> | undefined {
  return (e as { [PREFETCHED]?: Map<string, Related[] | RelatedPage> })[PREFETCHED];
}

/** The date property each node label's lists sort by: its kind's `sortDate` in the model (none for actors, places, issues). */
const SORT_DATE_OF: ReadonlyMap<string, string> = new Map(
  ENTITY_SECTIONS.flatMap((s) => {
    const kind: EntityKind = ENTITY_KINDS[s];
    return kind.sortDate ? [[kind.label, kind.sortDate] as const] : [];
  }),
);
/** Name properties that break ties after the date, the first an entity has (then its id). */
const SORT_NAMES = ['name', 'title'] as const;

/** The properties relationship lists sort by (sortValue), read for every item of a projected list: every kind's sort date, then the names. */
export const SORT_PROPERTIES: readonly string[] = [...new Set(SORT_DATE_OF.values()), ...SORT_NAMES];

/** A relationship list in its field's order: by a relationship property (hop) where the field says so, else by date and name. */
export function sortRelated(rel: Relation, list: Related[]): Related[] {
  if (list.length < 2) return list;
  const key = rel.sortByRel;
  return key
    ? list.sort((a, b) => Number(a.rel[key]) - Number(b.rel[key]))
    : list
        .map((item) => ({ item, value: sortValue(item.entity) }))
        .sort((a, b) => a.value.localeCompare(b.value))
        .map((x) => x.item);
}

/** Lists come back in a stable order: by the kind's sort date where it has one, then by name, then by id. */
function sortValue(e: EntityRecord): string {
  const sortDate = SORT_DATE_OF.get(e.__label);
  const name = SORT_NAMES.find((k) => e[k] !== undefined && e[k] !== null);
  return `${((sortDate && e[sortDate]) ?? '') as string}|${(name ? e[name] : e.id) as string}`;
}
