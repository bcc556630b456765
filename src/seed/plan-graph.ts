/**
 * Turns validated seed files into the rows the loader writes: one row per
 * node (label, id, properties) and one per relationship (type, endpoints,
 * properties). This is where the mapping documented in docs/model.md lives.
 */
import {
  DATE_FIELDS,
  ENTITY_KINDS,
  ENTITY_SECTIONS,
  FILE_MENTIONS,
  FILE_SOURCE_TYPE,
  referencesOf,
  scalarsOf,
  type EntitySection,
  type NodeLabel,
  type RelationshipType,
} from '../model/entities.js';
import { bestText, fallbackOrder, joinedProperty, localizedProperty } from '../model/languages.js';
import { CAMEO_LABELS } from '../model/vocabulary.js';
import { partialDateToRange, toProperty } from '../neo4j/values.js';
import type { SeedFile } from './seed-schema.js';
import type { ValidSeedFile } from './validate-seeds.js';
import { applyClaims } from './plan-claims.js';

export { DATE_FIELDS, RELATIONSHIP_TYPES, SECTION_LABELS, type NodeLabel, type RelationshipType } from '../model/entities.js';

type PropertyValue = string | number | boolean | string[] | object;

/** A node to write. */
export interface NodeRow {
  id: string;
  label: NodeLabel;
  props: Record<string, PropertyValue>;
}

/** A relationship to write; `key` identifies it across loads. */
export interface RelRow {
  key: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, PropertyValue>;
}

/** Where an id is defined: for messages that name the definition. */
export interface SeedSite {
  file: string;
  line: number;
  col: number;
  path: string;
}

/** Everything one load writes, and the origins (files) it owns. */
export interface GraphPlan {
  origins: string[];
  /** The file of each origin. */
  files: Record<string, string>;
  nodes: NodeRow[];
  rels: RelRow[];
  /** Where each planned id is defined, when the plan comes from parsed files. */
  sites?: Map<string, SeedSite>;
}

const REFERENCE_FIELDS: Record<EntitySection, ReadonlySet<string>> = Object.fromEntries(
  ENTITY_SECTIONS.map((s) => [s, new Set(referencesOf(s).map(([name]) => name))]),
) as unknown as Record<EntitySection, ReadonlySet<string>>;

/** Each section's reference fields and its scalar fields joined for search, read once: planning asks for them per record. */
const REFERENCES: Record<EntitySection, ReturnType<typeof referencesOf>> = Object.fromEntries(
  ENTITY_SECTIONS.map((s) => [s, referencesOf(s)]),
) as unknown as Record<EntitySection, ReturnType<typeof referencesOf>>;
const JOINED_SCALARS: Record<EntitySection, ReturnType<typeof scalarsOf>> = Object.fromEntries(
  ENTITY_SECTIONS.map((s) => [s, scalarsOf(s).filter(([, spec]) => spec.joinedAs)]),
) as unknown as Record<EntitySection, ReturnType<typeof scalarsOf>>;

const LOCALIZED_FIELDS: Record<EntitySection, ReadonlySet<string>> = Object.fromEntries(
  ENTITY_SECTIONS.map((s) => [s, new Set(scalarsOf(s).filter(([, f]) => f.kind === 'localized').map(([name]) => name))]),
) as unknown as Record<EntitySection, ReadonlySet<string>>;

/**
 * A localized field's properties: one per language (`name.en`), the text in the default
 * fallback order under the field's own name, and every language joined for the folding index.
 */
function localizedProps(field: string, texts: Record<string, string>, original: string | undefined): Record<string, string> {
  const order = fallbackOrder(Object.keys(texts), null, original);
  const props: Record<string, string> = {};
  for (const tag of order) props[localizedProperty(field, tag)] = texts[tag]!;
  props[field] = bestText(texts, null, original)!.text;
  props[joinedProperty(field)] = order.map((t) => texts[t]).join(' | ');
  return props;
}

