/**
 * Resolvers of the entity types. Scalar fields come straight from the node's
 * properties; relationship fields go through batched loaders.
 */
import type { EntityRecord } from '../../graph/entity-record.js';
import { endOfPeriod } from '../../graph/dates.js';
import type { GraphContext } from '../context.js';
import { connection, pageWindow } from '../pagination.js';
import { boundedRelation, dateField, entityFields, factFields, pagedRelation, readsProperties, readsThroughLoaders, relation, mapValue } from './fields.js';
import { demandStatus } from './analysis.js';
import { localizedFieldResolvers, localizedTextResolvers } from './localized.js';

const byLabel = { __resolveType: (e: EntityRecord) => e.__label };

/** The properties validOn reads. */
const VALIDITY = ['from', 'until', 'untilEnd'];

/** Whether a membership is valid on the last day of `asOf`'s period (always true without asOf). */
function validOn(m: EntityRecord, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  const day = endOfPeriod(asOf).toString();
  return String(m.from) <= day && (m.until == null || String(m.untilEnd) >= day);
}

/** Resolvers of Entity, Fact and every entity type. */
export const entityTypeResolvers = {
  Node: byLabel,
  Entity: byLabel,
  Fact: byLabel,
  ...localizedTextResolvers,
  Actor: {
    ...entityFields,
    ...localizedFieldResolvers.Actor,
    aliases: readsProperties(['aliases'], (a: EntityRecord) => (a.aliases as string[] | undefined) ?? []),
    partOf: relation('Actor.partOf'),
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
    statements: readsThroughLoaders(
      { kind: 'connection', field: 'Actor.statements' },
      (a: EntityRecord, args: { role?: string; order?: string; first?: number; after?: string | null }, ctx: GraphContext) => {
        const window = pageWindow(args.first, args.after);
        return mapValue(ctx.loaders.pageOf(a, 'Actor.statements', { ...window, desc: args.order !== 'ASC' }, args.role ?? 'ANY'), (page) =>
          connection(page.items.map((i) => i.entity), page.total, window),
        );
      },
    ),
    events: readsThroughLoaders(
      { kind: 'connection', field: 'Actor.events', wrapped: true },
      async (a: EntityRecord, args: { order?: string; first?: number; after?: string | null }, ctx: GraphContext) => {
        const window = pageWindow(args.first, args.after);
        const page = await ctx.loaders.pageOf(a, 'Actor.events', { ...window, desc: args.order !== 'ASC' });
        return connection(page.items.map((i) => ({ actor: a, event: i.entity, role: i.rel.role ?? 'PARTICIPANT' })), page.total, window);
      },
    ),
  },
  Office: {
    ...entityFields,
    ...localizedFieldResolvers.Office,
    ...factFields,
    holder: relation('Office.holder'),
    organization: relation('Office.organization'),
    asOf: dateField('asOf'),
  },
  Membership: {
    ...entityFields,
    ...localizedFieldResolvers.Membership,
    ...factFields,
    member: relation('Membership.member'),
    organization: relation('Membership.organization'),
    from: dateField('from'),
    until: dateField('until'),
  },
  Issue: {
    ...entityFields,
    ...localizedFieldResolvers.Issue,
    parent: relation('Issue.parent'),
    children: relation('Issue.children'),
    demands: boundedRelation('Issue.demands'),
    stances: pagedRelation('Issue.stances'),
    statements: pagedRelation('Issue.statements'),
  },
  Instrument: {
    ...entityFields,
    ...localizedFieldResolvers.Instrument,
    ...factFields,
    published: dateField('published'),
    issuedBy: relation('Instrument.issuedBy'),
    addressedTo: relation('Instrument.addressedTo'),
    demands: relation('Instrument.demands'),
  },
  Demand: {
    ...entityFields,
    ...localizedFieldResolvers.Demand,
    ...factFields,
    since: dateField('since'),
    by: relation('Demand.by'),
    of: relation('Demand.of'),
    instrument: relation('Demand.instrument'),
    issues: relation('Demand.issues'),
    responses: boundedRelation('Demand.responses'),
    status: readsProperties([], demandStatus),
  },
  Stance: {
    ...entityFields,
    ...localizedFieldResolvers.Stance,
    ...factFields,
    date: dateField('date'),
    holder: relation('Stance.holder'),
    respondsTo: relation('Stance.respondsTo'),
    towards: relation('Stance.towards'),
    issues: relation('Stance.issues'),
  },
  Statement: {
    ...entityFields,
    ...localizedFieldResolvers.Statement,
    said: dateField('said'),
    speaker: relation('Statement.speaker'),
    onBehalfOf: relation('Statement.onBehalfOf'),
    source: relation('Statement.source'),
    via: relation('Statement.via'),
    event: relation('Statement.event'),
    issues: relation('Statement.issues'),
    mentions: relation('Statement.mentions'),
    supports: relation('Statement.supports'),
  },
  Event: {
    ...entityFields,
    ...localizedFieldResolvers.Event,
    ...factFields,
    date: dateField('date'),
    until: dateField('until'),
    claimedBy: relation('Event.claimedBy'),
    place: relation('Event.place'),
    participants: readsThroughLoaders({ kind: 'relation', field: 'Event.participants', wrapped: true }, async (e: EntityRecord, _: unknown, ctx: GraphContext) =>
      (await ctx.loaders.relatedOf(e, 'Event.participants')).map((i) => ({ actor: i.entity, event: e, role: i.rel.role ?? 'PARTICIPANT' })),
    ),
    issues: relation('Event.issues'),
    partOf: relation('Event.partOf'),
    inResponseTo: relation('Event.inResponseTo'),
    responses: relation('Event.responses'),
    previous: relation('Event.previous'),
    figures: relation('Event.figures'),
    statements: relation('Event.statements'),
  },
  Figure: {
    ...entityFields,
    ...localizedFieldResolvers.Figure,
    ...factFields,
    asOf: dateField('asOf'),
    claimedBy: relation('Figure.claimedBy'),
    event: relation('Figure.event'),
  },
  Place: {
    ...entityFields,
    ...localizedFieldResolvers.Place,
    within: relation('Place.within'),
    events: relation('Place.events'),
  },
  Source: {
    ...entityFields,
    ...localizedFieldResolvers.Source,
    published: dateField('published'),
    publisher: relation('Source.publisher'),
    cites: relation('Source.cites'),
    citedBy: boundedRelation('Source.citedBy'),
    mentions: relation('Source.mentions'),
  },
};
