/**
 * The fixed map from GraphQL relationship fields to graph relationships:
 * which type, which direction, which label at the other end (from the model where
 * the field is a model reference). Relationship
 * types reach Cypher only from here, never from client input.
 */
import { ENTITY_KINDS, ENTITY_SECTIONS, FILE_MENTIONS, referencesOf, type EntityKind, type EntitySection, type NodeLabel, type RelationshipType } from '../model/entities.js';

/** How a field follows the graph. */
export interface Relation {
  type: RelationshipType;
  dir: 'out' | 'in';
  /** Label required at the other end, if the type links several. */
  label?: NodeLabel;
  /** Single-valued field (the first match, or null). */
  one?: boolean;
  /** Sort by this relationship property (e.g. hop) instead of by date. */
  sortByRel?: string;
}

/** The relation a GraphQL field named like a model reference follows: the reference's type, direction and cardinality. */
function reference(section: EntitySection, field: string): Relation {
  const ref = (ENTITY_KINDS[section] as EntityKind).fields[field];
  if (ref?.kind !== 'ref') throw new Error(`src/graph/relations.ts: the model has no reference ${section}.${field}`);
  return { type: ref.type, dir: ref.direction, ...(ref.many ? {} : { one: true }), ...(ref.positionAs ? { sortByRel: ref.positionAs } : {}) };
}

/**
 * The inverse of a model reference, read from its other end (an actor's offices are
 * the offices whose `holder` names it): the same type, the other direction, a list;
 * `byLabel` when the type also joins other kinds to this end (ADDRESSED_TO: demands
 * and instruments), so the kind at the other end must be checked.
 */
function inverse(section: EntitySection, field: string, byLabel = false): Relation {
  const kind: EntityKind = ENTITY_KINDS[section];
  const ref = kind.fields[field];
  if (ref?.kind !== 'ref') throw new Error(`src/graph/relations.ts: the model has no reference ${section}.${field}`);
  return { type: ref.type, dir: ref.direction === 'out' ? 'in' : 'out', ...(byLabel ? { label: kind.label as NodeLabel } : {}) };
}

/** The relationship a file's main source has to the actors it mentions (FILE_MENTIONS), read from the `end` given. */
const fileMentions = (end: 'Source' | 'Actor'): Relation =>
  end === FILE_MENTIONS.from ? { type: FILE_MENTIONS.type, dir: 'out', label: FILE_MENTIONS.to } : { type: FILE_MENTIONS.type, dir: 'in', label: FILE_MENTIONS.from };

type Kinds = typeof ENTITY_KINDS;
/** `Label.field` of every reference of the model, e.g. `Statement.speaker`. */
type ModelReferenceField = {
  [S in EntitySection]: {
    [F in keyof Kinds[S]['fields']]: Kinds[S]['fields'][F] extends { kind: 'ref' } ? `${Kinds[S]['label']}.${F & string}` : never;
  }[keyof Kinds[S]['fields']];
}[EntitySection];

/** The relation of every reference of the model, keyed `Label.field`: a new reference needs no entry here. */
const MODEL_REFERENCES = Object.fromEntries(
  ENTITY_SECTIONS.flatMap((section) => referencesOf(section).map(([field]) => [`${ENTITY_KINDS[section].label}.${field}`, reference(section, field)])),
) as Record<ModelReferenceField, Relation>;

/**
 * Every relationship field of the schema, keyed `Type.field`: each model reference under
 * its kind's label (derived), and, written here, the inverse fields (an actor's offices,
 * an issue's children: the reference they invert, read from its other end), the file's
 * mentions, and the fields the `Fact` interface shares.
 */
