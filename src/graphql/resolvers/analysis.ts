/**
 * Resolvers of the analytical queries: a demand's status, agreement between actors, and
 * what a position says of itself (Query.positions and its table: position-table.ts).
 */
import { getArgumentValues, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { compareActors, type AgreementTopic } from '../../graph/agreement.js';
import { answerFromRow, readAgreement, readAgreementRow } from '../../graph/agreement-read.js';
import { today } from '../../graph/dates.js';
import { demandStatusFrom } from '../../graph/demand-status.js';
import type { EntityRecord } from '../../graph/entity-record.js';
import { findActorPositions, isStub, positionAttestation, positionAttestedById, positionReasoning, type Position } from '../../graph/positions.js';
import type { GraphContext } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { attestationFilter } from './position-table.js';
import { listWindow } from '../pagination.js';
import { selectedField, selectionReadsOnly } from '../projection.js';
import { partialDate } from './fields.js';
import { rolledUp } from './rollups.js';

/** A demand's own status as of a date, from the positions on it and its addressees. */
async function ownStatus(demand: EntityRecord, asOf: string | null, ctx: GraphContext) {
  // Counts, not the full list: a hub demand's inherited positions are counted from the membership dates (decision 0054).
  const [parts, addressees] = await Promise.all([ctx.loaders.demandStatusParts(asOf).load(demand.id), ctx.loaders.relatedOf(demand, 'Demand.of')]);
  return demandStatusFrom(parts ?? { counted: [], answers: [], newest: [] }, addressees.map((a) => a.entity.id));
}

/**
 * Demand.status: stance counts and the demand's state as of a date (src/graph/demand-status.ts).
 * While no addressee has answered a demand that specifies a broader one, the broader
 * demand's status is its status (one level, decision 0041), so a case of a rejected
 * demand is never OPEN beside it.
 */
export async function demandStatus(demand: EntityRecord, args: { asOf?: string | null }, ctx: GraphContext) {
  const asOf = args.asOf ?? null;
  const own = await ownStatus(demand, asOf, ctx);
  if (own.state === 'OPEN') {
    const [broader] = await ctx.loaders.relatedOf(demand, 'Demand.specifies');
    if (broader) {
      const inherited = await ownStatus(broader.entity, asOf, ctx);
      if (inherited.state !== 'OPEN') return { asOf: args.asOf ?? today(), ...inherited, from: broader.entity };
    }
  }
  return { asOf: args.asOf ?? today(), ...own, from: null };
}

/** Query.agreement's arguments. */
interface AgreementArgs {
  actorIds: string[];
  asOf?: string | null;
  attestation?: string[] | null;
  issueId?: string | null;
  includeSubIssues?: boolean | null;
}

/** Query.agreement: where two or more actors agree and disagree, on every topic or on one issue's (issue 16). */
export async function agreement(_: unknown, args: AgreementArgs, ctx: GraphContext, info: GraphQLResolveInfo) {
  const ids = [...new Set(args.actorIds)];
  if (ids.length < 2 || ids.length > 10) throw badInput('actorIds', `give between 2 and 10 distinct actor ids (got ${ids.length})`);
  const wanted = attestationFilter(args.attestation);
  const asOf = args.asOf ?? null;
  const pageSize = topicsPageReach(info);
  // Over every topic the answer needs only the actors' ids: its read goes in the same round
  // trip as the actors' (decision 0061). With an issue, the issue's sub-issues come first.
  const early = !wanted && !args.issueId ? readAgreementRow(ctx.reader, { actorIds: ids, asOf, issueIds: null, pageSize }) : null;
  early?.catch(() => undefined); // awaited below unless an actor is refused first
  const [actors, issue] = await Promise.all([ctx.loaders.entity.loadMany(ids), args.issueId ? ctx.loaders.entity.load(args.issueId) : null]);
  ids.forEach((id, i) => {
    const a = actors[i];
    if (a instanceof Error) throw a; // a failed read (Neo4j down), not an unknown id
    if (!a || a.__label !== 'Actor') throw notFound('Actor', id);
  });
  if (args.issueId && (!issue || issue.__label !== 'Issue')) throw notFound('Issue', args.issueId);
  if (early) {
    const answer = answerFromRow(actors as EntityRecord[], await early, pageSize);
    return { actors, asOf: args.asOf ?? today(), topics: answer.topics, agreeCount: answer.agreeCount, disagreeCount: answer.disagreeCount };
  }
  // An issue takes in its sub-issues unless asked otherwise, as positions and the timeline do.
  const { issueIds } = await rolledUp(ctx, { issueIds: args.issueId ? [args.issueId] : null, includeSubIssues: args.includeSubIssues });
  if (!wanted) {
    // Counted per verdict in the query; only the topics a page of this request can show are composed (decision 0048).
    const answer = await readAgreement(ctx.reader, { actors: actors as EntityRecord[], asOf, issueIds, pageSize });
    return { actors, asOf: args.asOf ?? today(), topics: answer.topics, agreeCount: answer.agreeCount, disagreeCount: answer.disagreeCount };
  }
  // Inherited positions are not OWN_WORDS: with an attestation filter every position is read and filtered.
  const found = await findActorPositions(ctx.reader, { actors: actors as EntityRecord[], asOf, issueIds });
  const topics = compareActors(ids, found.targets, await withAttestation(found.positions, wanted, ctx));
  return {
    actors,
    asOf: args.asOf ?? today(),
    topics,
    agreeCount: topics.filter((t) => t.verdict === 'AGREE').length,
    disagreeCount: topics.filter((t) => t.verdict === 'DISAGREE').length,
  };
}

/**
 * How far into each verdict's topics the request's `Agreement.topics` selections (any
 * alias) can read: the largest offset + first. A selection with invalid arguments counts
 * nothing here; its resolver refuses it.
 */
function topicsPageReach(info: GraphQLResolveInfo): number {
  const type = info.schema.getType('Agreement');
  const field = type && isObjectType(type) ? type.getFields().topics : undefined;
  if (!field) return 0;
  let reach = 0;
  for (const node of selectedField(info, 'Agreement', info.fieldNodes, 'topics')) {
    try {
      const a = getArgumentValues(field, node, info.variableValues) as { first?: number | null; offset?: number | null };
      const w = listWindow(a.first, a.offset);
      reach = Math.max(reach, w.skip + w.limit);
    } catch {
      // refused by the field's own resolver, with the argument's name
    }
  }
  return reach;
}

/**
 * The positions attested as wanted. Stated positions come with stub stances (no
 * attestation): their stances are read in one query, and the positions kept carry the
 * full stance.
 */
async function withAttestation(positions: Position[], wanted: Set<string>, ctx: GraphContext): Promise<Position[]> {
  const ids = [...new Set(positions.filter((p) => p.basis === 'STATED' && isStub(p.stance)).map((p) => p.stance!.id))];
  const read = await ctx.loaders.entity.loadMany(ids);
  const full = new Map<string, EntityRecord>();
  for (const e of read) {
    if (e instanceof Error) throw e;
    if (e) full.set(e.id, e);
  }
  return positions
    .map((p) => (p.basis === 'STATED' && p.stance && full.has(p.stance.id) ? { ...p, stance: full.get(p.stance.id)! } : p))
    .filter((p) => wanted.has(positionAttestation(p) ?? ''));
}

/** What the stubs of findActorPositions hold. */
const TOPIC_STUB = new Set(['id']);
const STANCE_STUB = new Set(['id', 'kind', 'date', 'datePrecision', 'dateEnd', 'approximate']);

/**
 * Whether the stubs answer the selection of `Agreement.topics` as they are: it reads no
 * property of topics and stances beyond the stubs' and no reasoning (which quotes the
 * stance's summary). A dashboard's selection needs the page read; a program that
 * counts verdicts or lists topic ids does not.
 */
function stubsAnswer(info: GraphQLResolveInfo): boolean {
  const within = (typeName: string, nodes: FieldNode[], available: ReadonlySet<string>) =>
    nodes.length === 0 || selectionReadsOnly(info, info.schema.getType(typeName)!, nodes, available);
  const topics = info.fieldNodes;
  const positions = selectedField(info, 'AgreementTopic', topics, 'positions');
  return (
    within('Entity', selectedField(info, 'AgreementTopic', topics, 'topic'), TOPIC_STUB) &&
    selectedField(info, 'Position', positions, 'reasoning').length === 0 &&
    within('Entity', selectedField(info, 'Position', positions, 'target'), TOPIC_STUB) &&
    within('Stance', selectedField(info, 'Position', positions, 'stance'), STANCE_STUB) &&
    selectedField(info, 'Position', positions, 'attestation').length === 0 &&
    selectedField(info, 'Position', positions, 'attestedBy').length === 0
  );
}

/**
 * The topics an agreement shows, with all properties of their targets and stances: the
 * comparison needs only ids, kinds and dates (findActorPositions reads stubs), so the
 * rest is read here, in one query, for the page only.
 */
async function hydrateTopics(topics: AgreementTopic[], ctx: GraphContext): Promise<AgreementTopic[]> {
  const ids = new Set<string>();
  for (const t of topics) {
    if (isStub(t.topic)) ids.add(t.topic.id);
    for (const p of t.positions) if (isStub(p.stance)) ids.add(p.stance!.id);
  }
  if (ids.size === 0) return topics;
  const read = await ctx.loaders.entity.loadMany([...ids]);
  const full = new Map<string, EntityRecord>();
  for (const e of read) {
    if (e instanceof Error) throw e; // a failed read, not a missing entity
    if (e) full.set(e.id, e);
  }
  // An entity deleted between the two reads keeps its stub: the answer stays whole.
  const filled = (e: EntityRecord | null) => (e && full.get(e.id)) ?? e;
  return topics.map((t) => {
    const topic = filled(t.topic)!;
    return { ...t, topic, positions: t.positions.map((p) => ({ ...p, target: topic, stance: filled(p.stance) })) };
  });
}

/** Resolvers of Position and Agreement (PositionTable's are in position-table.ts). */
export const positionResolvers = {
  Agreement: {
    topics: async (
      a: { topics: AgreementTopic[] },
      args: { verdicts?: string[] | null; first?: number | null; offset?: number | null },
      ctx: GraphContext,
      info: GraphQLResolveInfo,
    ) => {
      const window = listWindow(args.first, args.offset);
      const wanted = args.verdicts && args.verdicts.length > 0 ? new Set(args.verdicts) : null;
      const page = a.topics.filter((t) => !wanted || wanted.has(t.verdict)).slice(window.skip, window.skip + window.limit);
      return stubsAnswer(info) ? page : hydrateTopics(page, ctx);
    },
  },
  Position: {
    reasoning: positionReasoning,
    attestation: positionAttestation,
    attestedBy: async (p: Position, _: unknown, ctx: GraphContext) => {
      const id = positionAttestedById(p);
      return id === null ? null : ctx.loaders.entity.load(id);
    },
    date: (p: Position) => {
      const source = p.stance ?? p.target;
      return partialDate(source, p.stance ? 'date' : 'since');
    },
    target: async (p: Position, _: unknown, ctx: GraphContext) => (p.target.__label ? p.target : ctx.loaders.entity.load(p.target.id)),
    evidence: async (p: Position, _: unknown, ctx: GraphContext) =>
      (await ctx.loaders.relation('Fact.evidence').load(p.stance?.id ?? p.target.id)).map((i) => i.entity),
  },
};
