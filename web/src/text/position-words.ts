/**
 * Why an actor holds a position, in words built from the position's fields (the API's
 * `reasoning` is for programs: it carries codes and ids), e.g. "Germany inherits
 * North Atlantic Treaty Organization’s rejection (12 January 2022) as a member of North
 * Atlantic Treaty Organization since 6 May 1955."
 */
import type { PositionCell } from '../operations/positions.js';
import { formatDate } from './dates.js';
import { enumLabel, say } from './vocabulary.js';

const summary = (text: string): string => text.replace(/[.\s]+$/, '');

/** One position explained in a sentence. */
export function positionReason(p: PositionCell): string {
  const kind = enumLabel('StanceKind', p.kind).toLowerCase();
  const when = formatDate(p.date);
  if (p.basis === 'DEMANDED') return say(`${p.actor.label} made this demand (since ${when}).`);
  if (p.basis === 'INHERITED' && p.via) {
    const org = p.via.organization.label;
    return say(`${p.actor.label} inherits “${kind}” from ${org} (${org}’s stance of ${when}${p.stance ? `: ${summary(p.stance.summary)}` : ''}) as a member of ${org} since ${formatDate(p.via.from)}.`);
  }
  return say(`${p.actor.label} ${kind} (${when})${p.stance ? `: ${summary(p.stance.summary)}` : ''}.`);
}

/** What a position's basis is, as a short prefix: "Stated", "Inherited", "Made the demand". */
export function basisLabel(p: PositionCell): string {
  return enumLabel('PositionBasis', p.basis);
}
