/**
 * Agreement between actors: groups their positions by demand or issue and
 * decides, topic by topic, whether they agree, disagree or are mixed.
 */
import type { EntityRecord } from './entity-record.js';
import type { Position } from './positions.js';

/** Stance kinds that favour the target (a demand, or progress on an issue). */
const FAVOURING = new Set(['SUPPORTS', 'OPEN_TO', 'OFFERS', 'CONDITIONS']);

/** The verdict on one topic. */
export type Verdict = 'AGREE' | 'DISAGREE' | 'MIXED';

/** One topic with the actors' positions and the verdict. */
export interface AgreementTopic {
  topic: EntityRecord;
  verdict: Verdict;
  positions: Position[];
}

/** For, against or both: how an actor leans on a topic. */
function leaning(positions: Position[]): 'for' | 'against' | 'both' {
  const kinds = new Set(positions.map((p) => (FAVOURING.has(p.kind) ? 'for' : 'against')));
  return kinds.size > 1 ? 'both' : ([...kinds][0] as 'for' | 'against');
}

/**
 * Decides agreement topic by topic, over topics where at least two of the
 * actors hold a position: AGREE when all lean the same way, DISAGREE when one
 * leans for and another against, MIXED otherwise.
 */
export function compareActors(actorIds: string[], targets: Map<string, EntityRecord>, positions: Position[]): AgreementTopic[] {
  const byTopic = new Map<string, Position[]>();
  for (const p of positions) byTopic.set(p.target.id, [...(byTopic.get(p.target.id) ?? []), p]);
  const topics: AgreementTopic[] = [];
  for (const [topicId, list] of byTopic) {
    const perActor = actorIds.map((a) => list.filter((p) => p.actor.id === a)).filter((l) => l.length > 0);
    if (perActor.length < 2) continue;
    const leanings = perActor.map(leaning);
    let verdict: Verdict = 'MIXED';
    if (leanings.every((l) => l === leanings[0]) && leanings[0] !== 'both') verdict = 'AGREE';
    else if (leanings.includes('for') && leanings.includes('against')) verdict = 'DISAGREE';
    topics.push({ topic: targets.get(topicId)!, verdict, positions: list.sort((a, b) => actorIds.indexOf(a.actor.id) - actorIds.indexOf(b.actor.id)) });
  }
  const order: Record<Verdict, number> = { DISAGREE: 0, MIXED: 1, AGREE: 2 };
  return topics.sort((a, b) => order[a.verdict] - order[b.verdict] || a.topic.id.localeCompare(b.topic.id));
}
