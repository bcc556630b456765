import { describe, expect, it } from 'vitest';
import { compareActors } from '../../src/graph/agreement.js';
import type { EntityRecord } from '../../src/graph/entity-record.js';
import type { Position } from '../../src/graph/positions.js';

const actor = (id: string): EntityRecord => ({ id, name: id, __label: 'Actor' });
const demand: EntityRecord = { id: 'd', __label: 'Demand' };
const issue: EntityRecord = { id: 'i', __label: 'Issue' };
const targets = new Map([
  ['d', demand],
  ['i', issue],
]);

function pos(actorId: string, kind: string, target: EntityRecord, extra: Partial<Position> = {}): Position {
  return { actor: actor(actorId), kind, derived: false, basis: 'STATED', stance: null, via: null, target, date: '2022-01-12', ...extra };
}

const verdicts = (positions: Position[]) => Object.fromEntries(compareActors(['a', 'b'], targets, positions).map((t) => [t.topic.id, t.verdict]));

describe('compareActors', () => {
  it('on a demand: the maker supports it, a rejection disagrees, two rejections agree', () => {
    expect(verdicts([pos('a', 'SUPPORTS', demand), pos('b', 'REJECTS', demand)])).toEqual({ d: 'DISAGREE' });
    expect(verdicts([pos('a', 'REJECTS', demand), pos('b', 'REJECTS', demand)])).toEqual({ d: 'AGREE' });
    expect(verdicts([pos('a', 'SUPPORTS', demand), pos('a', 'REJECTS', demand), pos('b', 'REJECTS', demand)])).toEqual({ d: 'MIXED' });
  });

  it('on an issue: criticising each other is no agreement, even if both criticise', () => {
    const positions = [pos('a', 'CRITICIZES', issue, { towardsId: 'b' }), pos('b', 'ACCUSES', issue, { towardsId: 'a' })];
    expect(verdicts(positions)).toEqual({ i: 'DISAGREE' });
  });

  it('on an issue: criticism of the organisation a member inherits from counts against the member', () => {
    const positions = [pos('a', 'BLAMES', issue, { towardsId: 'org' }), pos('b', 'OPEN_TO', issue, { derived: true, basis: 'INHERITED', orgId: 'org' })];
    expect(verdicts(positions)).toEqual({ i: 'DISAGREE' });
  });

  it('on an issue: both open to talks agree; open while blaming each other is mixed; a common target agrees', () => {
    expect(verdicts([pos('a', 'OPEN_TO', issue), pos('b', 'OPEN_TO', issue)])).toEqual({ i: 'AGREE' });
    expect(verdicts([pos('a', 'OPEN_TO', issue), pos('a', 'BLAMES', issue, { towardsId: 'b' }), pos('b', 'OPEN_TO', issue)])).toEqual({ i: 'MIXED' });
    expect(verdicts([pos('a', 'WARNS', issue, { towardsId: 'c' }), pos('b', 'CRITICIZES', issue, { towardsId: 'c' })])).toEqual({ i: 'AGREE' });
    expect(verdicts([pos('a', 'WARNS', issue, { towardsId: 'c' }), pos('b', 'CRITICIZES', issue, { towardsId: 'e' })])).toEqual({ i: 'MIXED' });
  });

  it('leaves out a topic only one of the actors has a position on', () => {
    expect(verdicts([pos('a', 'OPEN_TO', issue), pos('b', 'REJECTS', demand)])).toEqual({});
  });
});
