/**
 * An agreement that reads what its answer needs (issue 18, docs/decisions/0048, 0057): the
 * topics on which every asked actor holds exactly one organisation's entries ("plain")
 * are counted per verdict in Cypher, and so are the other topics (decided in the query by
 * the rules of composeActorPositions and compareActors); only those a page can show are
 * sent, and composed and compared here as before, which gives their positions.
 */
import { composeActorPositions } from './actor-positions.js';
import { compareActors, FAVOURING_KINDS, type AgreementTopic, type Verdict } from './agreement.js';
import { endOfPeriod } from './dates.js';
import type { EntityRecord } from './entity-record.js';
import { int, type GraphReader, type Row } from './graph-reader.js';
import { decodeActorPositions } from './positions.js';

/** An agreement's counts and the topics any page of `pageSize` or fewer (offset included) can show. */
export interface AgreementAnswer {
  /** Per verdict (disagreements first), the first `pageSize` topics in id order, with their positions. */
  topics: AgreementTopic[];
  agreeCount: number;
  disagreeCount: number;
  mixedCount: number;
  /** The organisation whose plain topics were counted in the query (null: every topic was compared). */
  summaryId: string | null;
  /** How many topics were plain (counted, not composed unless on a page). */
  plainCount: number;
  /** Per verdict, how many of the other (exceptional) topics the query decided itself (decision 0057). */
  decidedCounts: Record<Verdict, number>;
}

/** The parameters of cypher/read/agreement.cypher. */
export function agreementParams(actorIds: string[], asOf: unknown, issueIds: string[] | null, pageSize: number): Record<string, unknown> {
  return { actorIds, asOf, issueIds, favouring: [...FAVOURING_KINDS], pageSize: int(pageSize) };
}

/**
 * The agreement of `actors` as of a date, over every topic or those of `issueIds` (sub-issues
 * already expanded): counts of every verdict, and per verdict the first `pageSize` topics in
 * id order, which is all a page `topics(verdicts, offset, first)` with offset + first <=
 * pageSize reads (it lists verdicts in order, each in id order). One query.
 */
export async function readAgreement(
  reader: GraphReader,
  args: { actors: EntityRecord[]; asOf: string | null; issueIds: string[] | null; pageSize: number },
): Promise<AgreementAnswer> {
  const row = await readAgreementRow(reader, { actorIds: args.actors.map((a) => a.id), asOf: args.asOf, issueIds: args.issueIds, pageSize: args.pageSize });
  return answerFromRow(args.actors, row, args.pageSize);
}

/**
 * The row of cypher/read/agreement.cypher, from the actors' ids alone: a caller that has
 * not read the actors yet asks for both in the same turn, so they share one round trip
 * (decision 0061), and composes the answer with answerFromRow once it has them. An
 * unknown id holds nothing here; the caller refuses it.
 */
export async function readAgreementRow(
  reader: GraphReader,
  args: { actorIds: string[]; asOf: string | null; issueIds: string[] | null; pageSize: number },
): Promise<Row | null> {
  const [row] = await reader.read('agreement', agreementParams(args.actorIds, endOfPeriod(args.asOf), args.issueIds, args.pageSize));
  return row ?? null;
}

/** The answer from the row of cypher/read/agreement.cypher (plain values): exceptional topics compared, plain ones counted. */
export function answerFromRow(actors: EntityRecord[], row: Row | null, pageSize: number): AgreementAnswer {
  const orgs = ((row?.orgs ?? []) as Row[]).map((o) => o.props as Row);
  const found = decodeActorPositions(actors, { positions: row ? composeActorPositions(row) : [], memberships: (row?.memberships ?? []) as Row[], orgs });
  const compared = compareActors(
    actors.map((a) => a.id),
    found.targets,
    found.positions,
  );
  const counts: Record<Verdict, number> = { AGREE: 0, DISAGREE: 0, MIXED: 0 };
  const decidedCounts: Record<Verdict, number> = { AGREE: 0, DISAGREE: 0, MIXED: 0 };
  const plainSent = new Set<string>();
  let plainCount = 0;
  type Counted = Array<{ verdict: Verdict; count: number; ids: string[] }>;
  for (const { verdict, count, ids } of (row?.plain ?? []) as Counted) {
    counts[verdict] += count;
    plainCount += count;
    for (const id of ids) plainSent.add(id);
  }
  // The exceptional topics the query decided itself (decision 0057): counted there, only a page's sent.
  for (const { verdict, count, ids } of (row?.decided ?? []) as Counted) {
    counts[verdict] += count;
    decidedCounts[verdict] += count;
    for (const id of ids) plainSent.add(id);
  }
  // A plain topic sent is counted above; every other compared topic is an exceptional one.
  for (const t of compared) if (!plainSent.has(t.topic.id)) counts[t.verdict]++;
  const shown: Record<Verdict, number> = { AGREE: 0, DISAGREE: 0, MIXED: 0 };
  // compareActors lists them by verdict, then id.
  const topics = compared.filter((t) => ++shown[t.verdict] <= pageSize);
  return { topics, agreeCount: counts.AGREE, disagreeCount: counts.DISAGREE, mixedCount: counts.MIXED, summaryId: (row?.summaryId as string | null) ?? null, plainCount, decidedCounts };
}
