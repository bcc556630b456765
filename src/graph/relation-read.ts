/**
 * The one reader of relationship fields: the Cypher that reads the entities at the
 * other end of a field (a whole list, or a page sorted and paged by keyset with its
 * total, filtered by `kind` or by role), built with @neo4j/cypher-builder from the
 * fixed maps of relations.ts. The same expression serves the DataLoaders (one query
 * per field for a batch of parent ids: `batchQuery`) and the composed lookups (the
 * field nested in its parent's map projection: `lookupQuery`), so the two cannot
 * disagree on pattern, filter, order, keyset or count (docs/decisions/0038).
 *
 * A query's text depends only on the selection's shape (fields, properties, whether a
 * cursor or filter is given, the reading direction); every value (ids, kinds, keys,
 * skip, limit) is a parameter named after the place it is used (`f0_1_limit`), so
 * the text is built once per shape and cached.
 */
import Cypher from '@neo4j/cypher-builder';
import { DATE_FIELDS } from '../model/entities.js';
import { int } from './graph-reader.js';
import type { EntitySelection, Fetch, PageFetch, RelationFetch } from './projected-read.js';
import { filtersByRole, PAGED_RELATIONS, RELATIONS, type PagedHop, type PagedRelation, type Relation } from './relations.js';
import { keyParam } from './sort-key.js';

/** A query to run: its text and parameters. */
export interface ReadQuery {
  text: string;
  params: Record<string, unknown>;
}

/** Dates come back as ISO strings: formatting them in Neo4j is cheaper than the driver's Date hydration and toPlain. */
const DATE_PROPERTIES = new Set([...DATE_FIELDS].flatMap((f) => [f, `${f}End`]));

/** Where a missing sort date sorts: where Neo4j puts nulls (last ascending, first descending); see sort-key.ts. */
const NO_DATE = Cypher.date(new Cypher.Literal('9999-12-31'));

/** The node label of an entity, not counting the label every entity has. */
function labelOf(v: Cypher.Node): Cypher.Expr {
  const l = new Cypher.Variable();
  return Cypher.listIndex(new Cypher.ListComprehension(l).in(Cypher.labels(v)).where(Cypher.neq(l, new Cypher.Literal('Entity'))), 0);
}

/** A parameter named after its place in the selection; its value comes from `paramsOf`. */
const param = (path: string, name: string) => new Cypher.NamedParam(`${path}${name}`);

/** The path of the i-th fetch under `path`: names its parameters. */
const fetchPath = (path: string, i: number) => `${path}f${i}_`;

/** The hops a page reads: for a field filtered by role, those the role selects (ANY or none: all). */
function hopsOf(relation: PagedRelation, filter: string | null): readonly PagedHop[] {
  if (!filtersByRole(relation) || filter === null || filter === 'ANY') return relation.hops;
  const hops = relation.hops.filter((h) => h.role === filter);
  // The role is a GraphQL enum value; one the map does not know is a bug, not input.
  if (hops.length === 0) throw new Error(`relation-read: no relationship has the role ${JSON.stringify(filter)}`);
  return hops;
}

/**
 * The label the other end is matched with: the field's label where the type links several
 * kinds (every entity node also has :Entity), else :Entity. One label in the pattern costs
 * one check per row; :Entity with a WHERE on the label cost two (PROFILE: +33% db hits on
 * an actor's statements).
 */
const endLabels = (label: string | undefined): string[] => [label ?? 'Entity'];

/** One hop `(v)-[r:TYPE]->(end)` or `(v)<-[r:TYPE]-(end)`. */
function hop(v: Cypher.Node, r: Cypher.Relationship | undefined, type: string, dir: 'out' | 'in', end?: Cypher.Node, labels: string[] = ['Entity']): Cypher.Pattern {
  return new Cypher.Pattern(v).related(r, { type, direction: dir === 'out' ? 'right' : 'left' }).to(end, end ? { labels } : undefined);
}

