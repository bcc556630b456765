/**
 * Resolvers of claims and provenance per fact (issue 16, docs/decisions/0036 §6, 0043,
 * 0044): the Claim type, a fact's `claims` and `disputes`, and `Provenance.groups` and
 * `.relationships`. A fact's claims and claimed relationships are read once per request
 * for all the facts asked about (one batched query), then grouped in src/graph/fact-claims.ts.
 */
import DataLoader from 'dataloader';
import type { EntityRecord } from '../../graph/entity-record.js';
import { groupsOf, readFactClaims, type Alternative, type Assertion, type ClaimedRelationship, type FactClaims, type GroupProvenance } from '../../graph/fact-claims.js';
import type { Loaders } from '../../graph/loaders.js';
import { CLAIM_GROUPS, type ClaimableSection } from '../../model/entities.js';
import { claimField } from '../../model/claim-groups.js';
import { CLAIMABLE_LABELS } from '../../model/claim-groups.js';
import type { GraphContext } from '../context.js';
import { entityFields, mapValue, modelFields, readsProperties, relation } from './fields.js';

const factClaimLoaders = new WeakMap<Loaders, DataLoader<string, FactClaims | null>>();

/** The request's loader of facts' claims (one per request, like the loaders of src/graph/loaders.ts). */
function factClaims(ctx: GraphContext): DataLoader<string, FactClaims | null> {
  let loader = factClaimLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await readFactClaims(ctx.reader, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    factClaimLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

/** The provenance groups of a fact, by id (none for a kind without claim groups). */
async function groupsOfId(ctx: GraphContext, id: string): Promise<GroupProvenance[]> {
  const fact = await factClaims(ctx).load(id);
  return fact ? groupsOf(fact) : [];
}

/** The claim group a relationship makes for a kind (the group whose field is that reference, in that direction). */
function groupOfRelationship(section: ClaimableSection, rel: ClaimedRelationship): string | undefined {
  return Object.keys(CLAIM_GROUPS[section]).find((group) => {
    const spec = claimField(section, group)?.spec;
    return spec?.kind === 'ref' && spec.type === rel.type && (spec.direction === 'out') === rel.out;
  });
}

const loadSource = (ctx: GraphContext, id: string) => ctx.loaders.entity.load(id);

/** The fields a fact with claim groups adds (Statement, Stance, Event, Demand, Figure, Instrument). */
export const claimedFactFields = {
  claims: readsProperties([], (f: EntityRecord, args: { group?: string | null }, ctx: GraphContext) =>
    mapValue(ctx.loaders.relation('Fact.claims').load(f.id), (items) => items.map((i) => i.entity).filter((c) => args.group == null || c.group === args.group)),
  ),
  disputes: readsProperties([], async (f: EntityRecord, _: unknown, ctx: GraphContext) => (await groupsOfId(ctx, f.id)).filter((g) => g.disputed)),
};

/** Resolvers of the Claim entity type (among the entity types, so that lookups plan what they read: src/graphql/projection.ts). */
export const claimTypeResolvers = {
  ...entityFields,
  ...modelFields('claims'),
  value: readsProperties(['value'], (c: EntityRecord) => String(c.value)),
  status: readsProperties(['status'], (c: EntityRecord) => c.status ?? 'ESTABLISHED'),
  of: relation('Claim.of'),
};

/** Resolvers of Assertion, Alternative, RelationshipProvenance and Provenance's per-fact fields. */
export const claimResolvers = {
  Assertion: {
    source: (a: Assertion, _: unknown, ctx: GraphContext) => loadSource(ctx, a.source),
  },
  Alternative: {
    entity: (a: Alternative, _: unknown, ctx: GraphContext) => (a.names ? ctx.loaders.entity.load(a.value) : null),
    sources: async (a: Alternative, _: unknown, ctx: GraphContext) => {
      const ids = [...new Set(a.assertions.map((x) => x.source))];
      return (await ctx.loaders.entity.loadMany(ids)).filter((s): s is EntityRecord => s !== null && !(s instanceof Error));
    },
    languages: async (a: Alternative, _: unknown, ctx: GraphContext) => {
      const sources = await ctx.loaders.entity.loadMany([...new Set(a.assertions.map((x) => x.source))]);
      return [...new Set(sources.flatMap((s) => (s && !(s instanceof Error) && typeof s.language === 'string' ? [s.language] : [])))].sort();
    },
  },
  GroupProvenance: {
    itemEntity: (g: GroupProvenance, _: unknown, ctx: GraphContext) => (g.item ? ctx.loaders.entity.load(g.item) : null),
  },
  RelationshipProvenance: {
    other: (r: ClaimedRelationship, _: unknown, ctx: GraphContext) => ctx.loaders.entity.load(r.other),
    sources: async (r: ClaimedRelationship, _: unknown, ctx: GraphContext) =>
      (await ctx.loaders.entity.loadMany(r.sources)).filter((s): s is EntityRecord => s !== null && !(s instanceof Error)),
  },
  Provenance: {
    groups: (p: { entity: EntityRecord }, _: unknown, ctx: GraphContext) => groupsOfId(ctx, p.entity.id),
    relationships: async (p: { entity: EntityRecord }, _: unknown, ctx: GraphContext) => {
      const fact = await factClaims(ctx).load(p.entity.id);
      const section = fact ? CLAIMABLE_LABELS.get(fact.label) : undefined;
      if (!fact || !section) return [];
      return fact.rels.flatMap((r) => {
        const group = groupOfRelationship(section, r);
        return group === undefined ? [] : [{ ...r, group }];
      });
    },
  },
};
