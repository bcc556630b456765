/**
 * The seed planner in reverse: turns the nodes and relationships of the graph back
 * into seed files, one per origin (the file's main source), so that loading the files
 * with the normal seed loader gives the same graph. API-written facts (origin
 * `api:<file>`) go into the file of their source and become part of it.
 */
import {
  DATE_FIELDS,
  derivedProperties,
  ENTITY_KINDS,
  ENTITY_SECTIONS,
  FILE_MENTIONS,
  FILE_SOURCE_TYPE,
  INCOMING_TYPES,
  localizedFieldOfProperty,
  localizedFieldsOf,
  referencesOf,
  SECTION_OF_LABEL,
  type EntitySection,
  type ReferenceField,
} from '../model/entities.js';
import { fallbackOrder, localizedTexts } from '../model/languages.js';
import type { DatePrecision } from '../model/vocabulary.js';
import { formatPartialDate, toPlain } from '../neo4j/values.js';
import type { SeedFile } from '../seed/seed-schema.js';
import { fileOfOrigin } from '../write/writable-sections.js';
import { OUTSIDE_PROPERTY } from '../model/claim-groups.js';

/** A node as read for export. */
export interface ExportNode {
  id: string;
  label: string;
  props: Record<string, unknown>;
}

/** A relationship as read for export. */
export interface ExportRel {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** One reconstructed seed file: its main source id and its content. */
export interface ExportedFile {
  source: string;
  seed: SeedFile;
}

/** Which field of the owning entity each relationship type comes from, keyed `Label|TYPE` (the model's references, reversed). */
const FIELD_OF: ReadonlyMap<string, { field: string; spec: ReferenceField }> = new Map(
  ENTITY_SECTIONS.flatMap((s) => referencesOf(s).map(([field, spec]) => [`${ENTITY_KINDS[s].label}|${spec.type}`, { field, spec }] as const)),
);

/** `Label.field` of the reference lists without an order of their own, sorted by id on export; the item field holding the id, if any. */
const UNORDERED_LISTS: ReadonlyMap<string, string | undefined> = new Map(
  ENTITY_SECTIONS.flatMap((s) =>
    referencesOf(s)
      .filter(([, r]) => r.many && !r.positionAs)
      .map(([field, r]) => [`${ENTITY_KINDS[s].label}.${field}`, r.inner] as const),
  ),
);

/** Properties the loader derives, which a seed file does not hold, per label. */
const DERIVED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  ENTITY_SECTIONS.map((s) => [ENTITY_KINDS[s].label, new Set(derivedProperties(s))]),
);

/** A seed entry's scalar fields from a node's properties; localized text from its `<field>.<tag>` properties, in the default fallback order. */
function scalarFields(label: string, props: Record<string, unknown>): Record<string, unknown> {
  const plain = toPlain(props) as Record<string, unknown>;
  const derived = DERIVED.get(label) ?? new Set(['origin']);
  const section = SECTION_OF_LABEL[label];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plain)) {
    // A fact's outside groups go back to its file's `outside` section (docs/decisions/0043), not into the entry.
    if (derived.has(k) || k === OUTSIDE_PROPERTY || v === null || (section && localizedFieldOfProperty(section, k))) continue;
    out[k] = DATE_FIELDS.has(k) && typeof v === 'string' ? formatPartialDate(v, plain[`${k}Precision`] as DatePrecision) : v;
  }
  if (section) {
    const originalField = (ENTITY_KINDS[section] as { originalLanguage?: string }).originalLanguage;
    const original = originalField === undefined ? undefined : (plain[originalField] as string | undefined);
    for (const field of localizedFieldsOf(section)) {
      const texts = localizedTexts(plain, field);
      const order = fallbackOrder(Object.keys(texts), null, original);
      if (order.length > 0) out[field] = Object.fromEntries(order.map((t) => [t, texts[t]]));
    }
  }
  return out;
}

/** Orders an entry's fields as the model lists them. */
function ordered(section: EntitySection, entry: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(ENTITY_KINDS[section].fields)) if (entry[k] !== undefined) out[k] = entry[k];
  return out;
}

