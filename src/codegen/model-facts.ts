/**
 * What the dashboard shows of a kind without a hand-made page (docs/decisions/0039),
 * derived from the model (src/model/entities.ts) and schema.graphql: each kind's fields
 * as the dashboard renders them (written into web/src/api/__generated__/model.ts), and
 * the fragment ModelFacts that selects the fields of every kind not listed in
 * web/src/operations/own-facts.ts (web/src/api/__generated__/model-facts.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isEnumType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { projectRoot } from '../config.js';
import { schemaFile } from '../graphql/type-defs.js';
import { ENTITY_KINDS, ENTITY_SECTIONS, localizedPlural, type EntitySection, type ModelField } from '../model/entities.js';
import { KINDS_WITH_OWN_FACTS } from '../../web/src/operations/own-facts.js';

/** Where the fragment ModelFacts is written. */
export const modelFactsFile = path.join(projectRoot, 'web', 'src', 'api', '__generated__', 'model-facts.ts');

/** One field of a kind as the dashboard shows it. */
export interface FieldFacts {
  /** The model's field name (`parties`). */
  name: string;
  /** Its response key in ModelFacts: the GraphQL field (`parties`), or the kind's singular before it where kinds clash (`claimStatus`). */
  key: string;
  /** How it is shown: a date, a text in several languages, an enum value in words, a link, a language, an address, or as is. */
  kind: 'scalar' | 'date' | 'localized' | 'enum' | 'ref' | 'language' | 'url';
  /** A list of values or references. */
  many: boolean;
  /** For an enum: its GraphQL enum type, whose words web/src/text/vocabulary.ts holds. */
  enumType?: string;
  /** For a localized field: it names the entity (the page's heading). */
  naming?: boolean;
}

/** The schema, parsed once. */
let schema: GraphQLSchema | undefined;
const loadSchema = (): GraphQLSchema => (schema ??= buildSchema(fs.readFileSync(schemaFile, 'utf8')));

/** The GraphQL type of a kind. */
function typeOf(section: EntitySection): GraphQLObjectType {
  const label = ENTITY_KINDS[section].label;
  const type = loadSchema().getType(label);
  if (!type || !isObjectType(type)) throw new Error(`schema.graphql: no object type ${label} for the model's ${section}`);
  return type;
}

/**
 * Whether the entity page shows a field apart: the id, the note, and the sources and
 * evidence statements Query.provenance lists under "Where this comes from".
 */
function shownApart(name: string, f: ModelField): boolean {
  if (name === 'id' || name === 'note') return true;
  return f.kind === 'ref' && (f.type === 'SOURCED_FROM' || (f.type === 'EVIDENCED_BY' && f.to.every((s) => s === 'statements')));
}

/** The GraphQL field a model field is read through (a localized field's plural gives every language). */
const graphqlName = (name: string, f: ModelField): string => (f.kind === 'localized' ? localizedPlural(name) : name);

/** A field's answer shape as GraphQL compares it when two kinds give it one response key (references alike whatever their type). */
function shapeOf(f: ModelField, type: string): string {
  const kind = f.kind === 'ref' ? 'ref' : f.kind === 'date' ? 'date' : f.kind === 'localized' ? 'texts' : '';
  return kind ? `${kind}:${type.replace(/\w+/, '')}` : type;
}

/**
 * The response keys of the kinds shown from the model: the GraphQL field's name, unless
 * two of those kinds answer it with different shapes (GraphQL refuses that under one
 * key): then the kind's singular prefixes it (`claimStatus`). Keys stay few (the server
 * limits aliases, GRAPHQL_MAX_ALIASES).
 */
