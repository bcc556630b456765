/**
 * The graph's entity kinds, defined once: label, seed section, fields, references
 * (relationship type, direction, target kinds, cardinality, mention), sort date and
 * searchable text. The planner, validation, export, the write API, the resolvers'
 * relation map and the invariant checks read this; schema.graphql and the dashboard's
 * kinds are compared with it by tests (test/model/). Imports nothing from the rest of src/.
 */
import {
  ACTOR_KINDS,
  CLAIM_QUALIFIERS,
  CLAIM_STATUSES,
  DEMAND_CAMEO,
  EVENT_KINDS,
  FIGURE_QUALIFIERS,
  INSTRUMENT_KINDS,
  PARTICIPANT_ROLES,
  PLACE_KINDS,
  REPORT_MODES,
  SOURCE_KINDS,
  STANCE_CAMEO,
  STANCE_KINDS,
  STATEMENT_MODES,
  type StanceKind,
} from './vocabulary.js';
import { joinedProperty } from './languages.js';

/** The sections of a seed file that hold entities, in file order. */
export const ENTITY_SECTIONS = [
  'sources',
  'actors',
  'places',
  'issues',
  'instruments',
  'offices',
  'memberships',
  'demands',
  'statements',
  'stances',
  'events',
  'figures',
  // Reports (issue 16, docs/decisions/0036 §1): last, since they name facts of every kind above.
  'reports',
  // Claims (issue 16, docs/decisions/0036 §2, 0043): after reports, which they cite as evidence.
  'claims',
] as const;
/** A section of a seed file that holds entities. */
export type EntitySection = (typeof ENTITY_SECTIONS)[number];

/** The relationship types of the graph. */
export const RELATIONSHIP_TYPES = [
  'PUBLISHED_BY', 'CITES', 'MENTIONS', 'PART_OF', 'WITHIN', 'SUBISSUE_OF', 'ISSUED_BY', 'ADDRESSED_TO',
  'HOLDS', 'OFFICE_IN', 'HAS_MEMBERSHIP', 'MEMBERSHIP_IN', 'MADE_DEMAND', 'SET_OUT_IN', 'SAID',
  'ON_BEHALF_OF', 'REPORTED_IN', 'RELAYED_BY', 'SAID_AT', 'TOOK', 'RESPONDS_TO', 'TOWARDS',
  'PARTICIPATED_IN', 'TOOK_PLACE_IN', 'FOLLOWS', 'IN_RESPONSE_TO', 'CLAIMED_BY', 'FIGURE_OF',
  'CONCERNS', 'EVIDENCED_BY', 'SOURCED_FROM', 'SPECIFIES',
  // Reports (issue 16, docs/decisions/0036 §1).
  'REPORTS', 'WORDED_BY',
  // Event chains (issue 16, docs/decisions/0045): a consequence the source names, beyond a party's response.
  'CAUSED_BY',
  // Claims (issue 16, docs/decisions/0036 §2, 0043).
  'CLAIM_OF', 'CLAIMED_IN',
] as const;
/** A relationship type of the graph. */
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** A scalar field of an entity: how it is written in a seed file and stored on the node. */
export interface ScalarField {
  /**
   * `localized`: text in one or more languages, `language`: an ISO 639 code (`ru`), `languageTag`: a BCP 47 tag
   * keeping a region (`pt-BR`); `localized` is keyed by BCP 47 tags, `{ en: "...", ru: "..." }` (see LANGUAGES). The
   * seed schema of each kind is derived from these (src/seed/seed-schema.ts).
   */
  kind: 'id' | 'text' | 'localized' | 'language' | 'languageTag' | 'url' | 'countryCode' | 'date' | 'number' | 'positiveInt' | 'boolean' | 'cameo' | 'enum';
  required?: boolean;
  /** A list of values (e.g. aliases). */
  list?: boolean;
  /** The allowed values of an enum field. */
  values?: readonly string[];
  /** The value an omitted enum field takes. */
  default?: string;
  /** Also stored joined with " | " under this property, for full-text search (aliases -> aliasesText). */
  joinedAs?: string;
  /** The language a plain text field is always written in (a statement's English gloss): searched with that language's analyzer only. */
  language?: string;
  /** A localized field that names the entity: words found in it rank higher in search, and it is the entity's label. */
  names?: boolean;
}

