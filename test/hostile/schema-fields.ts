/**
 * The Query fields of a running server, found by introspection, and ways to call each
 * of them: with harmless arguments, or with a chosen string in one string argument.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { postGraphql } from '../server/harness.js';

/** A GraphQL string literal for a JS string (JSON's escapes are GraphQL's). */
export const literal = (s: string): string => JSON.stringify(s);

/** One place a string can go: an argument, an element of a list argument, or a field of an input object. */
export interface Slot {
  field: string;
  /** e.g. `text`, `ids[0]`, `filter.actorIds[0]`. */
  where: string;
  /** Builds the argument list with the hostile value at this slot, as variables or literals. */
  args(value: string, mode: 'variable' | 'literal'): { text: string; variables: Record<string, unknown>; declarations: string };
  /** Whether the field returns an object (needs a selection). */
  composite: boolean;
}

/** Distinct real ids, one per call, so that fromId differs from toId and lists have distinct items. */
function idPool(): () => string {
  const pool = ['russia', 'ukraine', 'osce', 'nato-russia-council', 'jens-stoltenberg'];
  let i = 0;
  return () => pool[i++ % pool.length]!;
}

/** A harmless value of an input type, for the arguments that are not under test. */
function filler(type: GraphQLInputType, ids = idPool()): unknown {
  if (isNonNullType(type)) return filler(type.ofType, ids);
  // Two items: some fields want at least two distinct ids (agreement).
  if (isListType(type)) return [filler(type.ofType, ids), filler(type.ofType, ids)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) return {};
  switch (type.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2022';
    default:
      return ids();
  }
}

/** Whether a named input type takes a string from the client. */
const takesString = (type: GraphQLInputType): boolean => {
  const named = getNamedType(type);
  return isScalarType(named) && !['Int', 'Float', 'Boolean'].includes(named.name);
};

/** The schema a running server reports by introspection. */
export async function introspect(url: string): Promise<GraphQLSchema> {
  const res = await postGraphql(url, { query: getIntrospectionQuery() });
  return buildClientSchema(res.body.data as unknown as IntrospectionQuery);
}

/** Every Query field called with harmless values for its required arguments. */
export function plainCalls(schema: GraphQLSchema): { field: string; query: string; variables: Record<string, unknown> }[] {
  return Object.values(schema.getQueryType()!.getFields()).map((field) => {
    const values: Record<string, unknown> = {};
    const ids = idPool();
    for (const arg of field.args) if (isNonNullType(arg.type)) values[arg.name] = filler(arg.type, ids);
    const a = render(field.args, values, 'variable');
    const composite = !isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type));
    return { field: field.name, query: `query Call${a.declarations} { ${field.name}${a.text}${composite ? ' { __typename }' : ''} }`, variables: a.variables };
  });
}

/** Every string slot of every Query field. */
export function stringSlots(schema: GraphQLSchema): Slot[] {
  const slots: Slot[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const composite = !isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type));
    // Paths into the arguments where a string can go.
    const targets: { where: string; set: (values: Record<string, unknown>, v: string) => void }[] = [];
    for (const arg of field.args) {
      const inner = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
      if (isListType(inner) && takesString(inner)) targets.push({ where: `${arg.name}[0]`, set: (vals, v) => void (vals[arg.name] = [v]) });
      else if (!isListType(inner) && takesString(inner)) targets.push({ where: arg.name, set: (vals, v) => void (vals[arg.name] = v) });
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) {
        for (const f of Object.values(named.getFields())) {
          if (!takesString(f.type)) continue;
          const list = isListType(isNonNullType(f.type) ? f.type.ofType : f.type);
          targets.push({ where: `${arg.name}.${f.name}${list ? '[0]' : ''}`, set: (vals, v) => void (vals[arg.name] = { [f.name]: list ? [v] : v }) });
        }
      }
    }
    for (const target of targets) {
      slots.push({
        field: field.name,
        where: target.where,
        composite,
        args(value, mode) {
          const values: Record<string, unknown> = {};
          const ids = idPool();
          for (const arg of field.args) if (isNonNullType(arg.type)) values[arg.name] = filler(arg.type, ids);
          target.set(values, value);
          return render(field.args, values, mode);
        },
      });
    }
  }
  return slots;
}

/** Renders argument values as `(a: $a, ...)` with variables, or as literals. */
function render(args: readonly GraphQLArgument[], values: Record<string, unknown>, mode: 'variable' | 'literal') {
  const used = args.filter((a) => a.name in values);
  if (used.length === 0) return { text: '', variables: {}, declarations: '' };
  if (mode === 'variable') {
    return {
      text: `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})`,
      variables: Object.fromEntries(used.map((a) => [a.name, values[a.name]])),
      declarations: `(${used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})`,
    };
  }
  const lit = (type: GraphQLInputType, v: unknown): string => {
    const t = isNonNullType(type) ? type.ofType : type;
    if (Array.isArray(v)) return `[${v.map((x) => lit(isListType(t) ? t.ofType : t, x)).join(', ')}]`;
    if (isEnumType(t)) return String(v);
    if (isInputObjectType(t)) {
      const fields = t.getFields();
      return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${lit(fields[k]!.type, x)}`).join(', ')}}`;
    }
    return typeof v === 'string' ? literal(v) : String(v);
  };
  return { text: `(${used.map((a) => `${a.name}: ${lit(a.type, values[a.name])}`).join(', ')})`, variables: {}, declarations: '' };
}

