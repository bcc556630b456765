/**
 * Plans what a lookup's selection set reads through the loaders, so that the
 * lookup can read all of it in one query (src/graph/projected-read.ts) instead
 * of one round trip per resolver level. Fields are collected as graphql-js
 * collects them (aliases, fragments, inline fragments, @skip/@include); a
 * field is planned only when its resolver says what it reads
 * (resolvers/fields.ts: readsThroughLoaders) and its arguments are valid.
 * Anything else is left to its resolver, which reads as before.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import { SORT_PROPERTIES } from '../graph/loaders.js';
import { mergeFetches, type EntitySelection, type Fetch } from '../graph/projected-read.js';
import { RELATIONS, type PagedRelationField, type RelationField } from '../graph/relations.js';
import { listWindow } from './pagination.js';
import { relationPage, type RelationPageArgs } from './relation-page.js';
import { entityTypeResolvers } from './resolvers/entity-types.js';
import { loaderReadOf, propertiesReadBy, type LoaderRead } from './resolvers/fields.js';

/** How deep under a lookup reads are planned; deeper fields read through the loaders. */
const MAX_DEPTH = 4;

/** What planning needs from the resolve info. */
type Operation = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;

function included(op: Operation, node: SelectionNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, op.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, op.variableValues)?.if !== false;
}

function applies(schema: GraphQLSchema, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (condition === undefined || condition === type.name) return true;
  const named = schema.getType(condition);
  return named !== undefined && isAbstractType(named) && schema.isSubType(named, type);
}

