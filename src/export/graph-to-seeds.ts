/**
 * The seed planner in reverse: turns the nodes and relationships of the graph back
 * into seed files, one per origin (the file's main source), so that loading the files
 * with the normal seed loader gives the same graph. API-written facts (origin
 * `api:<file>`) go into the file of their source and become part of it.
 */
import type { DatePrecision } from '../graph/vocabulary.js';
import { formatPartialDate, toPlain } from '../neo4j/values.js';
import * as schemas from '../seed/seed-schema.js';
import type { SeedFile } from '../seed/seed-schema.js';
import { ENTITY_SECTIONS, type EntitySection } from '../seed/validate-seeds.js';
import { fileOfOrigin, INCOMING_TYPES, SECTION_OF_LABEL } from '../write/writable-sections.js';

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

type FieldRule = { field: string; many: boolean };

/** Which field of the owning entity each relationship type comes from (the planner's mapping, reversed). */
const FIELDS: Record<string, Record<string, FieldRule>> = {
  Source: { PUBLISHED_BY: { field: 'publisher', many: false }, CITES: { field: 'cites', many: true } },
  Actor: { PART_OF: { field: 'partOf', many: false } },
  Place: { WITHIN: { field: 'within', many: false } },
  Issue: { SUBISSUE_OF: { field: 'parent', many: false } },
  Instrument: { ISSUED_BY: { field: 'issuedBy', many: true }, ADDRESSED_TO: { field: 'addressedTo', many: true } },
  Office: { HOLDS: { field: 'holder', many: false }, OFFICE_IN: { field: 'organization', many: false } },
  Membership: { HAS_MEMBERSHIP: { field: 'member', many: false }, MEMBERSHIP_IN: { field: 'organization', many: false } },
  Demand: {
    MADE_DEMAND: { field: 'by', many: true },
    ADDRESSED_TO: { field: 'of', many: true },
    SET_OUT_IN: { field: 'instrument', many: false },
  },
  Statement: {
    SAID: { field: 'speaker', many: false },
    ON_BEHALF_OF: { field: 'onBehalfOf', many: false },
    REPORTED_IN: { field: 'source', many: false },
    SAID_AT: { field: 'event', many: false },
    MENTIONS: { field: 'mentions', many: true },
  },
  Stance: { TOOK: { field: 'holder', many: false }, RESPONDS_TO: { field: 'respondsTo', many: false }, TOWARDS: { field: 'towards', many: false } },
  Event: {
    TOOK_PLACE_IN: { field: 'place', many: false },
    PART_OF: { field: 'partOf', many: false },
    IN_RESPONSE_TO: { field: 'inResponseTo', many: true },
    FOLLOWS: { field: 'previous', many: false },
    CLAIMED_BY: { field: 'claimedBy', many: true },
  },
  Figure: { FIGURE_OF: { field: 'event', many: false }, CLAIMED_BY: { field: 'claimedBy', many: true } },
};
/** Fields every fact label shares. */
const SHARED: Record<string, FieldRule> = {
  CONCERNS: { field: 'issues', many: true },
  EVIDENCED_BY: { field: 'evidence', many: true },
  SOURCED_FROM: { field: 'sources', many: true },
};

const DATE_FIELDS = ['published', 'asOf', 'from', 'until', 'since', 'said', 'date'];
/** Properties the loader derives, which a seed file does not hold. */
const DERIVED = new Set(['origin', 'aliasesText', 'cameoLabel', ...DATE_FIELDS.flatMap((d) => [`${d}Precision`, `${d}End`])]);

/** The schema of each section, for the order of fields in an exported entry. */
const SECTION_SCHEMAS: Record<EntitySection, { shape: Record<string, unknown> }> = {
  sources: schemas.sourceSchema,
  actors: schemas.actorSchema,
  places: schemas.placeSchema,
  issues: schemas.issueSchema,
  instruments: schemas.instrumentSchema,
  offices: schemas.officeSchema,
  memberships: schemas.membershipSchema,
  demands: schemas.demandSchema,
  statements: schemas.statementSchema,
  stances: schemas.stanceSchema,
  events: schemas.eventSchema,
  figures: schemas.figureSchema,
};

/** A seed entry's scalar fields from a node's properties. */
function scalarFields(props: Record<string, unknown>): Record<string, unknown> {
  const plain = toPlain(props) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plain)) {
    if (DERIVED.has(k) || v === null) continue;
    out[k] = DATE_FIELDS.includes(k) && typeof v === 'string' ? formatPartialDate(v, plain[`${k}Precision`] as DatePrecision) : v;
  }
  return out;
}

/** Orders an entry's fields as its section's schema lists them. */
function ordered(section: EntitySection, entry: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(SECTION_SCHEMAS[section].shape);
  const out: Record<string, unknown> = {};
  for (const k of keys) if (entry[k] !== undefined) out[k] = entry[k];
  return out;
}

/** Rebuilds seed files from nodes and relationships (see the module comment). */
export function graphToSeeds(nodes: ExportNode[], rels: ExportRel[]): ExportedFile[] {
  const entries = new Map<string, { label: string; file: string; entry: Record<string, unknown>; hops?: Array<[number, string]> }>();
  for (const n of nodes) {
    entries.set(n.id, { label: n.label, file: fileOfOrigin(String(n.props.origin)), entry: scalarFields(n.props) });
  }
  const incoming = new Set<string>(INCOMING_TYPES);
  for (const r of rels) {
    const ownerId = incoming.has(r.type) ? r.to : r.from;
    const other = incoming.has(r.type) ? r.from : r.to;
    const owner = entries.get(ownerId);
    if (!owner) continue;
    if (r.type === 'MENTIONS' && owner.label === 'Source') continue; // derived from the file's references
    if (r.type === 'SOURCED_FROM' && other === owner.file) continue; // every fact of a file is sourced from it
    const e = owner.entry;
    if (r.type === 'RELAYED_BY') {
      (owner.hops ??= []).push([Number(toPlain(r.props.hop)), other]);
      continue;
    }
    if (r.type === 'PARTICIPATED_IN') {
      ((e.participants ??= []) as Array<Record<string, unknown>>).push({ actor: other, role: r.props.role ?? 'PARTICIPANT' });
      continue;
    }
    const rule = FIELDS[owner.label]?.[r.type] ?? SHARED[r.type];
    if (!rule) throw new Error(`cannot export ${r.type} from ${owner.label} ${ownerId}: no seed field makes it`);
    if (rule.many) ((e[rule.field] ??= []) as string[]).push(other);
    else e[rule.field] = other;
  }

  const files = new Map<string, Partial<Record<EntitySection, Array<Record<string, unknown>>>> & { source?: Record<string, unknown> }>();
  for (const [id, item] of entries) {
    if (item.hops) item.entry.via = item.hops.sort((a, b) => a[0] - b[0]).map(([, s]) => s);
    for (const [k, v] of Object.entries(item.entry)) {
      if (Array.isArray(v) && k !== 'aliases' && k !== 'via') {
        v.sort((a: unknown, b: unknown) => (typeof a === 'string' ? a.localeCompare(b as string) : String((a as { actor: string }).actor).localeCompare((b as { actor: string }).actor)));
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
    out.push({ source, seed: seed as SeedFile });
  }
  return out;
}