/** Rebuilds seed files from nodes and relationships (see the module comment). */
export function graphToSeeds(nodes: ExportNode[], rels: ExportRel[]): ExportedFile[] {
  const entries = new Map<string, { label: string; file: string; entry: Record<string, unknown>; positioned?: Record<string, Array<[number, string]>> }>();
  for (const n of nodes) {
    entries.set(n.id, { label: n.label, file: fileOfOrigin(String(n.props.origin)), entry: scalarFields(n.label, n.props) });
  }
  const incoming = new Set<string>(INCOMING_TYPES);
  for (const r of rels) {
    const ownerId = incoming.has(r.type) ? r.to : r.from;
    const other = incoming.has(r.type) ? r.from : r.to;
    const owner = entries.get(ownerId);
    if (!owner) continue;
    if (r.type === FILE_MENTIONS.type && owner.label === FILE_MENTIONS.from) continue; // derived from the file's references
    if (r.type === FILE_SOURCE_TYPE && other === owner.file) continue; // every fact of a file is sourced from it
    const ref = FIELD_OF.get(`${owner.label}|${r.type}`);
    if (!ref) throw new Error(`cannot export ${r.type} from ${owner.label} ${ownerId}: no seed field makes it`);
    const { field, spec } = ref;
    const e = owner.entry;
    if (spec.positionAs) {
      ((owner.positioned ??= {})[field] ??= []).push([Number(toPlain(r.props[spec.positionAs])), other]);
    } else if (spec.inner) {
      const item: Record<string, unknown> = { [spec.inner]: other };
      for (const [p, def] of Object.entries(spec.itemProperties ?? {})) item[p] = r.props[p] ?? def.default;
      ((e[field] ??= []) as Array<Record<string, unknown>>).push(item);
    } else if (spec.many) ((e[field] ??= []) as string[]).push(other);
    else e[field] = other;
  }

  const files = new Map<string, Partial<Record<EntitySection, Array<Record<string, unknown>>>> & { source?: Record<string, unknown> }>();
  for (const [id, item] of entries) {
    for (const [k, hops] of Object.entries(item.positioned ?? {})) item.entry[k] = hops.sort((a, b) => a[0] - b[0]).map(([, s]) => s);
    for (const [k, v] of Object.entries(item.entry)) {
      // Reference lists are sets (sorted for a stable file); positioned lists and scalar lists keep their order.
      if (Array.isArray(v) && UNORDERED_LISTS.has(`${item.label}.${k}`)) {
        const inner = UNORDERED_LISTS.get(`${item.label}.${k}`);
        const idOf = (x: unknown): string => (inner === undefined ? String(x) : String((x as Record<string, unknown>)[inner]));
        v.sort((a: unknown, b: unknown) => idOf(a).localeCompare(idOf(b)));
      }
    }
    const section = SECTION_OF_LABEL[item.label];
    if (!section) continue;
    const file = files.get(item.file) ?? {};
    files.set(item.file, file);
    const entry = ordered(section, { id, ...item.entry });
    if (section === 'sources' && id === item.file) file.source = entry;
    else (file[section] ??= []).push(entry);
  }

  const out: ExportedFile[] = [];
  for (const [source, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!content.source) throw new Error(`the graph holds facts of file "${source}" but no source with that id`);
    const seed: Record<string, unknown> = { source: content.source };
    for (const section of ENTITY_SECTIONS) {
      const list = content[section];
      if (list && list.length > 0) seed[section] = list.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    const outside = outsideOf(nodes.filter((n) => fileOfOrigin(String(n.props.origin)) === source));
    if (outside.length > 0) seed.outside = outside;
    out.push({ source, seed: seed as SeedFile });
  }
  return out;
}

/** A file's `outside` section from its facts' outside groups ("place", "participants:wendy-sherman"), by fact id and group. */
function outsideOf(nodes: ExportNode[]): Array<{ of: string; group: string; items?: string[] }> {
  const out: Array<{ of: string; group: string; items?: string[] }> = [];
  for (const n of [...nodes].sort((a, b) => a.id.localeCompare(b.id))) {
    const keys = toPlain(n.props[OUTSIDE_PROPERTY]) as string[] | undefined;
    if (!Array.isArray(keys)) continue;
    const items = new Map<string, string[]>();
    for (const key of keys) {
      const colon = key.indexOf(':');
      if (colon < 0) out.push({ of: n.id, group: key });
      else items.set(key.slice(0, colon), [...(items.get(key.slice(0, colon)) ?? []), key.slice(colon + 1)]);
    }
    for (const [group, list] of items) out.push({ of: n.id, group, items: list });
  }
  return out;
}
