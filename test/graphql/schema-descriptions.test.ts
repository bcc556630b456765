/**
 * Every part of the public schema is documented: each type (but the built-in
 * scalars and introspection types), each field of an object, interface or input
 * type, each argument and each enum value of schema.graphql has a non-empty
 * description, so GraphiQL and introspecting clients can explain all of it.
 */
import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';

const schema = buildASTSchema(loadTypeDefs());
const types: GraphQLNamedType[] = Object.values(schema.getTypeMap()).filter(
  (t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t),
);
const described = (d: string | null | undefined): boolean => typeof d === 'string' && d.trim().length > 0;

describe('schema.graphql descriptions', () => {
  it('covers a non-trivial schema', () => {
    expect(types.length).toBeGreaterThan(40);
  });

  it('every type has a description', () => {
    expect(types.filter((t) => !described(t.description)).map((t) => t.name)).toEqual([]);
  });

  it('every field of an object, interface or input type has a description', () => {
    const missing: string[] = [];
    for (const t of types) {
      if (!isObjectType(t) && !isInterfaceType(t) && !isInputObjectType(t)) continue;
      for (const f of Object.values(t.getFields())) if (!described(f.description)) missing.push(`${t.name}.${f.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('every argument has a description', () => {
    const missing: string[] = [];
    for (const t of types) {
      if (!isObjectType(t) && !isInterfaceType(t)) continue;
      for (const f of Object.values(t.getFields()))
        for (const a of f.args) if (!described(a.description)) missing.push(`${t.name}.${f.name}(${a.name})`);
    }
    expect(missing).toEqual([]);
  });

  it('every enum value has a description', () => {
    const missing: string[] = [];
    for (const t of types) {
      if (!isEnumType(t)) continue;
      for (const v of t.getValues()) if (!described(v.description)) missing.push(`${t.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