/** A field that names other entities by id and becomes relationships rather than properties. */
export interface ReferenceField {
  kind: 'ref';
  type: RelationshipType;
  /** `out`: entity -[type]-> target; `in`: target -[type]-> entity (e.g. SAID speaker -> statement). */
  direction: 'out' | 'in';
  /** The sections the ids may name. */
  to: readonly EntitySection[];
  /** A list of ids (or of items) rather than one id. */
  many: boolean;
  /** Required, and for lists at least one id. */
  required?: boolean;
  /** The actors it names count as mentioned by the file (Source -MENTIONS-> Actor). */
  mention?: boolean;
  /** For lists of items: the item field holding the id, e.g. participants[].actor. */
  inner?: string;
  /** Item fields stored on the relationship, e.g. participants[].role -> PARTICIPATED_IN.role. */
  itemProperties?: Readonly<Record<string, ScalarField>>;
  /** The list position (from 1) is stored on the relationship under this name, e.g. RELAYED_BY.hop. */
  positionAs?: string;
  /**
   * For a required list: what one item is, in words, for the message "a demand needs at least one <atLeastOne>";
   * without it, the singular of the first target kind ("a treaty needs at least one actor").
   */
  atLeastOne?: string;
}

/** One field of an entity kind. */
export type ModelField = ScalarField | ReferenceField;

/** One entity kind of the graph. */
export interface EntityKind {
  section: EntitySection;
  label: string;
  /** The kind in words, for messages ("a statement"). */
  singular: string;
  /** Every field in seed-file order (the export writes them in this order). */
  fields: Readonly<Record<string, ModelField>>;
  /** The date field lists of this kind sort by (newest first). */
  sortDate?: string;
  /** The text fields full-text search covers (the indexes of cypher/schema/004-search-languages.cypher, generated from the model). */
  searchText: readonly string[];
  /** The field holding the language the entity was written in (a source's `language`): a step of the fallback order. */
  originalLanguage?: string;
  /** Every entity of this kind is SOURCED_FROM its file's source, besides the `sources` it names. */
  sourcedFromFile?: boolean;
  /** Every entity of this kind defined in a file is mentioned by the file (actors). */
  mentionedByFile?: boolean;
  /** The default CAMEO code of an entity without one; the node also stores `cameoLabel`. */
  defaultCameo?: (record: Readonly<Record<string, unknown>>) => string;
  /** The API looks it up by id as `Query.<singular>(id:)` (the resolver is derived; schema.graphql declares the field). */
  lookup?: boolean;
  /** Date fields that must not be before another: [from, to]. */
  dateOrder?: readonly (readonly [string, string])[];
}

const ref = (type: RelationshipType, to: EntitySection | EntitySection[], extra: Partial<ReferenceField> = {}): ReferenceField => ({
  kind: 'ref',
  type,
  direction: 'out',
  to: Array.isArray(to) ? to : [to],
  many: false,
  ...extra,
});
const refs = (type: RelationshipType, to: EntitySection | EntitySection[], extra: Partial<ReferenceField> = {}): ReferenceField =>
  ref(type, to, { many: true, ...extra });
const text: ScalarField = { kind: 'text' };
const requiredText: ScalarField = { kind: 'text', required: true };
/** An analyst's note: written in English, so searched with the English analyzer (and the folding one) only. */
const note: ScalarField = { kind: 'text', language: 'en' };
/** A name or title: localized, required, naming the entity. */
const naming: ScalarField = { kind: 'localized', required: true, names: true };
const localized: ScalarField = { kind: 'localized' };
const date: ScalarField = { kind: 'date' };
const requiredDate: ScalarField = { kind: 'date', required: true };
const id: ScalarField = { kind: 'id', required: true };
const enumOf = (values: readonly string[], extra: Partial<ScalarField> = {}): ScalarField => ({ kind: 'enum', values, required: extra.default === undefined, ...extra });
const evidence = refs('EVIDENCED_BY', 'statements');
const sources = refs('SOURCED_FROM', 'sources');
const issues = refs('CONCERNS', 'issues');

