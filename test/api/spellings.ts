/**
 * The same selection written three ways, generated from one operation: as written,
 * every selection set wrapped in an inline fragment on its own type, and every
 * selection set moved into a named fragment (nested as deep as the fields are). A
 * limit that gives a different verdict for these punishes a spelling, not a selection.
 */
import {
  Kind,
  getNamedType,
  isCompositeType,
  parse,
  print,
  type DefinitionNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** How a selection is written. */
export type Spelling = 'as written' | 'inline fragments' | 'named fragments';

/** Every spelling of `query`, against `schema` (needed for the fragments' type conditions). */
export function spellings(schema: GraphQLSchema, query: string): Record<Spelling, string> {
  return {
    'as written': query,
    'inline fragments': inlineFragmentSpelling(schema, query),
    'named fragments': namedFragmentSpelling(schema, query),
  };
}

/** Each selection set becomes `{ ... on Type { selections } }`. */
export function inlineFragmentSpelling(schema: GraphQLSchema, query: string): string {
  return rewrite(schema, query, (set, type) => ({
    kind: Kind.SELECTION_SET,
    selections: [{ kind: Kind.INLINE_FRAGMENT, typeCondition: namedType(type.name), selectionSet: set }],
  }));
}

/** Each selection set (the operation's own included) moves into a fragment of its own: `{ ...F3 }`. */
export function namedFragmentSpelling(schema: GraphQLSchema, query: string): string {
  const extracted: FragmentDefinitionNode[] = [];
  const rewritten = rewrite(
    schema,
    query,
    (set, type) => {
      const name = `Spelled${extracted.length + 1}${type.name}`;
      extracted.push({ kind: Kind.FRAGMENT_DEFINITION, name: { kind: Kind.NAME, value: name }, typeCondition: namedType(type.name), selectionSet: set });
      return { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FRAGMENT_SPREAD, name: { kind: Kind.NAME, value: name } }] };
    },
    () => extracted,
  );
  return rewritten;
}

type Wrap = (set: SelectionSetNode, type: GraphQLCompositeType) => SelectionSetNode;

/** Rewrites every selection set of the document bottom-up with `wrap`; `extra` adds definitions at the end. */
function rewrite(schema: GraphQLSchema, query: string, wrap: Wrap, extra: () => DefinitionNode[] = () => []): string {
  const doc = parse(query);
  const visitSet = (set: SelectionSetNode, type: GraphQLCompositeType): SelectionSetNode => ({
    ...set,
    selections: set.selections.map((s) => visitSelection(s, type)),
  });
  const visitSelection = (s: SelectionNode, parent: GraphQLCompositeType): SelectionNode => {
    if (s.kind === Kind.FRAGMENT_SPREAD) return s;
    if (s.kind === Kind.INLINE_FRAGMENT) {
      const type = s.typeCondition ? compositeType(schema, s.typeCondition.name.value) : parent;
      return { ...s, selectionSet: visitSet(s.selectionSet, type) };
    }
    if (!s.selectionSet) return s;
    const type = fieldType(parent, s);
    return { ...s, selectionSet: wrap(visitSet(s.selectionSet, type), type) };
  };
  const definitions = doc.definitions.map((d): DefinitionNode => {
    if (d.kind === Kind.FRAGMENT_DEFINITION) {
      return { ...d, selectionSet: visitSet(d.selectionSet, compositeType(schema, d.typeCondition.name.value)) };
    }
    if (d.kind === Kind.OPERATION_DEFINITION) {
      const root = schema.getRootType(d.operation);
      if (!root) throw new Error(`the schema has no ${d.operation} type`);
      return { ...d, selectionSet: wrap(visitSet(d.selectionSet, root), root) } satisfies OperationDefinitionNode;
    }
    return d;
  });
  return print({ ...doc, definitions: [...definitions, ...extra()] });
}

function namedType(name: string) {
  return { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: name } } as const;
}

function compositeType(schema: GraphQLSchema, name: string): GraphQLCompositeType {
  const type = schema.getType(name);
  if (!isCompositeType(type)) throw new Error(`${name} is not an object, interface or union type`);
  return type;
}

function fieldType(parent: GraphQLCompositeType, field: FieldNode): GraphQLCompositeType {
  if (!('getFields' in parent)) throw new Error(`${parent.name} is a union: only __typename can be selected on it`);
  const def = parent.getFields()[field.name.value];
  if (!def) throw new Error(`${parent.name} has no field ${field.name.value}`);
  const type = getNamedType(def.type);
  if (!isCompositeType(type)) throw new Error(`${parent.name}.${field.name.value} has a selection but is a ${type.name}`);
  return type;
}
