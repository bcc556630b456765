/**
 * Resolvers of the entity types. Scalar fields come straight from the node's
 * properties; relationship fields go through batched loaders.
 */
import type { EntityRecord } from '../../graph/entity-record.js';
import { endOfPeriod } from '../../graph/dates.js';
import type { GraphContext } from '../context.js';
import { keysetConnection } from '../pagination.js';
import { relationPage, type RelationPageArgs } from '../relation-page.js';
import { boundedRelation, entityFields, factFields, mapValue, modelFields, pagedRelation, readsProperties, readsThroughLoaders, relation } from './fields.js';
import { demandStatus } from './analysis.js';
import { corroborationOf } from '../../graph/corroboration.js';
import { localizedFieldResolvers, localizedTextResolvers } from './localized.js';
import { CLAIMABLE_SECTIONS, ENTITY_KINDS, ENTITY_SECTIONS, kindOf, type EntitySection, type NodeLabel } from '../../model/entities.js';
import { rollupResolvers, withParts } from './rollups.js';
import { claimedFactFields, claimTypeResolvers } from './claims.js';

const byLabel = { __resolveType: (e: EntityRecord) => e.__label };

/** The properties validOn reads. */
const VALIDITY = ['from', 'until', 'untilEnd'];

/** Whether a membership is valid on the last day of `asOf`'s period (always true without asOf). */
function validOn(m: EntityRecord, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  const day = endOfPeriod(asOf).toString();
  return String(m.from) <= day && (m.until == null || String(m.untilEnd) >= day);
}

/** The fields every reported fact has (issue 16, docs/decisions/0036 §6): its reports and their corroboration. */
const reportedFields = {
  reports: relation('Fact.reports'),
  corroboration: readsProperties([], (f: EntityRecord, _: unknown, ctx: GraphContext) => mapValue(ctx.loaders.renderings.load(f.id), corroborationOf)),
};

/**
 * The fields of entity types that are not read from the model: inverse relations,
 * analyses, items wrapping an entity (participants, an actor's events). A kind
 * without special fields needs no entry.
 */
const SPECIAL_FIELDS: Partial<Record<NodeLabel, Record<string, unknown>>> = {
  Actor: {
    aliases: readsProperties(['aliases'], (a: EntityRecord) => (a.aliases as string[] | undefined) ?? []),
    offices: relation('Actor.offices'),
    officials: relation('Actor.officials'),
    speaksFor: readsProperties([], (a: EntityRecord, _: unknown, ctx: GraphContext) => ctx.loaders.speaksFor.load(a.id)),
    memberships: readsThroughLoaders({ kind: 'relation', field: 'Actor.memberships', itemProperties: VALIDITY }, (a: EntityRecord, args: { asOf?: string | null }, ctx: GraphContext) =>
      mapValue(ctx.loaders.relatedOf(a, 'Actor.memberships'), (items) => items.map((i) => i.entity).filter((m) => validOn(m, args.asOf))),
    ),
    members: readsThroughLoaders({ kind: 'relation', field: 'Actor.members', itemProperties: VALIDITY }, (a: EntityRecord, args: { asOf?: string | null }, ctx: GraphContext) =>
      mapValue(ctx.loaders.relatedOf(a, 'Actor.members'), (items) => items.map((i) => i.entity).filter((m) => validOn(m, args.asOf))),
    ),
    demandsMade: boundedRelation('Actor.demandsMade'),
    demandsReceived: boundedRelation('Actor.demandsReceived'),
    mentionedIn: boundedRelation('Actor.mentionedIn'),
    stances: withParts('Actor.stances', pagedRelation('Actor.stances')),
    statements: withParts('Actor.statements', pagedRelation('Actor.statements')),
    events: readsThroughLoaders(
      { kind: 'connection', field: 'Actor.events', wrapped: true },
      async (a: EntityRecord, args: RelationPageArgs, ctx: GraphContext) => {
        const { ref, window, page: read } = relationPage('Actor.events', a.id, args);
        const page = await ctx.loaders.pageOf(a, 'Actor.events', read);
        return keysetConnection(ref, page.items, page.total, window, (i) => i.key!, (i) => ({ node: { actor: a, event: i.entity, role: i.rel.role ?? 'PARTICIPANT' } }));
      },
    ),
  },
  Issue: {
    children: relation('Issue.children'),
    demands: boundedRelation('Issue.demands'),
    stances: pagedRelation('Issue.stances'),
    statements: pagedRelation('Issue.statements'),
  },
  Instrument: {
    demands: relation('Instrument.demands'),
  },
  Demand: {
    responses: boundedRelation('Demand.responses'),
    specifiedBy: relation('Demand.specifiedBy'),
    status: readsProperties([], demandStatus),
  },
  Stance: {
    attestedBy: readsProperties(['attestedById'], async (s: EntityRecord, _: unknown, ctx: GraphContext) =>
      (s.attestedById ? ctx.loaders.entity.load(s.attestedById as string) : null)),
  },
  Statement: {
    supports: relation('Statement.supports'),
  },
  Event: {
    participants: readsThroughLoaders({ kind: 'relation', field: 'Event.participants', wrapped: true }, async (e: EntityRecord, _: unknown, ctx: GraphContext) =>
      (await ctx.loaders.relatedOf(e, 'Event.participants')).map((i) => ({ actor: i.entity, event: e, role: i.rel.role ?? 'PARTICIPANT' })),
    ),
    responses: relation('Event.responses'),
    figures: relation('Event.figures'),
    statements: relation('Event.statements'),
    // Causes and consequences (event chains, decision 0045).
    ...rollupResolvers.Event,
  },
  Claim: claimTypeResolvers,
  Place: {
    events: relation('Place.events'),
  },
  Source: {
    citedBy: boundedRelation('Source.citedBy'),
    mentions: relation('Source.mentions'),
  },
};

/** The kinds whose facts reports render (the targets of a report's `of`): they have reports and corroboration. */
const REPORTED: ReadonlySet<EntitySection> = new Set(ENTITY_KINDS.reports.fields.of.to);
/** The kinds claims can be of (decision 0043): they have claims and disputes. */
const CLAIMABLE: ReadonlySet<EntitySection> = new Set(CLAIMABLE_SECTIONS);

/**
 * The resolvers of one kind's object type, from the model: the fields every entity has,
 * a PartialDate per date, a relation per reference, `name(lang:)`/`names` per localized
 * field, the Fact fields for kinds sourced from their file, reports for reported kinds,
 * then its SPECIAL_FIELDS. Scalars need none (read from the node's properties).
 */
function kindResolvers(section: EntitySection): Record<string, unknown> {
  const kind = kindOf(section);
  return {
    ...entityFields,
    ...(REPORTED.has(section) ? reportedFields : {}),
    ...(CLAIMABLE.has(section) ? claimedFactFields : {}),
    ...modelFields(section),
    ...localizedFieldResolvers[kind.label],
    ...(kind.sourcedFromFile ? factFields : {}),
    ...SPECIAL_FIELDS[kind.label as NodeLabel],
  };
}

/** Resolvers of Node, Entity, Fact (by label) and every entity type of the model. */
export const entityTypeResolvers = {
  Node: byLabel,
  Entity: byLabel,
  Fact: byLabel,
  ...localizedTextResolvers,
  ...Object.fromEntries(ENTITY_SECTIONS.map((section) => [kindOf(section).label, kindResolvers(section)])),
};