// ── Claims (issue 16, docs/decisions/0036 §2, 0043) ──────────────────────
/** The kinds whose property groups and relationships a source can claim. */
export const CLAIMABLE_SECTIONS = ['statements', 'demands', 'events', 'stances', 'figures', 'instruments', 'memberships', 'offices'] as const satisfies readonly EntitySection[];
/** A kind a claim can be of. */
export type ClaimableSection = (typeof CLAIMABLE_SECTIONS)[number];

/**
 * The groups a source can claim of a fact, per kind: each names the fields it covers,
 * the first being the one a claim's `value` gives (a date, a number, an enum value, an
 * id, or an actor with a role for `participants`). A claim of another group is refused.
 */
export const CLAIM_GROUPS: { readonly [S in ClaimableSection]: Readonly<Record<string, readonly string[]>> } = {
  statements: { said: ['said'], speaker: ['speaker'], event: ['event'] },
  demands: { since: ['since'], addressedTo: ['of'], instrument: ['instrument'] },
  events: {
    when: ['date', 'until', 'approximate'], duration: ['durationMinutes'], place: ['place'], participants: ['participants'],
    status: ['status', 'claimedBy'],
  },
  stances: { date: ['date'], holder: ['holder'] },
  figures: { value: ['value', 'qualifier', 'unit'], asOf: ['asOf'], status: ['status', 'claimedBy'] },
  instruments: { published: ['published'], addressedTo: ['addressedTo'], issuedBy: ['issuedBy'] },
  memberships: { from: ['from'], until: ['until'] },
  offices: { asOf: ['asOf'], title: ['title'] },
};

