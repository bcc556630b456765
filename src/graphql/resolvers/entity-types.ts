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
  ...claimedFactFields,
  reports: relation('Fact.reports'),
  corroboration: readsProperties([], (f: EntityRecord, _: unknown, ctx: GraphContext) => mapValue(ctx.loaders.renderings.load(f.id), corroborationOf)),
};

/** Resolvers of Entity, Fact and every entity type. */
export const entityTypeResolvers = {
  Node: byLabel,
  Entity: byLabel,
  Fact: byLabel,
  ...localizedTextResolvers,
  Actor: {
    ...entityFields,
    ...modelFields('actors'),
    ...localizedFieldResolvers.Actor,
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
    stances: pagedRelation('Actor.stances'),
    statements: pagedRelation('Actor.statements'),
    events: readsThroughLoaders(
      { kind: 'connection', field: 'Actor.events', wrapped: true },
      async (a: EntityRecord, args: RelationPageArgs, ctx: GraphContext) => {
        const { ref, window, page: read } = relationPage('Actor.events', a.id, args);
        const page = await ctx.loaders.pageOf(a, 'Actor.events', read);
        return keysetConnection(ref, page.items, page.total, window, (i) => i.key!, (i) => ({ node: { actor: a, event: i.entity, role: i.rel.role ?? 'PARTICIPANT' } }));
      },
    ),
  },
  Office: {
    ...entityFields,
    ...modelFields('offices'),
    ...localizedFieldResolvers.Office,
    ...factFields,
  },
  Membership: {
    ...entityFields,
    ...modelFields('memberships'),
    ...localizedFieldResolvers.Membership,
    ...factFields,
  },
  Issue: {
    ...entityFields,
    ...modelFields('issues'),
    ...localizedFieldResolvers.Issue,
    children: relation('Issue.children'),
    demands: boundedRelation('Issue.demands'),
    stances: pagedRelation('Issue.stances'),
    statements: pagedRelation('Issue.statements'),
  },
  Instrument: {
    ...entityFields,
    ...modelFields('instruments'),
    ...localizedFieldResolvers.Instrument,
    ...factFields,
    ...claimedFactFields,
    demands: relation('Instrument.demands'),
  },
  Demand: {
    ...entityFields,
    ...reportedFields,
    ...modelFields('demands'),
    ...localizedFieldResolvers.Demand,
    ...factFields,
    responses: boundedRelation('Demand.responses'),
    specifiedBy: relation('Demand.specifiedBy'),
    status: readsProperties([], demandStatus),
  },
  Stance: {
    ...entityFields,
    ...reportedFields,
    ...modelFields('stances'),
    ...localizedFieldResolvers.Stance,
    ...factFields,
    attestedBy: readsProperties(['attestedById'], async (s: EntityRecord, _: unknown, ctx: GraphContext) =>
      (s.attestedById ? ctx.loaders.entity.load(s.attestedById as string) : null)),
  },
  Statement: {
    ...entityFields,
    ...reportedFields,
    ...modelFields('statements'),
    ...localizedFieldResolvers.Statement,
    supports: relation('Statement.supports'),
  },
  Event: {
    ...entityFields,
    ...reportedFields,
    ...modelFields('events'),
    ...localizedFieldResolvers.Event,
    ...factFields,
    participants: readsThroughLoaders({ kind: 'relation', field: 'Event.participants', wrapped: true }, async (e: EntityRecord, _: unknown, ctx: GraphContext) =>
      (await ctx.loaders.relatedOf(e, 'Event.participants')).map((i) => ({ actor: i.entity, event: e, role: i.rel.role ?? 'PARTICIPANT' })),
    ),
    responses: relation('Event.responses'),
    figures: relation('Event.figures'),
    statements: relation('Event.statements'),
  },
  Figure: {
    ...entityFields,
    ...reportedFields,
    ...modelFields('figures'),
    ...localizedFieldResolvers.Figure,
    ...factFields,
  },
  Report: {
    ...entityFields,
    ...modelFields('reports'),
    ...localizedFieldResolvers.Report,
  },
  Claim: claimTypeResolvers,
  Place: {
    ...entityFields,
    ...modelFields('places'),
    ...localizedFieldResolvers.Place,
    events: relation('Place.events'),
  },
  Source: {
    ...entityFields,
    ...modelFields('sources'),
    ...localizedFieldResolvers.Source,
    citedBy: boundedRelation('Source.citedBy'),
    mentions: relation('Source.mentions'),
  },
};