function responseKeys(): Map<string, string> {
  const shapes = new Map<string, Set<string>>();
  const fields: Array<[EntitySection, string, ModelField, string]> = [];
  for (const section of modelFactsSections()) {
    const type = typeOf(section);
    for (const [name, f] of Object.entries(ENTITY_KINDS[section].fields as Readonly<Record<string, ModelField>>)) {
      const field = type.getFields()[graphqlName(name, f)];
      if (shownApart(name, f)) continue;
      if (!field) throw new Error(`schema.graphql: ${type.name} has no field ${graphqlName(name, f)} for the model's ${section}.${name}`);
      const shape = shapeOf(f, String(field.type));
      fields.push([section, name, f, shape]);
      shapes.set(graphqlName(name, f), (shapes.get(graphqlName(name, f)) ?? new Set()).add(shape));
    }
  }
  const keys = new Map<string, string>();
  for (const [section, name, f] of fields) {
    const graphql = graphqlName(name, f);
    const singular = ENTITY_KINDS[section].singular.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
    keys.set(`${section}.${name}`, shapes.get(graphql)!.size > 1 ? `${singular}${graphql.charAt(0).toUpperCase()}${graphql.slice(1)}` : graphql);
  }
  return keys;
}

/**
 * The fields of a kind the dashboard shows, in field order. A field the schema lacks is
 * an error naming both for a kind shown from the model; a hand-made page's kind may
 * expose a field otherwise (an event's `approximate` is its date's), so it is left out.
 */
export function fieldFactsOf(section: EntitySection): FieldFacts[] {
  const kind = ENTITY_KINDS[section];
  const type = typeOf(section);
  const keys = responseKeys();
  return Object.entries(kind.fields as Readonly<Record<string, ModelField>>)
    .filter(([name, f]) => !shownApart(name, f) && type.getFields()[graphqlName(name, f)] !== undefined)
    .map(([name, f]): FieldFacts => {
      const field = type.getFields()[graphqlName(name, f)]!;
      const key = keys.get(`${section}.${name}`) ?? graphqlName(name, f);
      if (f.kind === 'ref') return { name, key, kind: 'ref', many: f.many };
      const many = f.list === true;
      if (f.kind === 'date') return { name, key, kind: 'date', many };
      if (f.kind === 'localized') return { name, key, kind: 'localized', many, ...(f.names ? { naming: true } : {}) };
      if (f.kind === 'language' || f.kind === 'languageTag') return { name, key, kind: 'language', many };
      if (f.kind === 'url') return { name, key, kind: 'url', many };
      const named = getNamedType(field.type);
      if (f.kind === 'enum' && isEnumType(named)) return { name, key, kind: 'enum', many, enumType: named.name };
      return { name, key, kind: 'scalar', many };
    });
}

/** The selection of one field in ModelFacts (a date says whether it is approximate, as formatDate shows). */
function selection(section: EntitySection, f: FieldFacts): string {
  const spec = (ENTITY_KINDS[section].fields as Readonly<Record<string, ModelField>>)[f.name]!;
  const name = graphqlName(f.name, spec);
  const field = f.key === name ? name : `${f.key}: ${name}`;
  if (f.kind === 'date') return `${field} { iso approximate }`;
  if (f.kind === 'localized') return `${field} { ...Texts }`;
  if (f.kind === 'ref') return `${field} { id label(lang: $lang) entityKind }`;
  return field;
}

/** The sections of the kinds shown from the model: those without hand-made facts. */
export function modelFactsSections(): EntitySection[] {
  return ENTITY_SECTIONS.filter((s) => !KINDS_WITH_OWN_FACTS.includes(ENTITY_KINDS[s].label.toUpperCase()));
}

/** The text of web/src/api/__generated__/model-facts.ts. */
export function modelFactsModule(): string {
  const sections = modelFactsSections();
  const parts = sections.map((s) => `    ... on ${ENTITY_KINDS[s].label} { ${fieldFactsOf(s).map((f) => selection(s, f)).join(' ')} }`);
  return [
    '/* Generated by `npm run generate` from src/model/entities.ts, schema.graphql and web/src/operations/own-facts.ts: do not edit. */',
    '',
    '/**',
    ' * The fields of every kind without hand-made facts, keyed as MODEL_KINDS[kind].fields say',
    ' * (web/src/api/__generated__/model.ts): spread `...ModelFacts` on an entity, with the',
    ' * fragment Texts defined (web/src/operations/entity.ts asks them apart from the page).',
    ' */',
    'export const modelFactsFields = /* GraphQL */ `',
    '  fragment ModelFacts on Entity {',
    '    id',
    ...parts,
    '  }',
    '`;',
    '',
  ].join('\n');
}
