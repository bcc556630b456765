/**
 * Turns validated seed files into the rows the loader writes: one row per
 * node (label, id, properties) and one per relationship (type, endpoints,
 * properties). This is where the mapping documented in docs/model.md lives.
 */
import { CAMEO_LABELS, DEMAND_CAMEO, STANCE_CAMEO, type StanceKind } from '../graph/vocabulary.js';
import { partialDateToRange, toProperty } from '../neo4j/values.js';
import type { SeedFile } from './seed-schema.js';
import type { EntitySection, ValidSeedFile } from './validate-seeds.js';

/** The node labels of the graph, one per entity section. */
export const SECTION_LABELS = {
  sources: 'Source',
  actors: 'Actor',
  places: 'Place',
  issues: 'Issue',
  instruments: 'Instrument',
  offices: 'Office',
  memberships: 'Membership',
  demands: 'Demand',
  statements: 'Statement',
  stances: 'Stance',
  events: 'Event',
  figures: 'Figure',
} as const satisfies Record<EntitySection, string>;
/** A node label of the graph. */
export type NodeLabel = (typeof SECTION_LABELS)[EntitySection];

/** The relationship types of the graph. */
export const RELATIONSHIP_TYPES = [
  'PUBLISHED_BY', 'CITES', 'MENTIONS', 'PART_OF', 'WITHIN', 'SUBISSUE_OF', 'ISSUED_BY', 'ADDRESSED_TO',
  'HOLDS', 'OFFICE_IN', 'HAS_MEMBERSHIP', 'MEMBERSHIP_IN', 'MADE_DEMAND', 'SET_OUT_IN', 'SAID',
  'ON_BEHALF_OF', 'REPORTED_IN', 'RELAYED_BY', 'SAID_AT', 'TOOK', 'RESPONDS_TO', 'TOWARDS',
  'PARTICIPATED_IN', 'TOOK_PLACE_IN', 'FOLLOWS', 'IN_RESPONSE_TO', 'CLAIMED_BY', 'FIGURE_OF',
  'CONCERNS', 'EVIDENCED_BY', 'SOURCED_FROM',
] as const;
/** A relationship type of the graph. */
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

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

/** Seed fields holding partial dates: stored as a Neo4j Date (and `<field>End`) with `<field>Precision`. */
export const DATE_FIELDS: ReadonlySet<string> = new Set(['published', 'asOf', 'from', 'until', 'since', 'said', 'date']);
/** Fields that become relationships rather than properties. */
const REFERENCE_FIELDS = new Set([
  'publisher', 'cites', 'partOf', 'within', 'parent', 'issuedBy', 'addressedTo', 'holder', 'organization',
  'member', 'by', 'of', 'instrument', 'issues', 'evidence', 'sources', 'speaker', 'onBehalfOf', 'source',
  'via', 'event', 'mentions', 'respondsTo', 'towards', 'participants', 'place', 'inResponseTo', 'previous',
  'claimedBy',
]);

function nodeProps(record: Record<string, unknown>, origin: string): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = { origin };
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined || REFERENCE_FIELDS.has(field)) continue;
    if (DATE_FIELDS.has(field) && typeof value === 'string') {
      const range = partialDateToRange(value);
      props[field] = range.start;
      props[`${field}Precision`] = range.precision;
      props[`${field}End`] = range.end;
    } else {
      props[field] = toProperty(value) as PropertyValue;
    }
  }
  if (Array.isArray(record.aliases)) props.aliasesText = (record.aliases as string[]).join(' | ');
  return props;
}

