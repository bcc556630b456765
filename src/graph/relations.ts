/**
 * The fixed map from GraphQL relationship fields to graph relationships:
 * which type, which direction, which label at the other end (from the model where
 * the field is a model reference). Relationship
 * types reach Cypher only from here, never from client input.
 */
import { ENTITY_KINDS, type EntityKind, type EntitySection, type NodeLabel, type RelationshipType } from '../model/entities.js';

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
 * Every relationship field of the schema, keyed `Type.field`: the fields that follow a
 * model reference read it from the model; the inverse fields (an actor's offices, an
 * issue's children) are written here.
 */
export const RELATIONS = {
  'Actor.partOf': reference('actors', 'partOf'),
  'Actor.offices': { type: 'HOLDS', dir: 'out' },
  'Actor.officials': { type: 'OFFICE_IN', dir: 'in' },
  'Actor.memberships': { type: 'HAS_MEMBERSHIP', dir: 'out' },
  'Actor.members': { type: 'MEMBERSHIP_IN', dir: 'in' },
  'Actor.demandsMade': { type: 'MADE_DEMAND', dir: 'out' },
  'Actor.demandsReceived': { type: 'ADDRESSED_TO', dir: 'in', label: 'Demand' },
  'Actor.mentionedIn': { type: 'MENTIONS', dir: 'in', label: 'Source' },
  'Office.holder': reference('offices', 'holder'),
  'Office.organization': reference('offices', 'organization'),
  'Membership.member': reference('memberships', 'member'),
  'Membership.organization': reference('memberships', 'organization'),
  'Issue.parent': reference('issues', 'parent'),
  'Issue.children': { type: 'SUBISSUE_OF', dir: 'in' },
  'Issue.demands': { type: 'CONCERNS', dir: 'in', label: 'Demand' },
  'Instrument.issuedBy': reference('instruments', 'issuedBy'),
  'Instrument.addressedTo': reference('instruments', 'addressedTo'),
  'Instrument.demands': { type: 'SET_OUT_IN', dir: 'in' },
  'Demand.by': reference('demands', 'by'),
  'Demand.of': reference('demands', 'of'),
  'Demand.instrument': reference('demands', 'instrument'),
  'Demand.issues': reference('demands', 'issues'),
  'Demand.responses': { type: 'RESPONDS_TO', dir: 'in', label: 'Stance' },
  'Stance.holder': reference('stances', 'holder'),
  'Stance.respondsTo': reference('stances', 'respondsTo'),
  'Stance.towards': reference('stances', 'towards'),
  'Stance.issues': reference('stances', 'issues'),
  'Statement.speaker': reference('statements', 'speaker'),
  'Statement.onBehalfOf': reference('statements', 'onBehalfOf'),
  'Statement.source': reference('statements', 'source'),
  'Statement.via': reference('statements', 'via'),
  'Statement.event': reference('statements', 'event'),
  'Statement.issues': reference('statements', 'issues'),
  'Statement.mentions': reference('statements', 'mentions'),
  'Statement.supports': { type: 'EVIDENCED_BY', dir: 'in' },
  'Event.claimedBy': reference('events', 'claimedBy'),
  'Event.place': reference('events', 'place'),
  'Event.participants': reference('events', 'participants'),
  'Event.issues': reference('events', 'issues'),
  'Event.partOf': reference('events', 'partOf'),
  'Event.inResponseTo': reference('events', 'inResponseTo'),
  'Event.responses': { type: 'IN_RESPONSE_TO', dir: 'in' },
  'Event.previous': reference('events', 'previous'),
  'Event.figures': { type: 'FIGURE_OF', dir: 'in' },
  'Event.statements': { type: 'SAID_AT', dir: 'in' },
  'Figure.claimedBy': reference('figures', 'claimedBy'),
  'Figure.event': reference('figures', 'event'),
  'Place.within': reference('places', 'within'),
  'Place.events': { type: 'TOOK_PLACE_IN', dir: 'in' },
  'Source.publisher': reference('sources', 'publisher'),
  'Source.cites': reference('sources', 'cites'),
  'Source.citedBy': { type: 'CITES', dir: 'in' },
  'Source.mentions': { type: 'MENTIONS', dir: 'out', label: 'Actor' },
  'Fact.sources': reference('demands', 'sources'),
  'Fact.evidence': reference('demands', 'evidence'),
} as const satisfies Record<string, Relation>;
/** A relationship field of the schema. */
export type RelationField = keyof typeof RELATIONS;

/** A paginated relationship field: the relationship it follows and the date property of the other end its pages sort by. */
export interface PagedRelation {
  type: RelationshipType;
  dir: 'out' | 'in';
  /** Label required at the other end, if the type links several (absent otherwise: pages are then counted from the degree store). */
  label?: NodeLabel;
  sortField: string;
}

/**
 * A page of `section`'s entities reached over `type`, sorted by that kind's sort date
 * (the model's `sortDate`); `byLabel` when the type also reaches other kinds.
 */
function pageOf(section: EntitySection, type: RelationshipType, dir: 'out' | 'in', byLabel = false): PagedRelation {
  const kind: EntityKind = ENTITY_KINDS[section];
  if (!kind.sortDate) throw new Error(`src/graph/relations.ts: the model gives ${section} no sortDate to sort a page by`);
  return { type, dir, ...(byLabel ? { label: kind.label as NodeLabel } : {}), sortField: kind.sortDate };
}

/** Paginated relationship fields, sorted by the sort date of the other end's kind. */
export const PAGED_RELATIONS = {
  'Actor.stances': pageOf('stances', 'TOOK', 'out'),
  'Actor.events': pageOf('events', 'PARTICIPATED_IN', 'out'),
  'Issue.stances': pageOf('stances', 'CONCERNS', 'in', true),
  'Issue.statements': pageOf('statements', 'CONCERNS', 'in', true),
  'Demand.responses': pageOf('stances', 'RESPONDS_TO', 'in', true),
  'Actor.mentionedIn': pageOf('sources', 'MENTIONS', 'in', true),
  'Actor.demandsMade': pageOf('demands', 'MADE_DEMAND', 'out'),
  'Actor.demandsReceived': pageOf('demands', 'ADDRESSED_TO', 'in', true),
  'Issue.demands': pageOf('demands', 'CONCERNS', 'in', true),
  'Source.citedBy': pageOf('sources', 'CITES', 'in'),
} as const satisfies Record<string, PagedRelation>;
/** A paginated relationship field of the schema. */
export type PagedRelationField = keyof typeof PAGED_RELATIONS;
