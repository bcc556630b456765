/**
 * schema.graphql stays hand-written (SDL-first), so it is compared with the model
 * (src/model/entities.ts): every entity kind has its object type and EntityKind value,
 * every model field and reference its GraphQL field of the right type and nullability,
 * every model enum its GraphQL enum with the same values, and every writable section
 * its upsert mutation and input with the model's fields. A drift names both sides.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  API_WRITABLE_SECTIONS,
  ENTITY_KINDS,
  ENTITY_SECTIONS,
  localizedPlural,
  type ModelField,
  type ReferenceField,
  type ScalarField,
} from '../../src/model/entities.js';

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const MODEL = 'src/model/entities.ts';
const SDL = 'schema.graphql';

/** Model fields the API does not expose, with the reason (kept here, next to the comparison). */
const NOT_IN_API = new Set<string>(['Event.approximate']);

/** The GraphQL scalar a model scalar reads as. */
const OUTPUT_SCALAR: Record<Exclude<ScalarField['kind'], 'enum'>, string> = {
  id: 'ID', text: 'String', localized: 'String', language: 'String', languageTag: 'String', url: 'String', countryCode: 'String', date: 'PartialDate',
  number: 'Float', positiveInt: 'Int', boolean: 'Boolean', cameo: 'String',
};
/** The GraphQL scalar a model scalar is written as in a write input. */
const INPUT_SCALAR: Record<Exclude<ScalarField['kind'], 'enum'>, string> = { ...OUTPUT_SCALAR, date: 'Date', localized: 'LocalizedStringInput' };

/** Problems of one field: what the model says against what schema.graphql says. */
function compareField(where: string, field: ModelField, type: GraphQLOutputType | GraphQLInputType, input: boolean): string[] {
  const problems: string[] = [];
  const say = (what: string, model: string, sdl: string) =>
    problems.push(`${where}: ${what}: ${MODEL} says ${model}, ${SDL} says ${sdl}`);
  const named = getNamedType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (field.kind === 'ref') {
    const ref: ReferenceField = field;
    if (ref.many !== isListType(inner)) say('cardinality', ref.many ? 'many' : 'one', String(type));
    const nonNull = isNonNullType(type);
    // Output lists are never null (empty when none); outputs of a required single reference are non-null.
    const expectNonNull = input ? ref.required === true : ref.many || ref.required === true;
    if (nonNull !== expectNonNull) say('nullability', ref.required ? 'required' : 'optional', String(type));
    if (input) {
      const expected = ref.inner ? `${ref.inner[0]!.toUpperCase()}${ref.inner.slice(1)}` : 'ID';
      if (ref.inner ? !named.name.endsWith('Input') : named.name !== expected) say('type', ref.inner ? 'a list of items' : 'ids', named.name);
    } else if (!ref.inner) {
      const targets = ref.to.map((s) => ENTITY_KINDS[s].label);
      if (targets.length === 1 && named.name !== targets[0]) say('target', targets[0]!, named.name);
    }
    return problems;
  }
  const scalar: ScalarField = field;
  if (scalar.kind === 'enum') {
    if (!isEnumType(named)) say('type', `an enum of ${scalar.values!.join(', ')}`, named.name);
    else {
      const sdl = named.getValues().map((v) => v.name);
      if (JSON.stringify([...sdl].sort()) !== JSON.stringify([...scalar.values!].sort()))
        say(`values of enum ${named.name}`, scalar.values!.join(', '), sdl.join(', '));
    }
  } else {
    const expected = (input ? INPUT_SCALAR : OUTPUT_SCALAR)[scalar.kind];
    if (named.name !== expected) say('type', expected, named.name);
  }
  // Localized text is written as a list of { lang, text }.
  const list = scalar.list ?? (scalar.kind === 'localized' && input ? true : undefined);
  if (list !== undefined && list !== isListType(inner)) say('list', String(list), String(type));
  const expectNonNull = input ? scalar.required === true && scalar.default === undefined : scalar.required === true || scalar.default !== undefined;
  if (isNonNullType(type) !== expectNonNull && !(scalar.list && !input)) say('nullability', expectNonNull ? 'non-null' : 'nullable', String(type));
  return problems;
}