/** The map of one entity: its properties, label, relationship properties, sort key (page items) and fetches f0, f1, .... */
function entityMap(v: Cypher.Node, selection: EntitySelection, path: string, rel: Cypher.Expr | null, key?: Cypher.Expr): Cypher.Map {
  const map = new Cypher.Map({ props: propertiesOf(v, selection.properties) });
  if (selection.label === undefined) map.set('label', labelOf(v));
  if (rel !== null && selection.relationship) map.set('rel', rel);
  if (key !== undefined) map.set('key', key);
  selection.fetches.forEach((f, i) => map.set(`f${i}`, fetchExpr(v, f, fetchPath(path, i))));
  return map;
}

/** The properties read of an entity: some (dates as ISO strings), or all of them. */
function propertiesOf(v: Cypher.Node, properties: string[] | null): Cypher.Expr {
  if (properties === null) return Cypher.properties(v);
  const names = ['id', ...properties.filter((p) => p !== 'id')];
  const dates: Record<string, Cypher.Expr> = {};
  for (const p of names) if (DATE_PROPERTIES.has(p)) dates[p] = Cypher.toString(v.property(p));
  return new Cypher.MapProjection(v, names.filter((p) => !DATE_PROPERTIES.has(p)), dates);
}

/** What one fetch reads under the entity `v`: a list of item maps, or a page `{total, items}`. */
function fetchExpr(v: Cypher.Node, f: Fetch, path: string): Cypher.Expr {
  return f.kind === 'relation' ? listExpr(v, f, path) : pageExpr(v, f, path);
}

/** A whole relationship list: a pattern comprehension (loaders.ts sorts it, as the field says). */
function listExpr(v: Cypher.Node, f: RelationFetch, path: string): Cypher.Expr {
  const rel: Relation = RELATIONS[f.field];
  const m = new Cypher.Node();
  const r = new Cypher.Relationship();
  const pattern = hop(v, r, rel.type, rel.dir, m, endLabels(rel.label));
  return new Cypher.PatternComprehension(pattern).map(entityMap(m, f.next, path, Cypher.properties(r)));
}

/**
 * The rows of a page before ordering: the other ends `m` (and the relationship `r` when
 * there is one hop), with the field's label and `kind` condition, ending in WITH.
 */
function pageRows(v: Cypher.Node, relation: PagedRelation, hops: readonly PagedHop[], kind: Cypher.Param | null, m: Cypher.Node, r: Cypher.Relationship): Cypher.With {
  const labels = endLabels(relation.label);
  if (hops.length === 1) {
    const [only] = hops;
    const match = new Cypher.Match(hop(v, r, only!.type, only!.dir, m, labels));
    if (kind) match.where(Cypher.eq(m.property('kind'), kind));
    return match.with(r, m);
  }
  // Several hops: their other ends united (UNION: an entity reached over two counts once).
  const branches = hops.map((h) => {
    const match = new Cypher.Match(hop(v, undefined, h.type, h.dir, m, labels));
    if (kind) match.where(Cypher.eq(m.property('kind'), kind));
    return match.return(m);
  });
  return new Cypher.Call(new Cypher.Union(...branches), [v]).with(m);
}

/** One page of a relationship field: `{total, items}`, items in keyset order after the cursor (docs/decisions/0034). */
function pageExpr(v: Cypher.Node, f: PageFetch, path: string): Cypher.Expr {
  const relation: PagedRelation = PAGED_RELATIONS[f.field];
  const hops = hopsOf(relation, f.filter);
  const kind = f.filter !== null && !filtersByRole(relation) ? param(path, 'kind') : null;
  const m = new Cypher.Node();
  const r = new Cypher.Relationship();
  const key = () => new Cypher.List([Cypher.coalesce(m.property(relation.sortField), NO_DATE), m.property('id')]);
  const rows = pageRows(v, relation, hops, kind, m, r);
  if (f.page.after !== null) rows.where((f.page.desc ? Cypher.lt : Cypher.gt)(key(), param(path, 'after')));
  const rel = hops.length === 1 ? Cypher.properties(r) : new Cypher.Map({});
  const items = rows
    .orderBy([key(), f.page.desc ? 'DESC' : 'ASC'])
    .skip(param(path, 'skip'))
    .limit(param(path, 'limit'))
    .return(entityMap(m, f.next, path, rel, f.counted ? key() : undefined));
  return new Cypher.Map({ total: f.counted ? countExpr(v, relation, hops, kind) : Cypher.Null, items: new Cypher.Collect(items) });
}

