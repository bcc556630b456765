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

/** Paginated relationship fields, sorted by a date property of the other end. */
export const PAGED_RELATIONS = {
  'Actor.stances': { type: 'TOOK', dir: 'out', sortField: 'date' },
  'Actor.events': { type: 'PARTICIPATED_IN', dir: 'out', sortField: 'date' },
  'Issue.stances': { type: 'CONCERNS', dir: 'in', label: 'Stance', sortField: 'date' },
  'Issue.statements': { type: 'CONCERNS', dir: 'in', label: 'Statement', sortField: 'said' },
  'Demand.responses': { type: 'RESPONDS_TO', dir: 'in', label: 'Stance', sortField: 'date' },
  'Actor.mentionedIn': { type: 'MENTIONS', dir: 'in', label: 'Source', sortField: 'published' },
  'Actor.demandsMade': { type: 'MADE_DEMAND', dir: 'out', sortField: 'since' },
  'Actor.demandsReceived': { type: 'ADDRESSED_TO', dir: 'in', label: 'Demand', sortField: 'since' },
  'Issue.demands': { type: 'CONCERNS', dir: 'in', label: 'Demand', sortField: 'since' },
  'Source.citedBy': { type: 'CITES', dir: 'in', sortField: 'published' },
} as const satisfies Record<string, Omit<Relation, 'one' | 'sortByRel'> & { sortField: string }>;
/** A paginated relationship field of the schema. */
export type PagedRelationField = keyof typeof PAGED_RELATIONS;