export const RELATIONS = {
  ...MODEL_REFERENCES,
  'Actor.offices': inverse('offices', 'holder'),
  'Actor.officials': inverse('offices', 'organization'),
  'Actor.memberships': inverse('memberships', 'member'),
  'Actor.members': inverse('memberships', 'organization'),
  'Actor.demandsMade': inverse('demands', 'by'),
  'Actor.demandsReceived': inverse('demands', 'of', true),
  'Actor.mentionedIn': fileMentions('Actor'),
  'Issue.children': inverse('issues', 'parent'),
  'Issue.demands': inverse('demands', 'issues', true),
  'Instrument.demands': inverse('demands', 'instrument'),
  'Demand.specifiedBy': inverse('demands', 'specifies'),
  'Demand.responses': inverse('stances', 'respondsTo', true),
  // EVIDENCED_BY is every fact's `evidence`; the stances' stands for all (no label: any fact).
  'Statement.supports': inverse('stances', 'evidence'),
  'Event.responses': inverse('events', 'inResponseTo'),
  // The events that name this one as their cause (Event.consequences, with Event.responses).
  'Event.effects': inverse('events', 'causedBy'),
  'Event.figures': inverse('figures', 'event'),
  'Event.statements': inverse('statements', 'event'),
  'Place.events': inverse('events', 'place'),
  'Source.citedBy': inverse('sources', 'cites'),
  'Source.mentions': fileMentions('Source'),
  // Every fact's `sources` and `evidence` read as one field of the Fact interface (one loader key for all kinds).
  'Fact.sources': reference('demands', 'sources'),
  'Fact.evidence': reference('demands', 'evidence'),
  // Reports (issue 16, docs/decisions/0036 §1): a fact's reports are the reports whose `of` names it.
  'Fact.reports': inverse('reports', 'of'),
  // Claims (issue 16, docs/decisions/0043): a fact's claims are the claims whose `of` names it.
  'Fact.claims': inverse('claims', 'of'),
} as const satisfies Record<string, Relation>;
/** A relationship field of the schema. */
export type RelationField = keyof typeof RELATIONS;

/** One relationship a paginated field follows from its entity; `role` names it for the field's `role` argument. */
export interface PagedHop {
  type: RelationshipType;
  dir: 'out' | 'in';
  /** The value of the field's `role` argument that selects this hop (Actor.statements: SPEAKER, ON_BEHALF_OF). */
  role?: string;
}

/**
 * A paginated relationship field: the relationships it follows (one, or several whose other
 * ends are united, each counted once), the label required at the other end, and the date
 * property of the other end its pages sort by. A field whose hops carry roles is filtered by
 * its `role` argument (which hops count; ANY: all); any other field by the other end's `kind`.
 */
export interface PagedRelation {
  hops: readonly PagedHop[];
  /** Label required at the other end, if the type links several (absent otherwise: pages are then counted from the degree store). */
  label?: NodeLabel;
  sortField: string;
}

/** A paginated inverse field: `relations` read page by page, sorted by the sort date of `section`'s kind (the model's `sortDate`). */
function paged(section: EntitySection, ...relations: Array<Relation & { role?: string }>): PagedRelation {
  const kind: EntityKind = ENTITY_KINDS[section];
  if (!kind.sortDate) throw new Error(`src/graph/relations.ts: the model gives ${section} no sortDate to sort a page by`);
  const label = relations.find((r) => r.label)?.label;
  return {
    hops: relations.map((r) => ({ type: r.type, dir: r.dir, ...(r.role ? { role: r.role } : {}) })),
    ...(label ? { label } : {}),
    sortField: kind.sortDate,
  };
}

/** A relation selected by the value `role` of a field's `role` argument. */
const as = (role: string, relation: Relation): Relation & { role: string } => ({ ...relation, role });

/** Paginated relationship fields, sorted by the sort date of the other end's kind. */
export const PAGED_RELATIONS = {
  'Actor.stances': paged('stances', inverse('stances', 'holder')),
  'Actor.events': paged('events', inverse('events', 'participants')),
  // The statements an actor said or that were said on its behalf; `role` chooses (SPEAKER, ON_BEHALF_OF, ANY).
  'Actor.statements': paged('statements', as('SPEAKER', inverse('statements', 'speaker', true)), as('ON_BEHALF_OF', inverse('statements', 'onBehalfOf', true))),
  'Issue.stances': paged('stances', inverse('stances', 'issues', true)),
  'Issue.statements': paged('statements', inverse('statements', 'issues', true)),
  'Demand.responses': paged('stances', inverse('stances', 'respondsTo', true)),
  'Actor.mentionedIn': paged('sources', fileMentions('Actor')),
  'Actor.demandsMade': paged('demands', inverse('demands', 'by')),
  'Actor.demandsReceived': paged('demands', inverse('demands', 'of', true)),
  'Issue.demands': paged('demands', inverse('demands', 'issues', true)),
  'Source.citedBy': paged('sources', inverse('sources', 'cites')),
} as const satisfies Record<string, PagedRelation>;
/** A paginated relationship field of the schema. */
export type PagedRelationField = keyof typeof PAGED_RELATIONS;

/** Whether a paginated field is filtered by role (which of its hops count) rather than by the other end's `kind`. */
export function filtersByRole(relation: PagedRelation): boolean {
  return relation.hops.some((h) => h.role !== undefined);
}
