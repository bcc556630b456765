/**
 * The estimated cost of one operation, from its document and its variables: what its
 * fields will do, not how its text is written. Each field costs 1 (a leaf) or 2 (an
 * object), a list multiplies what it selects by the items it can return (`first`,
 * `limit`, the ids asked for), and the analytical fields add the Neo4j work their
 * arguments imply (src/graphql/field-work.ts, calibrated against measured db hits).
 * Named fragments, inline fragments and plain fields give the same estimate.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { fieldWork, sizesWanted, type FieldArgs } from './field-work.js';
import { scaleOf, type GraphScale, type SizesWanted } from './graph-size.js';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

/** What a list without a size argument is assumed to hold (issues, memberships, a path's nodes). */
export const DEFAULT_LIST_ITEMS = 10;
const LEAF_COST = 1;
const OBJECT_COST = 2;

/** The estimate of one operation. */
export interface OperationCost {
  /** The whole operation, in cost units (GRAPHQL_MAX_COST is in the same units). */
  cost: number;
  /** The analytical fields it selects (`Query.neighbourhood`, ...), once each, for the per-client limits. */
  expensiveFields: string[];
  /** The ids whose own sizes would weigh its fields (decisions 0068, 0069: field-work.ts sizesWanted), each once; empty when none. */
  wanted: SizesWanted;
}

/**
 * Estimates the cost of `operation` in `document` with the request's variables, the
 * analytical fields' work weighed for a graph of `statements` (field-work.ts: growth). A
 * number takes the dates graph-size.ts last read for a graph of that many statements, if
 * any (graph-size.ts: scaleOf); a GraphScale says them itself.
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  statements: number | GraphScale = 0,
): OperationCost {
  const scale = scaleOf(statements);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const values = { ...variableDefaults(operation), ...variables };
  const expensive = new Set<string>();
  const entities = new Set<string>();
  const issues = new Set<string>();
  const actors = new Set<string>();
  const memo = new Map<string, number>();
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'query' ? schema.getQueryType() : schema.getSubscriptionType();
  if (!root) return { cost: 0, expensiveFields: [], wanted: { entities: [], issues: [], actors: [] } };

  /** The cost of a selection set on `type`; `sized` when the parent field's size argument already counted its items. */
  const selectionCost = (set: SelectionSetNode, type: GraphQLCompositeType, sized: boolean, visiting: Set<string>): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, type, sized, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) cost += selectionCost(selection.selectionSet, on, sized, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is refused by validation; here it only must not loop.
        if (!fragment || visiting.has(name)) continue;
        const on = schema.getType(fragment.typeCondition.name.value);
        if (!on || !isCompositeType(on)) continue;
        // Memoised: a fragment spread in many places (or doubling through others) is walked once.
        const key = `${name}|${sized}`;
        let inner = memo.get(key);
        if (inner === undefined) {
          visiting.add(name);
          inner = selectionCost(fragment.selectionSet, on, sized, visiting);
          visiting.delete(name);
          memo.set(key, inner);
        }
        cost += inner;
      }
    }
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, parentSized: boolean, visiting: Set<string>): number => {
    const name = node.name.value;
    // Introspection and __typename cost no resolver of ours.
    if (name.startsWith('__')) return 0;
    const field = fieldOf(parent, name);
    if (!field) return 0;
    const args = argumentValues(field, node, values);
    const coordinate = `${parent.name}.${name}`;
    const work = fieldWork(coordinate, args, scale);
    if (work !== undefined) {
      expensive.add(coordinate);
      const wanted = sizesWanted(coordinate, args);
      for (const id of wanted.entities) entities.add(id);
      for (const id of wanted.issues) issues.add(id);
      for (const id of wanted.actors) actors.add(id);
    }
    const named = getNamedType(field.type);
    if (!node.selectionSet || !isCompositeType(named)) return LEAF_COST + (work ?? 0);
    const size = sizeOf(args, field);
    const isList = isListType(getNullableType(field.type));
    const items = size ?? (isList && !parentSized ? DEFAULT_LIST_ITEMS : 1);
    return OBJECT_COST + (work ?? 0) + items * selectionCost(node.selectionSet, named, size !== undefined, visiting);
  };

  const cost = selectionCost(operation.selectionSet, root, false, new Set());
  return { cost: Math.ceil(cost), expensiveFields: [...expensive].sort(), wanted: { entities: [...entities].sort(), issues: [...issues].sort(), actors: [...actors].sort() } };
}

/** A field of an object or interface type (a union has only __typename). */
function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** The defaults of the operation's variables (`$limit: Int = 50`). */
function variableDefaults(operation: OperationDefinitionNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) out[v.variable.name.value] = plainValue(v.defaultValue, {});
  }
  return out;
}

/** The field's arguments as given (literal or variable), else their schema defaults. */
function argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): FieldArgs {
  const out: FieldArgs = {};
  for (const arg of field.args) {
    const given = node.arguments?.find((a) => a.name.value === arg.name);
    const value = given ? plainValue(given.value, variables) : undefined;
    out[arg.name] = value ?? arg.defaultValue;
  }
  return out;
}

/** A literal or variable as a plain value (validation checks the types; the estimate only reads numbers, booleans and list lengths). */
function plainValue(value: ValueNode, variables: Record<string, unknown>): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return variables[value.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(value.value);
    case Kind.BOOLEAN:
      return value.value;
    case Kind.STRING:
    case Kind.ENUM:
      return value.value;
    case Kind.LIST:
      return value.values.map((v) => plainValue(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(value.fields.map((f) => [f.name.value, plainValue(f.value, variables)]));
    default:
      return null;
  }
}

/**
 * How many items a field's arguments ask for: `first`, `last`, `limit`, or the ids
 * listed; a connection read backwards as well as forwards has no default `first` and
 * gives DEFAULT_PAGE_SIZE items when given neither.
 */
function sizeOf(args: FieldArgs, field: GraphQLField<unknown, unknown>): number | undefined {
  for (const name of ['first', 'last', 'limit']) {
    const n = args[name];
    if (typeof n === 'number' && Number.isFinite(n)) return Math.max(1, n);
  }
  if (Array.isArray(args['ids'])) return Math.max(1, args['ids'].length);
  if (field.args.some((a) => a.name === 'last')) return DEFAULT_PAGE_SIZE;
  return undefined;
}