/** The fields `nodes` select on `type`, by response key, as graphql-js collects them. */
function collectFields(op: Operation, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const node of selections) {
      if (!included(op, node)) continue;
      if (node.kind === Kind.FIELD) {
        const key = node.alias?.value ?? node.name.value;
        fields.set(key, [...(fields.get(key) ?? []), node]);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (applies(op.schema, node.typeCondition?.name.value, type)) visit(node.selectionSet.selections);
      } else if (!visited.has(node.name.value)) {
        visited.add(node.name.value);
        const fragment: FragmentDefinitionNode | undefined = op.fragments[node.name.value];
        if (fragment && applies(op.schema, fragment.typeCondition.name.value, type)) visit(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of nodes) if (node.selectionSet) visit(node.selectionSet.selections);
  return fields;
}

/** The field nodes of `name` under `nodes` (any alias), on `type`. */
function subfield(op: Operation, type: GraphQLObjectType, nodes: readonly FieldNode[], name: string): FieldNode[] {
  return [...collectFields(op, type, nodes).values()].flat().filter((n) => n.name.value === name);
}

/** The object type of a field's items (through lists and non-null), if it is one. */
function objectTypeOf(type: GraphQLObjectType, field: string): GraphQLObjectType | null {
  const named = getNamedType(type.getFields()[field]?.type);
  return named && isObjectType(named) ? named : null;
}

/** Reads every property and nothing beyond: for entities whose selection is not planned. */
const EVERYTHING: EntitySelection = { properties: null, fetches: [] };

/**
 * What the selection `nodes` on an entity of `type` reads: the properties its
 * fields need (null when some resolver does not say which it reads), and the
 * relationship fields it reads through the loaders, with their own selections.
 */
export function planSelection(op: Operation, type: GraphQLObjectType, nodes: readonly FieldNode[], depth = 0): EntitySelection {
  const resolvers = (entityTypeResolvers as Record<string, Record<string, unknown>>)[type.name];
  if (depth >= MAX_DEPTH || !resolvers) return EVERYTHING;
  let properties: string[] | null = [];
  const fetches: Fetch[] = [];
  for (const fieldNodes of collectFields(op, type, nodes).values()) {
    const node = fieldNodes[0]!;
    const name = node.name.value;
    if (name.startsWith('__')) continue;
    const resolver = resolvers[name];
    const read = loaderReadOf(resolver);
    const def = type.getFields()[name];
    if (!read || !def) {
      const needs = propertiesReadBy(resolver, name, () => {
        try {
          return def ? getArgumentValues(def, node, op.variableValues) : undefined;
        } catch {
          return undefined; // invalid arguments: the resolver reports them
        }
      });
      properties = needs === undefined || properties === null ? null : [...properties, ...needs];
      continue;
    }
    const fetch = planFetch(op, type, fieldNodes, read, depth);
    if (fetch) fetches.push(fetch);
  }
  return { properties, fetches: mergeFetches(fetches), label: type.name };
}

/**
 * The properties a whole list sorts its items by (loaders.ts: sortValue), of those
 * the items' type has as fields: reading a property a node does not have costs
 * as much as reading one it has.
 */
function sortPropertiesOf(type: GraphQLObjectType | null): readonly string[] {
  if (!type) return SORT_PROPERTIES;
  const fields = type.getFields();
  return SORT_PROPERTIES.filter((p) => p in fields);
}

/** One relationship field as a fetch, or null when its arguments are invalid (its resolver then reports them). */
function planFetch(op: Operation, type: GraphQLObjectType, fieldNodes: FieldNode[], read: LoaderRead, depth: number): Fetch | null {
  const node = fieldNodes[0]!;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(type.getFields()[node.name.value]!, node, op.variableValues);
  } catch {
    return null;
  }
  // With `includeParts: true` an actor's stances and statements are read through the
  // top-level listing (resolvers/rollups.ts: withParts), not as the relation's page.
  if (read.kind === 'connection' && args.includeParts === true) return null;
  // The entities at the other end, and the selection on them.
  let endType = read.wrapped ? null : objectTypeOf(type, node.name.value);
  let endNodes: readonly FieldNode[] = fieldNodes;
  if (read.kind === 'connection' && endType) {
    const edgeType = objectTypeOf(endType, 'edges');
    endNodes = edgeType ? subfield(op, edgeType, subfield(op, endType, fieldNodes, 'edges'), 'node') : [];
    endType = edgeType ? objectTypeOf(edgeType, 'node') : null;
  }
  let next: EntitySelection = !endType ? EVERYTHING : endNodes.length > 0 ? planSelection(op, endType, endNodes, depth + 1) : { properties: [], fetches: [], label: endType.name };
  // What the field's resolver reads on the items itself: the sort keys of whole lists, validity dates.
  const itemProperties = [...(read.kind === 'relation' ? sortPropertiesOf(endType) : []), ...(read.itemProperties ?? [])];
  if (next.properties !== null) next = { ...next, properties: [...new Set([...next.properties, ...itemProperties])] };
  if (read.wrapped || (read.kind === 'relation' && 'sortByRel' in RELATIONS[read.field as RelationField])) next = { ...next, relationship: true };
  try {
    if (read.kind === 'relation') return { kind: 'relation', field: read.field as RelationField, next };
    if (read.kind === 'connection') {
      const { page, filter } = relationPage(read.field as PagedRelationField, null, args as RelationPageArgs);
      return { kind: 'page', field: read.field as PagedRelationField, page, filter, counted: true, next };
    }
    const window = listWindow(args.first as number | null | undefined, args.offset as number | null | undefined);
    return { kind: 'page', field: read.field as PagedRelationField, page: { ...window, after: null, desc: false }, filter: (args.kind as string | null | undefined) ?? null, counted: false, next };
  } catch {
    return null;
  }
}

/**
 * Whether the selection `nodes` on an entity of `type` (an object type, or an interface
 * or union: every possible type) reads no property beyond `available`; relationship
 * fields read through the loaders by id, so a record holding only some properties (an
 * agreement's stubs, decision 0010) can answer it.
 */
export function selectionReadsOnly(op: Operation, type: GraphQLNamedType, nodes: readonly FieldNode[], available: ReadonlySet<string>): boolean {
  const types = isAbstractType(type) ? op.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  return types.every((t) => {
    const properties = planSelection(op, t, nodes).properties;
    return properties !== null && properties.every((p) => available.has(p));
  });
}

/** The field nodes of `name` selected under `nodes` on the object type named `typeName`. */
export function selectedField(op: Operation, typeName: string, nodes: readonly FieldNode[], name: string): FieldNode[] {
  const type = op.schema.getType(typeName);
  return type && isObjectType(type) ? subfield(op, type, nodes, name) : [];
}
