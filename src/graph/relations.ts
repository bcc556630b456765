/**
 * The fixed map from GraphQL relationship fields to graph relationships:
 * which type, which direction, which label at the other end. Relationship
 * types reach Cypher only from here, never from client input.
 */
import type { NodeLabel, RelationshipType } from '../model/entities.js';

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

/** Every relationship field of the schema, keyed `Type.field`. */
export const RELATIONS = {
  'Actor.partOf': { type: 'PART_OF', dir: 'out', one: true },
  'Actor.offices': { type: 'HOLDS', dir: 'out' },
  'Actor.officials': { type: 'OFFICE_IN', dir: 'in' },
  'Actor.memberships': { type: 'HAS_MEMBERSHIP', dir: 'out' },
  'Actor.members': { type: 'MEMBERSHIP_IN', dir: 'in' },
  'Actor.demandsMade': { type: 'MADE_DEMAND', dir: 'out' },
  'Actor.demandsReceived': { type: 'ADDRESSED_TO', dir: 'in', label: 'Demand' },
  'Actor.mentionedIn': { type: 'MENTIONS', dir: 'in', label: 'Source' },
  'Office.holder': { type: 'HOLDS', dir: 'in', one: true },
  'Office.organization': { type: 'OFFICE_IN', dir: 'out', one: true },
  'Membership.member': { type: 'HAS_MEMBERSHIP', dir: 'in', one: true },
  'Membership.organization': { type: 'MEMBERSHIP_IN', dir: 'out', one: true },
  'Issue.parent': { type: 'SUBISSUE_OF', dir: 'out', one: true },
  'Issue.children': { type: 'SUBISSUE_OF', dir: 'in' },
  'Issue.demands': { type: 'CONCERNS', dir: 'in', label: 'Demand' },
  'Instrument.issuedBy': { type: 'ISSUED_BY', dir: 'out' },
  'Instrument.addressedTo': { type: 'ADDRESSED_TO', dir: 'out' },
  'Instrument.demands': { type: 'SET_OUT_IN', dir: 'in' },
  'Demand.by': { type: 'MADE_DEMAND', dir: 'in' },
  'Demand.of': { type: 'ADDRESSED_TO', dir: 'out' },
  'Demand.instrument': { type: 'SET_OUT_IN', dir: 'out', one: true },
  'Demand.issues': { type: 'CONCERNS', dir: 'out' },
  'Demand.responses': { type: 'RESPONDS_TO', dir: 'in', label: 'Stance' },
  'Stance.holder': { type: 'TOOK', dir: 'in', one: true },
  'Stance.respondsTo': { type: 'RESPONDS_TO', dir: 'out', one: true },
  'Stance.towards': { type: 'TOWARDS', dir: 'out', one: true },
  'Stance.issues': { type: 'CONCERNS', dir: 'out' },
  'Statement.speaker': { type: 'SAID', dir: 'in', one: true },
  'Statement.onBehalfOf': { type: 'ON_BEHALF_OF', dir: 'out', one: true },
  'Statement.source': { type: 'REPORTED_IN', dir: 'out', one: true },
  'Statement.via': { type: 'RELAYED_BY', dir: 'out', sortByRel: 'hop' },
  'Statement.event': { type: 'SAID_AT', dir: 'out', one: true },
  'Statement.issues': { type: 'CONCERNS', dir: 'out' },
  'Statement.mentions': { type: 'MENTIONS', dir: 'out' },
  'Statement.supports': { type: 'EVIDENCED_BY', dir: 'in' },
  'Event.claimedBy': { type: 'CLAIMED_BY', dir: 'out' },
  'Event.place': { type: 'TOOK_PLACE_IN', dir: 'out', one: true },
  'Event.participants': { type: 'PARTICIPATED_IN', dir: 'in' },
  'Event.issues': { type: 'CONCERNS', dir: 'out' },
  'Event.partOf': { type: 'PART_OF', dir: 'out', one: true },
  'Event.inResponseTo': { type: 'IN_RESPONSE_TO', dir: 'out' },
  'Event.responses': { type: 'IN_RESPONSE_TO', dir: 'in' },
  'Event.previous': { type: 'FOLLOWS', dir: 'out', one: true },
  'Event.figures': { type: 'FIGURE_OF', dir: 'in' },
  'Event.statements': { type: 'SAID_AT', dir: 'in' },
  'Figure.claimedBy': { type: 'CLAIMED_BY', dir: 'out' },
  'Figure.event': { type: 'FIGURE_OF', dir: 'out', one: true },
  'Place.within': { type: 'WITHIN', dir: 'out', one: true },
  'Place.events': { type: 'TOOK_PLACE_IN', dir: 'in' },
  'Source.publisher': { type: 'PUBLISHED_BY', dir: 'out', one: true },
  'Source.cites': { type: 'CITES', dir: 'out' },
  'Source.citedBy': { type: 'CITES', dir: 'in' },
  'Source.mentions': { type: 'MENTIONS', dir: 'out', label: 'Actor' },
  'Fact.sources': { type: 'SOURCED_FROM', dir: 'out' },
  'Fact.evidence': { type: 'EVIDENCED_BY', dir: 'out' },
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
