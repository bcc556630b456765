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
 * The query is composed, not read from cypher/ (docs/decisions/0008): every
 * relationship type, label and sort property comes from the fixed maps of
 * relations.ts, variable and key names are generated (n1, f0, ...), and every
 * value (ids, kinds, skip, limit) is a parameter. No client text reaches it.
 */
import type { EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';
import { pageKey, PREFETCHED, sortRelated, type PageArgs, type Related, type RelatedPage } from './loaders.js';
import { DATE_FIELDS } from '../model/entities.js';
import { keyParam, type SortKey } from './sort-key.js';
import { PAGED_RELATIONS, RELATIONS, type PagedRelationField, type RelationField } from './relations.js';

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
  field: PagedRelationField | 'Actor.statements';
  page: PageArgs;
  /** Actor.statements: the role; otherwise the `kind` the other end must have, or null. */
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

/** Property names go into the query as identifiers: they come from the schema's field names and the resolvers, and must look like it. */
const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;

const LABEL = (v: string) => `[l IN labels(${v}) WHERE l <> 'Entity'][0]`;

/** Builds the projection; names variables and parameters as it goes. */
class ProjectionBuilder {
  readonly params: Record<string, unknown> = {};
  private variables = 0;

  private param(value: unknown): string {
    const name = `p${Object.keys(this.params).length}`;
    this.params[name] = value;
    return `$${name}`;
  }

  private variable(): string {
    return `n${++this.variables}`;
  }

  /** The map of one entity: its properties, label, relationship properties, sort key (page items) and fetches f0, f1, .... */
  entity(v: string, selection: EntitySelection, rel: string | null, key?: string): string {
    const props =
      selection.properties === null ? `properties(${v})` : `${v} {${['id', ...selection.properties.filter((p) => p !== 'id')].map((p) => property(v, p)).join(', ')}}`;
    const parts = [`props: ${props}`];
    if (selection.label === undefined) parts.push(`label: ${LABEL(v)}`);
    if (rel !== null && selection.relationship) parts.push(`rel: ${rel}`);
    if (key !== undefined) parts.push(`key: ${key}`);
    selection.fetches.forEach((f, i) => parts.push(`f${i}: ${f.kind === 'relation' ? this.relation(v, f) : this.page(v, f)}`));
    return `{${parts.join(', ')}}`;
  }

  private relation(v: string, f: RelationFetch): string {
    const rel = RELATIONS[f.field];
    const m = this.variable();
    const r = `r${m}`;
    const where = 'label' in rel ? ` WHERE ${m}:${rel.label}` : '';
    return `[${hop(v, r, rel.type, rel.dir, `${m}:Entity`)}${where} | ${this.entity(m, f.next, `properties(${r})`)}]`;
  }

  private page(v: string, f: PageFetch): string {
    const m = this.variable();
    let match: (end: string) => string;
    let order: string;
    let rel: string;
    if (f.field === 'Actor.statements') {
      const said = (end: string) => `MATCH ${hop(v, '', 'SAID', 'out', `${end}:Statement`)} RETURN ${end}`;
      const behalf = (end: string) => `MATCH ${hop(v, '', 'ON_BEHALF_OF', 'in', `${end}:Statement`)} RETURN ${end}`;
      const role = f.filter ?? 'ANY';
      match = (end) => `CALL (${v}) { ${[role !== 'ON_BEHALF_OF' ? said(end) : null, role !== 'SPEAKER' ? behalf(end) : null].filter(Boolean).join(' UNION ')} } WITH ${end}`;
      order = `${m}.said`;
      rel = '{}';
    } else {
      const spec = PAGED_RELATIONS[f.field];
      const r = `r${m}`;
      const filter = f.filter === null ? null : this.param(f.filter);
      const where = (end: string) => {
        const conditions = ['label' in spec ? `${end}:${spec.label}` : null, filter === null ? null : `${end}.kind = ${filter}`].filter(Boolean);
        return conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
      };
      match = (end) => `MATCH ${hop(v, end === m ? r : '', spec.type, spec.dir, `${end}:Entity`)}${where(end)} WITH ${end === m ? `${r}, ` : ''}${end}`;
      order = `${m}.${spec.sortField}`;
      rel = `properties(${r})`;
      // Without a condition on the other end, Neo4j reads the count from the degree store.
      if (where(m) === '' && f.counted) return this.pageMap(m, f, match(m), order, rel, `COUNT { ${hop(v, '', spec.type, spec.dir, '')} }`);
    }
    return this.pageMap(m, f, match(m), order, rel, f.counted ? `COUNT { ${match(`c${m}`)} RETURN c${m} }` : 'null');
  }

  private pageMap(m: string, f: PageFetch, match: string, order: string, rel: string, count: string): string {
    // Same order and keyset as the page loader's query: [sort date (missing: 9999-12-31), id], after the cursor's key (sort-key.ts).
    const key = `[coalesce(${order}, date('9999-12-31')), ${m}.id]`;
    const after = f.page.after === null ? '' : ` WHERE ${key} ${f.page.desc ? '<' : '>'} ${this.param(keyParam(f.page.after, [0]))}`;
    const items =
      `COLLECT { ${match}${after} ORDER BY ${key} ${f.page.desc ? 'DESC' : 'ASC'} ` +
      `SKIP ${this.param(int(f.page.skip))} LIMIT ${this.param(int(f.page.limit))} RETURN ${this.entity(m, f.next, rel, f.counted ? key : undefined)} }`;
    return `{total: ${count}, items: ${items}}`;
  }
}

/** Dates come back as ISO strings: formatting them in Neo4j is cheaper than the driver's Date hydration and toPlain. */
const DATE_PROPERTIES = new Set([...DATE_FIELDS].flatMap((f) => [f, `${f}End`]));

/** One entry of a map projection of `v`. */
function property(v: string, name: string): string {
  if (!PROPERTY.test(name)) throw new Error(`not a property name: ${JSON.stringify(name)}`);
  return DATE_PROPERTIES.has(name) ? `${name}: toString(${v}.${name})` : `.${name}`;
}

/** One hop `(v)-[r:TYPE]->(end)` or `(v)<-[r:TYPE]-(end)`. */
function hop(v: string, r: string, type: string, dir: 'out' | 'in', end: string): string {
  return dir === 'out' ? `(${v})-[${r}:${type}]->(${end})` : `(${v})<-[${r}:${type}]-(${end})`;
}

/** The Cypher and parameters of a projected lookup (exported for tests and EXPLAIN). */
export function projectedLookupQuery(id: string, selection: EntitySelection): { text: string; params: Record<string, unknown> } {
  const b = new ProjectionBuilder();
  // The root's label is read: the lookup checks it (demand(id:) of an actor is NOT_FOUND).
  const map = b.entity('n0', rootOf(selection), null);
  return { text: `MATCH (n0:Entity {id: $id})\nRETURN ${map} AS root`, params: { id, ...b.params } };
}

/**
 * Reads an entity by id with what `selection` describes, in one query of the
 * current round trip. Returns the entity (with what was read under it), or null
 * for an unknown id.
 */
export async function readProjected(reader: GraphReader, id: string, selection: EntitySelection): Promise<EntityRecord | null> {
  const { text, params } = projectedLookupQuery(id, selection);
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