/** The total of a page: from the degree store when nothing is checked at the other end. */
function countExpr(v: Cypher.Node, relation: PagedRelation, hops: readonly PagedHop[], kind: Cypher.Param | null): Cypher.Expr {
  if (hops.length === 1 && !relation.label && !kind) return new Cypher.Count(hop(v, undefined, hops[0]!.type, hops[0]!.dir));
  const c = new Cypher.Node();
  return new Cypher.Count(pageRows(v, relation, hops, kind, c, new Cypher.Relationship()).return(c));
}

/** The parameters of a selection's fetches, named as the built text names them. */
function paramsOf(selection: EntitySelection, path: string, params: Record<string, unknown>): void {
  selection.fetches.forEach((f, i) => {
    const p = fetchPath(path, i);
    if (f.kind === 'page') {
      if (f.page.after !== null) params[`${p}after`] = keyParam(f.page.after, [0]);
      if (f.filter !== null && !filtersByRole(PAGED_RELATIONS[f.field])) params[`${p}kind`] = f.filter;
      params[`${p}skip`] = int(f.page.skip);
      params[`${p}limit`] = int(f.page.limit);
    }
    paramsOf(f.next, p, params);
  });
}

/** What decides a selection's text (not its values): the cache key. */
function shapeOf(s: EntitySelection): string {
  const fetches = s.fetches.map((f) =>
    f.kind === 'relation'
      ? `r:${f.field}${shapeOf(f.next)}`
      : `p:${f.field}:${f.filter === null ? '' : filtersByRole(PAGED_RELATIONS[f.field]) ? f.filter : 'k'}:${f.page.after === null ? '' : 'a'}${f.page.desc ? 'd' : ''}${f.counted ? 'c' : ''}${shapeOf(f.next)}`,
  );
  return `{${s.properties === null ? '*' : s.properties.join(',')};${s.label ?? ''};${s.relationship ? 'r' : ''};${fetches.join(';')}}`;
}

/** Built texts by shape; bounded, so that clients sending ever new shapes cannot grow it without end. */
const texts = new Map<string, string>();
const MAX_TEXTS = 2000;

function cached(shape: string, build: () => string): string {
  let text = texts.get(shape);
  if (text === undefined) {
    text = build();
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(shape, text);
  }
  return text;
}

/** Builds without the cache (for the measurement in src/bench/relation-read-cost.ts). */
export const uncached = { lookup: buildLookup, batch: buildBatch };

function buildLookup(selection: EntitySelection): string {
  const n = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(n, { labels: ['Entity'], properties: { id: new Cypher.NamedParam('id') } }));
  return match.return([entityMap(n, selection, '', null), 'root']).build().cypher;
}

function buildBatch(f: Fetch): string {
  const id = new Cypher.Variable();
  const n = new Cypher.Node();
  return new Cypher.Unwind([new Cypher.NamedParam('ids'), id])
    .match(new Cypher.Pattern(n, { labels: ['Entity'], properties: { id } }))
    .return([id, 'from'], [fetchExpr(n, f, fetchPath('', 0)), 'value'])
    .build().cypher;
}

/**
 * The query of a lookup by id and everything its selection reads (projected-read.ts):
 * one row, `root`, the entity's map with its fetches as f0, f1, ....
 */
export function lookupQuery(id: string, selection: EntitySelection): ReadQuery {
  const params: Record<string, unknown> = { id };
  paramsOf(selection, '', params);
  return { text: cached(`L${shapeOf(selection)}`, () => buildLookup(selection)), params };
}

/**
 * The query of one relationship field for a batch of entities (loaders.ts): a row per
 * entity found, `from` (its id) and `value` (the list, or the page `{total, items}`), the
 * same expression a lookup nests under its entity.
 */
export function batchQuery(ids: readonly string[], f: Fetch): ReadQuery {
  const params: Record<string, unknown> = { ids };
  paramsOf({ properties: [], fetches: [f] }, '', params);
  return { text: cached(`B${shapeOf({ properties: [], fetches: [f] })}`, () => buildBatch(f)), params };
}