/** Every entity kind, in seed-file section order. */
export const ENTITY_KINDS = {
  sources: {
    section: 'sources', label: 'Source', singular: 'source', lookup: true, sortDate: 'published',
    searchText: ['title', 'note'], originalLanguage: 'language',
    fields: {
      id, kind: enumOf(SOURCE_KINDS), title: naming,
      publisher: ref('PUBLISHED_BY', 'actors'), published: date, language: { kind: 'language', required: true },
      url: { kind: 'url' }, cites: refs('CITES', 'sources'), note,
    },
  },
  actors: {
    section: 'actors', label: 'Actor', singular: 'actor', lookup: true, mentionedByFile: true,
    searchText: ['name', 'aliasesText', 'description', 'note'],
    fields: {
      id, kind: enumOf(ACTOR_KINDS), name: naming, aliases: { kind: 'text', list: true, joinedAs: 'aliasesText', names: true },
      countryCode: { kind: 'countryCode' }, description: localized, partOf: ref('PART_OF', 'actors'), note,
    },
  },
  places: {
    section: 'places', label: 'Place', singular: 'place',
    searchText: ['name', 'note'],
    fields: { id, kind: enumOf(PLACE_KINDS), name: naming, within: ref('WITHIN', 'places'), note },
  },
  issues: {
    section: 'issues', label: 'Issue', singular: 'issue', lookup: true,
    searchText: ['name', 'description', 'note'],
    fields: { id, name: naming, description: localized, parent: ref('SUBISSUE_OF', 'issues'), note },
  },
  instruments: {
    section: 'instruments', label: 'Instrument', singular: 'instrument', sortDate: 'published', sourcedFromFile: true,
    searchText: ['title', 'note'],
    fields: {
      id, kind: enumOf(INSTRUMENT_KINDS), title: naming,
      issuedBy: refs('ISSUED_BY', 'actors', { required: true, mention: true, atLeastOne: 'issuer' }), addressedTo: refs('ADDRESSED_TO', 'actors', { mention: true }),
      published: requiredDate, sources, note,
    },
  },
  offices: {
    section: 'offices', label: 'Office', singular: 'office', sortDate: 'asOf', sourcedFromFile: true,
    searchText: [],
    fields: {
      id, holder: ref('HOLDS', 'actors', { direction: 'in', required: true, mention: true }), title: naming,
      organization: ref('OFFICE_IN', 'actors', { required: true, mention: true }), asOf: requiredDate, sources, note,
    },
  },
  memberships: {
    section: 'memberships', label: 'Membership', singular: 'membership', sortDate: 'from', sourcedFromFile: true,
    searchText: [], dateOrder: [['from', 'until']],
    fields: {
      id, member: ref('HAS_MEMBERSHIP', 'actors', { direction: 'in', required: true, mention: true }),
      organization: ref('MEMBERSHIP_IN', 'actors', { required: true, mention: true }), from: requiredDate, until: date, sources, note,
    },
  },
  demands: {
    section: 'demands', label: 'Demand', singular: 'demand', lookup: true, sortDate: 'since', sourcedFromFile: true,
    searchText: ['summary', 'note'],
    defaultCameo: () => DEMAND_CAMEO.code,
    fields: {
      id, by: refs('MADE_DEMAND', 'actors', { direction: 'in', required: true, mention: true, atLeastOne: 'actor making it' }),
      of: refs('ADDRESSED_TO', 'actors', { required: true, mention: true, atLeastOne: 'actor it is addressed to' }), summary: naming, since: requiredDate,
      instrument: ref('SET_OUT_IN', 'instruments'), issues, cameoCode: { kind: 'cameo' },
      // A narrower demand (NATO should not admit Ukraine) takes the status of the broader one it is a case of when nothing answers it (decision 0041).
      specifies: ref('SPECIFIES', 'demands'), evidence, sources, note,
    },
  },
  statements: {
    section: 'statements', label: 'Statement', singular: 'statement', lookup: true, sortDate: 'said',
    searchText: ['text', 'gloss', 'note'],
    fields: {
      id, speaker: ref('SAID', 'actors', { direction: 'in', required: true, mention: true }),
      onBehalfOf: ref('ON_BEHALF_OF', 'actors', { mention: true }), mode: enumOf(STATEMENT_MODES), text: requiredText,
      language: { kind: 'language', required: true }, gloss: { kind: 'text', required: true, language: 'en' }, said: requiredDate,
      source: ref('REPORTED_IN', 'sources', { required: true }), via: refs('RELAYED_BY', 'sources', { positionAs: 'hop' }),
      event: ref('SAID_AT', 'events'), issues, mentions: refs('MENTIONS', 'actors', { mention: true }), note,
    },
  },
  stances: {
    section: 'stances', label: 'Stance', singular: 'stance', sortDate: 'date', sourcedFromFile: true,
    // Searched by their summaries and notes (issue 16): "which stances speak of espionage".
    searchText: ['summary', 'note'],
    defaultCameo: (record) => STANCE_CAMEO[record.kind as StanceKind].code,
    fields: {
      id, holder: ref('TOOK', 'actors', { direction: 'in', required: true, mention: true }), kind: enumOf(STANCE_KINDS),
      cameoCode: { kind: 'cameo' }, date: requiredDate, respondsTo: ref('RESPONDS_TO', ['demands', 'instruments']),
      towards: ref('TOWARDS', 'actors', { mention: true }), issues, summary: naming,
      evidence: refs('EVIDENCED_BY', 'statements', { required: true, atLeastOne: 'evidence statement' }), sources, note,
    },
  },
  events: {
    section: 'events', label: 'Event', singular: 'event', lookup: true, sortDate: 'date', sourcedFromFile: true,
    searchText: ['name', 'description', 'note'], dateOrder: [['date', 'until']],
    fields: {
      id, kind: enumOf(EVENT_KINDS), name: naming, date: requiredDate, until: date,
      approximate: { kind: 'boolean' }, durationMinutes: { kind: 'positiveInt' }, place: ref('TOOK_PLACE_IN', 'places'),
      participants: refs('PARTICIPATED_IN', 'actors', {
        direction: 'in', mention: true, inner: 'actor', itemProperties: { role: enumOf(PARTICIPANT_ROLES, { default: 'PARTICIPANT' }) },
      }),
      issues, partOf: ref('PART_OF', 'events'), inResponseTo: refs('IN_RESPONSE_TO', 'events'), previous: ref('FOLLOWS', 'events'),
      // The events the source presents this one as a consequence of, where no party answers another (decision 0045).
      causedBy: refs('CAUSED_BY', 'events'),
      status: enumOf(CLAIM_STATUSES, { default: 'ESTABLISHED' }), claimedBy: refs('CLAIMED_BY', 'actors', { mention: true }),
      description: localized, evidence, sources, note,
    },
  },
  figures: {
    section: 'figures', label: 'Figure', singular: 'figure', sortDate: 'asOf', sourcedFromFile: true,
    // Searched by what they count and their notes (issue 16): "killed" finds the death tolls.
    searchText: ['quantity', 'note'],
    fields: {
      id, event: ref('FIGURE_OF', 'events', { required: true }), quantity: { kind: 'text', required: true, language: 'en' }, value: { kind: 'number', required: true },
      unit: text, qualifier: enumOf(FIGURE_QUALIFIERS, { default: 'EXACT' }), asOf: date,
      claimedBy: refs('CLAIMED_BY', 'actors', { mention: true }), status: enumOf(CLAIM_STATUSES, { default: 'ESTABLISHED' }),
      evidence, sources, note,
    },
  },
  // ── Reports (issue 16, docs/decisions/0036 §1) ──────────────────────────
  reports: {
    section: 'reports', label: 'Report', singular: 'report', sortDate: 'date',
    // Not searched yet: a fact is found through its own text; searching its renderings is left for later (0036).
    searchText: [],
    fields: {
      id, of: ref('REPORTS', ['statements', 'demands', 'events', 'stances', 'figures'], { required: true }),
      source: ref('REPORTED_IN', 'sources', { required: true }), via: refs('RELAYED_BY', 'sources', { positionAs: 'hop' }),
      mode: enumOf(REPORT_MODES), text: requiredText, language: { kind: 'languageTag', required: true }, gloss: localized,
      speaker: ref('WORDED_BY', 'actors', { mention: true }), date, note,
    },
  },
  // ── Claims (issue 16, docs/decisions/0036 §2, 0043) ─────────────────────
  claims: {
    section: 'claims', label: 'Claim', singular: 'claim',
    searchText: [],
    fields: {
      id, of: ref('CLAIM_OF', [...CLAIMABLE_SECTIONS], { required: true }), group: requiredText,
      // A number, a date, an enum value or an id, as the group's field takes it; a participant's role apart (CLAIM_GROUPS).
      value: { kind: 'text', required: true }, role: enumOf(PARTICIPANT_ROLES, { required: false }),
      qualifier: enumOf(CLAIM_QUALIFIERS, { required: false }),
      source: ref('CLAIMED_IN', 'sources', { required: true }), via: refs('RELAYED_BY', 'sources', { positionAs: 'hop' }),
      evidence: refs('EVIDENCED_BY', 'reports'), status: enumOf(CLAIM_STATUSES, { default: 'ESTABLISHED' }),
      claimedBy: refs('CLAIMED_BY', 'actors', { mention: true }), note,
    },
  },
} as const satisfies { [S in EntitySection]: EntityKind & { section: S } };