/** Plans the nodes and relationships of the given files. */
export function planGraph(files: ValidSeedFile[]): GraphPlan {
  const nodes: NodeRow[] = [];
  const rels = new Map<string, RelRow>();
  const origins: string[] = [];
  const originFiles: Record<string, string> = {};

  for (const { seed, file } of files) {
    const origin = seed.source.id;
    origins.push(origin);
    originFiles[origin] = file;
    const rel = (type: RelationshipType, from: string, to: string | undefined, extra: Record<string, PropertyValue> = {}): void => {
      if (to === undefined) return;
      const key = `${type}|${from}|${to}`;
      if (!rels.has(key)) rels.set(key, { key, type, from, to, props: { origin, key, ...extra } });
    };
    const many = (type: RelationshipType, from: string, to: string[] | undefined): void => {
      for (const t of to ?? []) rel(type, from, t);
    };
    const node = (label: NodeLabel, record: Record<string, unknown>, extra: Record<string, PropertyValue> = {}): string => {
      const id = record.id as string;
      nodes.push({ id, label, props: { ...nodeProps(record, origin), ...extra } });
      return id;
    };
    const sourced = (id: string, sources: string[] | undefined): void => {
      rel('SOURCED_FROM', id, origin);
      many('SOURCED_FROM', id, sources);
    };
    const mentioned = new Set<string>();
    const mention = (...ids: Array<string | undefined | string[]>): void => {
      for (const x of ids.flat()) if (x !== undefined) mentioned.add(x);
    };

    for (const s of [seed.source, ...(seed.sources ?? [])]) {
      node('Source', s);
      rel('PUBLISHED_BY', s.id, s.publisher);
      many('CITES', s.id, s.cites);
    }
    for (const a of seed.actors ?? []) {
      node('Actor', a);
      rel('PART_OF', a.id, a.partOf);
      mention(a.id);
    }
    for (const p of seed.places ?? []) {
      node('Place', p);
      rel('WITHIN', p.id, p.within);
    }
    for (const i of seed.issues ?? []) {
      node('Issue', i);
      rel('SUBISSUE_OF', i.id, i.parent);
    }
    for (const x of seed.instruments ?? []) {
      node('Instrument', x);
      many('ISSUED_BY', x.id, x.issuedBy);
      many('ADDRESSED_TO', x.id, x.addressedTo);
      sourced(x.id, x.sources);
      mention(x.issuedBy, x.addressedTo);
    }
    for (const o of seed.offices ?? []) {
      node('Office', o);
      rel('HOLDS', o.holder, o.id);
      rel('OFFICE_IN', o.id, o.organization);
      sourced(o.id, o.sources);
      mention(o.holder, o.organization);
    }
    for (const m of seed.memberships ?? []) {
      node('Membership', m);
      rel('HAS_MEMBERSHIP', m.member, m.id);
      rel('MEMBERSHIP_IN', m.id, m.organization);
      sourced(m.id, m.sources);
      mention(m.member, m.organization);
    }
    for (const d of seed.demands ?? []) {
      const demandCode = d.cameoCode ?? DEMAND_CAMEO.code;
      node('Demand', d, { cameoCode: demandCode, cameoLabel: CAMEO_LABELS[demandCode]! });
      for (const by of d.by) rel('MADE_DEMAND', by, d.id);
      many('ADDRESSED_TO', d.id, d.of);
      rel('SET_OUT_IN', d.id, d.instrument);
      many('CONCERNS', d.id, d.issues);
      many('EVIDENCED_BY', d.id, d.evidence);
      sourced(d.id, d.sources);
      mention(d.by, d.of);
    }
    for (const s of seed.statements ?? []) {
      node('Statement', s);
      rel('SAID', s.speaker, s.id);
      rel('ON_BEHALF_OF', s.id, s.onBehalfOf);
      rel('REPORTED_IN', s.id, s.source);
      (s.via ?? []).forEach((v, i) => rel('RELAYED_BY', s.id, v, { hop: toProperty(i + 1) }));
      rel('SAID_AT', s.id, s.event);
      many('CONCERNS', s.id, s.issues);
      many('MENTIONS', s.id, s.mentions);
      mention(s.speaker, s.onBehalfOf, s.mentions);
    }
    for (const s of seed.stances ?? []) {
      const stanceCode = s.cameoCode ?? STANCE_CAMEO[s.kind as StanceKind].code;
      node('Stance', s, { cameoCode: stanceCode, cameoLabel: CAMEO_LABELS[stanceCode]! });
      rel('TOOK', s.holder, s.id);
      rel('RESPONDS_TO', s.id, s.respondsTo);
      rel('TOWARDS', s.id, s.towards);
      many('CONCERNS', s.id, s.issues);
      many('EVIDENCED_BY', s.id, s.evidence);
      sourced(s.id, s.sources);
      mention(s.holder, s.towards);
    }
    for (const e of seed.events ?? []) {
      node('Event', e);
      for (const p of e.participants ?? []) rel('PARTICIPATED_IN', p.actor, e.id, { role: p.role });
      rel('TOOK_PLACE_IN', e.id, e.place);
      many('CONCERNS', e.id, e.issues);
      rel('PART_OF', e.id, e.partOf);
      many('IN_RESPONSE_TO', e.id, e.inResponseTo);
      rel('FOLLOWS', e.id, e.previous);
      many('CLAIMED_BY', e.id, e.claimedBy);
      many('EVIDENCED_BY', e.id, e.evidence);
      sourced(e.id, e.sources);
      mention(e.participants?.map((p) => p.actor), e.claimedBy);
    }
    for (const f of seed.figures ?? []) {
      node('Figure', f);
      rel('FIGURE_OF', f.id, f.event);
      many('CLAIMED_BY', f.id, f.claimedBy);
      many('EVIDENCED_BY', f.id, f.evidence);
      sourced(f.id, f.sources);
      mention(f.claimedBy);
    }
    for (const actor of mentioned) rel('MENTIONS', origin, actor);
  }
  return { origins, files: originFiles, nodes, rels: [...rels.values()] };
}

/** Counts rows per label or type, for summaries and tests. */
export function countBy<T>(rows: T[], keyOf: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[keyOf(r)] = (out[keyOf(r)] ?? 0) + 1;
  return out;
}

export type { SeedFile };