function nodeProps(section: EntitySection, record: Record<string, unknown>, origin: string): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = { origin };
  const originalField = (ENTITY_KINDS[section] as { originalLanguage?: string }).originalLanguage;
  const original = originalField === undefined ? undefined : (record[originalField] as string | undefined);
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined || REFERENCE_FIELDS[section].has(field)) continue;
    if (LOCALIZED_FIELDS[section].has(field)) {
      Object.assign(props, localizedProps(field, value as Record<string, string>, original));
    } else if (DATE_FIELDS.has(field) && typeof value === 'string') {
      const range = partialDateToRange(value);
      props[field] = range.start;
      props[`${field}Precision`] = range.precision;
      props[`${field}End`] = range.end;
    } else {
      props[field] = toProperty(value) as PropertyValue;
    }
  }
  for (const [field, spec] of JOINED_SCALARS[section]) {
    if (spec.joinedAs && Array.isArray(record[field])) props[spec.joinedAs] = (record[field] as string[]).join(' | ');
  }
  const kind = ENTITY_KINDS[section];
  if ('defaultCameo' in kind) {
    const code = (record.cameoCode as string | undefined) ?? kind.defaultCameo(record);
    props.cameoCode = code;
    props.cameoLabel = CAMEO_LABELS[code]!;
  }
  return props;
}

/** What one entity plans: its node, its relationships and the actors it mentions. */
export interface EntityPlan {
  node: NodeRow;
  rels: RelRow[];
  /** The actors the entity's mention references name (and the entity itself, for an actor). */
  mentioned: string[];
}

/**
 * Plans one entity of `section` written by `origin` in the file whose main source is
 * `fileSource`: its node and the relationships its reference fields make, as the model
 * says (type, direction, relationship properties).
 */
export function planEntity(section: EntitySection, record: Record<string, unknown>, origin: string, fileSource: string): EntityPlan {
  const kind = ENTITY_KINDS[section];
  const id = record.id as string;
  const rels: RelRow[] = [];
  const mentioned: string[] = 'mentionedByFile' in kind ? [id] : [];
  const rel = (type: RelationshipType, from: string, to: string, extra: Record<string, PropertyValue> = {}): void => {
    const key = `${type}|${from}|${to}`;
    rels.push({ key, type, from, to, props: { origin, key, ...extra } });
  };
  for (const [field, spec] of REFERENCES[section]) {
    if (field === 'sources' && 'sourcedFromFile' in kind) rel(FILE_SOURCE_TYPE, id, fileSource);
    const value = record[field];
    if (value === undefined) continue;
    const items = (spec.many ? (value as unknown[]) : [value]);
    items.forEach((item, i) => {
      const other = spec.inner ? (item as Record<string, string>)[spec.inner]! : (item as string);
      const extra: Record<string, PropertyValue> = {};
      if (spec.positionAs) extra[spec.positionAs] = toProperty(i + 1) as PropertyValue;
      for (const p of Object.keys(spec.itemProperties ?? {})) extra[p] = (item as Record<string, PropertyValue>)[p]!;
      if (spec.direction === 'out') rel(spec.type, id, other, extra);
      else rel(spec.type, other, id, extra);
      if (spec.mention) mentioned.push(other);
    });
  }
  return { node: { id, label: kind.label, props: nodeProps(section, record, origin) }, rels, mentioned };
}

/** Plans the nodes and relationships of the given files. */
export function planGraph(files: ValidSeedFile[]): GraphPlan {
  const nodes: NodeRow[] = [];
  const rels = new Map<string, RelRow>();
  const origins: string[] = [];
  const originFiles: Record<string, string> = {};
  const add = (r: RelRow): void => {
    if (!rels.has(r.key)) rels.set(r.key, r);
  };

  for (const { seed, file } of files) {
    const origin = seed.source.id;
    origins.push(origin);
    originFiles[origin] = file;
    const mentioned = new Set<string>();
    for (const section of ENTITY_SECTIONS) {
      const records = (section === 'sources' ? [seed.source, ...(seed.sources ?? [])] : (seed[section] ?? [])) as Array<Record<string, unknown>>;
      for (const record of records) {
        const planned = planEntity(section, record, origin, origin);
        nodes.push(planned.node);
        planned.rels.forEach(add);
        for (const actor of planned.mentioned) mentioned.add(actor);
      }
    }
    for (const actor of mentioned) {
      const key = `${FILE_MENTIONS.type}|${origin}|${actor}`;
      add({ key, type: FILE_MENTIONS.type, from: origin, to: actor, props: { origin, key } });
    }
  }
  const plan: GraphPlan = { origins, files: originFiles, nodes, rels: [...rels.values()] };
  // Who asserts each claimed relationship, and which groups a file leaves to others' claims (docs/decisions/0043).
  applyClaims(plan, files);
  return plan;
}

/** Counts rows per label or type, for summaries and tests. */
export function countBy<T>(rows: T[], keyOf: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[keyOf(r)] = (out[keyOf(r)] ?? 0) + 1;
  return out;
}

export type { SeedFile };