/** The node labels of the graph, one per entity section. */
export type NodeLabel = (typeof ENTITY_KINDS)[EntitySection]['label'];

/** The node label of each section. */
export const SECTION_LABELS = Object.fromEntries(ENTITY_SECTIONS.map((s) => [s, ENTITY_KINDS[s].label])) as {
  [S in EntitySection]: (typeof ENTITY_KINDS)[S]['label'];
};

/** The section of each node label. */
export const SECTION_OF_LABEL: Readonly<Record<string, EntitySection>> = Object.fromEntries(
  ENTITY_SECTIONS.map((s) => [ENTITY_KINDS[s].label, s]),
);

/** The sections the write API writes (one upsert mutation each); the rest are written only by seed files. */
export const API_WRITABLE_SECTIONS = ['sources', 'actors', 'statements', 'stances', 'demands', 'events'] as const satisfies readonly EntitySection[];
/** A section the write API writes. */
export type WritableSection = (typeof API_WRITABLE_SECTIONS)[number];

/** The relationship a file's main source has to every actor it mentions. */
export const FILE_MENTIONS = { type: 'MENTIONS', from: 'Source', to: 'Actor' } as const satisfies { type: RelationshipType; from: NodeLabel; to: NodeLabel };

/** The relationship every fact of a `sourcedFromFile` kind has to its file's source. */
export const FILE_SOURCE_TYPE: RelationshipType = 'SOURCED_FROM';

