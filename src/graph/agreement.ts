/**
 * Agreement between actors: groups their positions by demand or issue and
 * decides, topic by topic, whether they agree, disagree or are mixed.
 */
import type { EntityRecord } from './entity-record.js';
import type { Position } from './positions.js';

/** Stance kinds that favour the target (a demand, or progress on an issue); cypher/read/agreement.cypher gets them as a parameter. */
export const FAVOURING_KINDS = ['SUPPORTS', 'OPEN_TO', 'OFFERS', 'CONDITIONS'] as const;
const FAVOURING: ReadonlySet<string> = new Set(FAVOURING_KINDS);

/** The verdict on one topic. */
export type Verdict = 'AGREE' | 'DISAGREE' | 'MIXED';

/** One topic with the actors' positions and the verdict. */
export interface AgreementTopic {
  topic: EntityRecord;
  verdict: Verdict;
  positions: Position[];
}

/** For, against or both: how an actor leans on a demand. */
function leaning(positions: Position[]): 'for' | 'against' | 'both' {
  const kinds = new Set(positions.map((p) => (FAVOURING.has(p.kind) ? 'for' : 'against')));
  return kinds.size > 1 ? 'both' : ([...kinds][0] as 'for' | 'against');
}

/** On a demand, actors lean for or against it: AGREE, DISAGREE or MIXED. */
function demandVerdict(perActor: Position[][]): Verdict {
  const leanings = perActor.map(leaning);
  if (leanings.every((l) => l === leanings[0]) && leanings[0] !== 'both') return 'AGREE';
  if (leanings.includes('for') && leanings.includes('against')) return 'DISAGREE';
  return 'MIXED';
}

/**
 * On an issue, a stance is not for or against the issue itself: criticism,
 * accusations, blame, warnings and concern are aimed at someone, and openness,
 * support, offers and conditions favour progress. Actors DISAGREE when one aims
 * such a stance at another (or at the organisation another's position comes
 * from); they AGREE when all favour progress, or all aim at the same third
 * party; both at once, or neither, is MIXED.
 */
function issueVerdict(perActor: Position[][]): Verdict {
  const sides = perActor.map((list) => new Set([list[0]!.actor.id, ...list.flatMap((p) => (p.orgId ? [p.orgId] : []))]));
  const aims = perActor.map((list) => new Set(list.filter((p) => !FAVOURING.has(p.kind) && p.towardsId).map((p) => p.towardsId!)));
  const conflict = aims.some((aimed, i) => sides.some((side, j) => i !== j && [...aimed].some((t) => side.has(t))));
  const cooperate = perActor.every((list) => list.some((p) => FAVOURING.has(p.kind)));
  if (conflict) return cooperate ? 'MIXED' : 'DISAGREE';
  if (cooperate) return 'AGREE';
  const [first, ...rest] = aims;
  const common = [...(first ?? [])].some((t) => rest.every((a) => a.has(t)));
  return common ? 'AGREE' : 'MIXED';
}

/**
 * Decides agreement topic by topic, over topics where at least two of the
 * actors hold a position. Demands: AGREE when all lean the same way, DISAGREE
 * when one leans for and another against, MIXED otherwise. Issues: see
 * issueVerdict. A stance that answers a demand counts on the demand only.
 */
export function compareActors(actorIds: string[], targets: Map<string, EntityRecord>, positions: Position[]): AgreementTopic[] {
  // One pass, grouped by topic and actor (a hub pair compares 10^4 topics): no list is copied or filtered per topic.
  const rank = new Map(actorIds.map((a, i) => [a, i]));
  const byTopic = new Map<string, Position[][]>();
  for (const p of positions) {
    let perActor = byTopic.get(p.target.id);
    if (!perActor) byTopic.set(p.target.id, (perActor = actorIds.map(() => [])));
    perActor[rank.get(p.actor.id)!]!.push(p);
  }
  const topics: AgreementTopic[] = [];
  for (const [topicId, lists] of byTopic) {
    const perActor = lists.filter((l) => l.length > 0);
    if (perActor.length < 2) continue;
    const topic = targets.get(topicId)!;
    const verdict = topic.__label === 'Issue' ? issueVerdict(perActor) : demandVerdict(perActor);
    topics.push({ topic, verdict, positions: perActor.flat() });
  }
  return topics.sort(byVerdictAndId);
}

/** The order verdicts are listed in: disagreements first. */
export const VERDICT_ORDER: Record<Verdict, number> = { DISAGREE: 0, MIXED: 1, AGREE: 2 };

/**
 * The order of an agreement's topics: by verdict, then by id in code-point order, the
 * order of Cypher's ORDER BY (cypher/read/agreement.cypher pages plain topics by it). For
 * ids as the model allows them (lower-case letters, digits, hyphens) it is also the order
 * of localeCompare, which this list used before.
 */
export function byVerdictAndId(a: AgreementTopic, b: AgreementTopic): number {
  return VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || (a.topic.id < b.topic.id ? -1 : a.topic.id > b.topic.id ? 1 : 0);
}
