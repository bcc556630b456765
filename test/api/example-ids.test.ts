/**
 * Every object the docs/queries examples select that has an id selects it (issue 17,
 * Relay conventions): a normalizing cache (Apollo Client's InMemoryCache, urql's
 * Graphcache) can only merge what it can identify, so examples that clients copy must
 * show the habit. Checked per selection set, with fragments and inline fragments on
 * the same level counted as part of it.
 */
import {
  buildASTSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { exampleOperations } from './example-operations.js';

const schema = buildASTSchema(loadTypeDefs());

/** Whether a type has an `id` field clients identify it by. */
function hasId(type: GraphQLNamedType): boolean {
  return (isObjectType(type) || isInterfaceType(type)) && 'id' in type.getFields();
}

/** Whether a selection set selects `id` itself, or through fragments spread or inlined on its level. */
function selectsId(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): boolean {
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === 'id' && s.alias === undefined;
    if (s.kind === Kind.INLINE_FRAGMENT) return selectsId(s.selectionSet, fragments);
    const fragment = fragments.get(s.name.value);
    return fragment !== undefined && selectsId(fragment.selectionSet, fragments);
  });
}

/** The paths (field names from the root) of the selection sets on types with an id that do not select it. */
function missingIds(query: string): string[] {
  const doc = parse(query);
  const fragments = new Map(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const missing: string[] = [];
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          const type = typeInfo.getType();
          if (node.selectionSet && type && hasId(getNamedType(type)) && !selectsId(node.selectionSet, fragments)) {
            missing.push(`${path.join('.')} (${getNamedType(type).name})`);
          }
        },
        leave() {
          path.pop();
        },
      },
    }),
  );
  return missing;
}

describe('docs/queries', () => {
  const examples = exampleOperations();

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(8);
  });

  it('finds a selection without its id (the check itself)', () => {
    expect(missingIds('{ actor(id: "russia") { label memberships { id organization { label } } } }')).toEqual([
      'actor (Actor)',
      'actor.memberships.organization (Actor)',
    ]);
  });

  it.each(examples.map((e) => [e.name, e.query]))('%s selects the id of every object that has one', (_name, query) => {
    expect(missingIds(query)).toEqual([]);
  });
});