/** Every drift between the model and schema.graphql, as messages naming both sides. */
function drift(): string[] {
  const problems: string[] = [];
  const entityKind = schema.getType('EntityKind');
  const kinds = isEnumType(entityKind) ? entityKind.getValues().map((v) => v.name).sort() : [];
  const labels = ENTITY_SECTIONS.map((s) => ENTITY_KINDS[s].label.toUpperCase()).sort();
  if (JSON.stringify(kinds) !== JSON.stringify(labels)) problems.push(`EntityKind: ${MODEL} has ${labels.join(', ')}, ${SDL} has ${kinds.join(', ')}`);

  for (const section of ENTITY_SECTIONS) {
    const kind = ENTITY_KINDS[section];
    const type = schema.getType(kind.label);
    if (!isObjectType(type)) {
      problems.push(`${kind.label}: ${MODEL} defines the kind (section ${section}), ${SDL} has no object type ${kind.label}`);
      continue;
    }
    const gqlFields = type.getFields();
    for (const [name, field] of Object.entries(kind.fields) as Array<[string, ModelField]>) {
      if (NOT_IN_API.has(`${kind.label}.${name}`)) continue;
      const gql = gqlFields[name];
      if (!gql) problems.push(`${kind.label}.${name}: ${MODEL} has the field, ${SDL} has no field ${kind.label}.${name}`);
      // A kind with a default CAMEO code always stores one.
      else problems.push(...compareField(`${kind.label}.${name}`, field.kind === 'cameo' && 'defaultCameo' in kind ? { ...field, required: true } : field, gql.type, false));
      if (field.kind !== 'localized' || !gql) continue;
      // A localized field: `name(lang: String)` in the fallback order, and `names: LocalizedText!` with every language.
      const lang = gql.args.find((a) => a.name === 'lang');
      if (!lang || String(lang.type) !== 'String')
        problems.push(`${kind.label}.${name}: ${MODEL} says localized, ${SDL} has no argument lang: String (it has ${gql.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ') || 'none'})`);
      const plural = localizedPlural(name);
      const all = gqlFields[plural];
      // Null when an optional text is not given (LocalizedText.best needs one language).
      const expected = field.required ? 'LocalizedText!' : 'LocalizedText';
      if (!all || String(all.type) !== expected)
        problems.push(`${kind.label}.${plural}: ${MODEL} says ${name} is localized${field.required ? ' and required' : ''}, ${SDL} has ${all ? `${plural}: ${String(all.type)}` : `no field ${plural}`} instead of ${plural}: ${expected}`);
    }
    const modelNames = new Set(Object.keys(kind.fields).flatMap((n) => (kind.fields[n as keyof typeof kind.fields]!.kind === 'localized' ? [n, localizedPlural(n)] : [n])));
    for (const [name, gql] of Object.entries(gqlFields)) {
      // A field named like a localized one (e.g. Statement.titles) that the model does not define as localized.
      if (String(getNamedType(gql.type)) === 'LocalizedText' && !modelNames.has(name))
        problems.push(`${kind.label}.${name}: ${SDL} has localized text, ${MODEL} has no localized field of that name`);
    }
  }

  // Query.<singular>(id:) for each kind the model gives a lookup (the resolver is derived from `lookup`).
  const query = schema.getQueryType()!.getFields();
  for (const section of ENTITY_SECTIONS) {
    const kind: { label: string; singular: string; lookup?: boolean } = ENTITY_KINDS[section];
    const gql = query[kind.singular];
    const looksUp = gql !== undefined && String(getNamedType(gql.type)) === kind.label && gql.args.some((a) => a.name === 'id');
    if (kind.lookup === true && !looksUp) problems.push(`Query.${kind.singular}: ${MODEL} gives ${section} a lookup, ${SDL} has no Query.${kind.singular}(id: ID!): ${kind.label}`);
    if (kind.lookup !== true && looksUp) problems.push(`Query.${kind.singular}: ${SDL} looks ${kind.label} up by id, ${MODEL} gives ${section} no \`lookup: true\``);
  }

  const mutation = schema.getMutationType()!.getFields();
  const upserts = Object.keys(mutation).filter((m) => m.startsWith('upsert')).sort();
  const writable = API_WRITABLE_SECTIONS.map((s) => `upsert${ENTITY_KINDS[s].label}`).sort();
  if (JSON.stringify(upserts) !== JSON.stringify(writable))
    problems.push(`Mutation: ${MODEL} API_WRITABLE_SECTIONS gives ${writable.join(', ')}, ${SDL} has ${upserts.join(', ')}`);
  for (const section of API_WRITABLE_SECTIONS) {
    const kind = ENTITY_KINDS[section];
    const input = schema.getType(`${kind.label}Input`);
    if (!isInputObjectType(input)) {
      problems.push(`${kind.label}Input: ${MODEL} makes ${section} writable, ${SDL} has no input ${kind.label}Input`);
      continue;
    }
    const gqlFields = input.getFields();
    const modelFields = Object.keys(kind.fields);
    for (const name of Object.keys(gqlFields)) {
      if (!modelFields.includes(name)) problems.push(`${kind.label}Input.${name}: ${SDL} has the field, ${MODEL} has no field ${section}.${name}`);
    }
    for (const [name, field] of Object.entries(kind.fields) as Array<[string, ModelField]>) {
      const gql = gqlFields[name];
      if (!gql) problems.push(`${kind.label}Input.${name}: ${MODEL} has the field, ${SDL} has no field ${kind.label}Input.${name}`);
      else problems.push(...compareField(`${kind.label}Input.${name}`, field, gql.type, true));
    }
  }
  return problems;
}

describe('schema.graphql against the model', () => {
  it('has every entity kind, field, reference, enum value and write input the model defines, with the same types', () => {
    expect(drift()).toEqual([]);
  });
});