/** The entity kind of a section. */
export function kindOf(section: EntitySection): EntityKind {
  return ENTITY_KINDS[section];
}

/** The reference fields of a kind, in field order. */
export function referencesOf(section: EntitySection): Array<[string, ReferenceField]> {
  return Object.entries(kindOf(section).fields).filter((e): e is [string, ReferenceField] => e[1].kind === 'ref');
}

/** The scalar fields of a kind, in field order. */
export function scalarsOf(section: EntitySection): Array<[string, ScalarField]> {
  return Object.entries(kindOf(section).fields).filter((e): e is [string, ScalarField] => e[1].kind !== 'ref');
}

/** Every field of any kind that holds a partial date: stored as a Neo4j Date (and `<field>End`) with `<field>Precision`. */
export const DATE_FIELDS: ReadonlySet<string> = new Set(
  ENTITY_SECTIONS.flatMap((s) => scalarsOf(s).filter(([, f]) => f.kind === 'date').map(([name]) => name)),
);

/** The GraphQL field that gives all languages of a localized field: name -> names, summary -> summaries, gloss -> glosses. */
export function localizedPlural(field: string): string {
  if (field.endsWith('y')) return `${field.slice(0, -1)}ies`;
  return field.endsWith('s') ? `${field}es` : `${field}s`;
}

/** The localized fields of a kind, in field order. */
export function localizedFieldsOf(section: EntitySection): string[] {
  return scalarsOf(section).filter(([, f]) => f.kind === 'localized').map(([name]) => name);
}

/**
 * Node properties the loader derives from a kind's fields, which a seed file does not
 * hold. Besides these, every localized field is stored as one property per language,
 * `<field>.<tag>` (see isLocalizedProperty), which a write replaces whole.
 */
export function derivedProperties(section: EntitySection): string[] {
  const kind = kindOf(section);
  const out = ['origin'];
  for (const [name, f] of scalarsOf(section)) {
    if (f.kind === 'date') out.push(`${name}Precision`, `${name}End`);
    if (f.joinedAs) out.push(f.joinedAs);
    // The text in the default fallback order (what sorting and the cypher/ catalogue read), and every language joined for the folding index.
    if (f.kind === 'localized') out.push(name, joinedProperty(name));
  }
  if (kind.defaultCameo) out.push('cameoLabel');
  // Whose words a stance rests on, from its evidence (src/derived/attestation.ts, decision 0041).
  if (section === 'stances') out.push(...STANCE_ATTESTATION_PROPERTIES);
  return out;
}

/** The derived properties of a stance that say whose words it rests on (decision 0041): never authored. */
export const STANCE_ATTESTATION_PROPERTIES = ['attestation', 'attestedById'] as const;

/** Relationship types whose owner (the entity whose field makes them) is the end node. */
export const INCOMING_TYPES: readonly RelationshipType[] = [
  ...new Set(ENTITY_SECTIONS.flatMap((s) => referencesOf(s).filter(([, r]) => r.direction === 'in').map(([, r]) => r.type))),
];

/** Relationship types whose actor end counts as mentioned by the file (deriving Source -MENTIONS-> Actor). */
export const MENTION_TYPES: readonly RelationshipType[] = [
  ...new Set(ENTITY_SECTIONS.flatMap((s) => referencesOf(s).filter(([, r]) => r.mention === true).map(([, r]) => r.type))),
];

/** The localized field a node property `<field>.<tag>` stores one language of, or undefined for any other property. */
export function localizedFieldOfProperty(section: EntitySection, property: string): string | undefined {
  const dot = property.indexOf('.');
  if (dot < 0) return undefined;
  const field = property.slice(0, dot);
  return kindOf(section).fields[field]?.kind === 'localized' ? field : undefined;
}

// ── Derived data (issue 18, docs/decisions/0035) ──────────────────────────
/**
 * Labels of derived nodes: rebuilt from the entities by every write, never :Entity, so
 * never exported into seed files, counted as entities, checked or searched.
 */
export const DERIVED_LABELS = ['TopicPosition', 'MembershipDates'] as const;
