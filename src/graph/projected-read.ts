/**
 * One query for a lookup and everything selected under it. The GraphQL layer
 * describes what a lookup's selection reads (relationship fields, pages, and
 * what it reads at their other ends) as a tree of Fetches; this module turns
 * that tree into one Cypher map projection, reading only the properties the
 * selection needs, runs it in the request's current round trip, and hangs what
 * it read on the records (loaders.ts: PREFETCHED), so the ordinary resolvers
 * answer from memory. Whatever the tree leaves out still works: it goes
 * through the loaders as before.
 *
 * The query is composed, not read from cypher/ (docs/decisions/0008), by the one
 * reader of relationship fields (relation-read.ts, which the loaders use too): every
 * relationship type, label and sort property comes from the fixed maps of
 * relations.ts, and every value (ids, kinds, skip, limit) is a parameter. No client
 * text reaches it.
 */
import type { EntityRecord } from './entity-record.js';
import type { GraphReader, Row } from './graph-reader.js';
import { pageKey, PREFETCHED, sortRelated, type PageArgs, type Related, type RelatedPage } from './loaders.js';
import { lookupQuery } from './relation-read.js';
import type { SortKey } from './sort-key.js';
import { RELATIONS, type PagedRelationField, type RelationField } from './relations.js';

/** What to read of an entity: some properties (null: all of them), and relationship fields. */
export interface EntitySelection {
  /** Property names besides id; null reads every property. */
  properties: string[] | null;
  fetches: Fetch[];
  /**
   * The entity's label when the schema fixes it (a field typed Actor reaches Actors):
   * then the query need not read it, which costs more than a few properties.
   */
  label?: string;
  /** Whether the resolver reads the relationship's properties (order by hop, role). */
  relationship?: boolean;
}

/** A relationship list read whole (what loaders.relation reads). */
export interface RelationFetch {
  kind: 'relation';
  field: RelationField;
  /** What to read at the other end. */
  next: EntitySelection;
}

/** One sorted page of a relationship list with its total (what loaders.page reads). */
export interface PageFetch {
  kind: 'page';
  field: PagedRelationField;
  page: PageArgs;
  /** The role, for a field filtered by role (Actor.statements); otherwise the `kind` the other end must have, or null. */
  filter: string | null;
  /** Whether the total is read (connections show it; plain lists do not). */
  counted: boolean;
  next: EntitySelection;
}

/** What to read beyond an entity's own properties. */
export type Fetch = RelationFetch | PageFetch;

/** The loader key of a fetch: two fetches with one key read the same rows. */
export function fetchKey(f: Fetch): string {
  return f.kind === 'relation' ? f.field : pageKey(f.field, f.page, f.filter);
}

/** One selection reading what both read (aliases, fragments). */
export function mergeSelections(a: EntitySelection, b: EntitySelection): EntitySelection {
  const properties = a.properties === null || b.properties === null ? null : [...new Set([...a.properties, ...b.properties])];
  const merged: EntitySelection = { properties, fetches: mergeFetches([...a.fetches, ...b.fetches]) };
  if (a.label !== undefined && a.label === b.label) merged.label = a.label;
  if (a.relationship || b.relationship) merged.relationship = true;
  return merged;
}

/** Merges fetches with the same key, and what they read further. */
export function mergeFetches(fetches: Fetch[]): Fetch[] {
  const byKey = new Map<string, Fetch>();
  for (const f of fetches) {
    const seen = byKey.get(fetchKey(f));
    byKey.set(fetchKey(f), seen ? ({ ...seen, next: mergeSelections(seen.next, f.next), ...(f.kind === 'page' && f.counted ? { counted: true } : {}) } as Fetch) : f);
  }
  return [...byKey.values()];
}

/**
 * Reads an entity by id with what `selection` describes, in one query of the
 * current round trip. Returns the entity (with what was read under it), or null
 * for an unknown id.
 */
export async function readProjected(reader: GraphReader, id: string, selection: EntitySelection): Promise<EntityRecord | null> {
  const { text, params } = lookupQuery(id, rootOf(selection));
  const [row] = await reader.readComposed(text, params);
  const root = row?.root as Row | undefined;
  return root ? toRecord(root, rootOf(selection)) : null;
}

const rootOf = (selection: EntitySelection): EntitySelection => {
  const { label: _known, ...rest } = selection;
  return rest;
};

/**
 * One projected entity as a record, with what was read under it kept on the
 * record (PREFETCHED). Records holding only some properties never go into the
 * request's entity cache: they answer the selection they were read for, only.
 */
function toRecord(row: Row, selection: EntitySelection): EntityRecord {
  const entity = { ...(row.props as Record<string, unknown>), __label: selection.label ?? (row.label as string) } as EntityRecord;
  if (selection.fetches.length === 0) return entity;
  const prefetched = new Map<string, Related[] | RelatedPage>();
  for (let i = 0; i < selection.fetches.length; i++) {
    const f = selection.fetches[i]!;
    const value = row[`f${i}`];
    if (f.kind === 'relation') {
      prefetched.set(fetchKey(f), sortRelated(RELATIONS[f.field], relatedRecords(value as Row[], f.next)));
    } else {
      const page = value as { total: unknown; items: Row[] };
      // An uncounted page (a plain list) is never asked for its total.
      prefetched.set(fetchKey(f), { total: page.total === null ? Number.NaN : Number(page.total), items: relatedRecords(page.items, f.next) });
    }
  }
  Object.defineProperty(entity, PREFETCHED, { value: prefetched, enumerable: false });
  return entity;
}

/** The items of a projected relationship list or page as records with their relationship's properties. */
function relatedRecords(rows: Row[], next: EntitySelection): Related[] {
  const out: Related[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = r.key ? { entity: toRecord(r, next), rel: (r.rel ?? EMPTY) as Record<string, unknown>, key: r.key as SortKey } : { entity: toRecord(r, next), rel: (r.rel ?? EMPTY) as Record<string, unknown> };
  }
  return out;
}

/** The relationship properties of an item read without them (never written to). */
const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
