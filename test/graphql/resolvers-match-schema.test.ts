/**
 * The resolver map and schema.graphql agree (the check docs/decisions/0007 puts in
 * place of generated resolver types): every resolver names a type and field that
 * exist, every root field has a resolver, every abstract type can resolve its
 * concrete type, and every custom scalar has an implementation.
 */
import { GraphQLInterfaceType, GraphQLObjectType, GraphQLScalarType, GraphQLUnionType, buildASTSchema, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolvers } from '../../src/graphql/resolvers.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';

const schema = buildASTSchema(loadTypeDefs());
const map = resolvers as unknown as Record<string, Record<string, unknown> | GraphQLScalarType>;

describe('resolvers and schema.graphql', () => {
  it('every resolver names a type and a field of the schema', () => {
    const stale: string[] = [];
    for (const [typeName, fields] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (!type) {
        stale.push(typeName);
        continue;
      }
      if (type instanceof GraphQLScalarType) continue;
      const known = type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType ? type.getFields() : {};
      for (const field of Object.keys(fields as Record<string, unknown>)) {
        if (field.startsWith('__')) continue;
        if (!(field in known)) stale.push(`${typeName}.${field}`);
      }
    }
    expect(stale).toEqual([]);
  });

  it('every root field has a resolver', () => {
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      if (!root) continue;
      const missing = Object.keys(root.getFields()).filter((f) => typeof (map[root.name] as Record<string, unknown> | undefined)?.[f] !== 'function');
      expect(missing, root.name).toEqual([]);
    }
  });

  it('every interface and union resolves its concrete type, and every custom scalar is implemented', () => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType) {
        expect(typeof (map[type.name] as Record<string, unknown> | undefined)?.__resolveType, type.name).toBe('function');
      }
      if (type instanceof GraphQLScalarType && !isSpecifiedScalarType(type)) {
        expect(map[type.name], type.name).toBeInstanceOf(GraphQLScalarType);
      }
    }
  });
});
