/**
 * The validity intervals of a holder's stances on a topic: a stance holds until the
 * holder's next stance of the same kind; a tie on the date goes to the smallest id; a
 * stance on an issue that answers a demand never holds on the issue in agreements but
 * does among the positions.
 */
import { describe, expect, it } from 'vitest';
import { buildTopicPosition, OPEN_UNTIL, type PairStance } from '../../src/derived/topic-positions.js';

const stance = (id: string, kind: string, date: string, answersDemand = false): PairStance => ({
  id, kind, date, precision: 'DAY', end: date, approximate: null, towardsId: null, answersDemand,
});

describe('buildTopicPosition', () => {
  it('ends each stance at the next one of its kind, and leaves the last open', () => {
    const p = buildTopicPosition({
      holderId: 'nato', targetId: 'demand-a', targetLabel: 'Demand', made: null,
      stances: [stance('s2', 'REJECTS', '2022-02-01'), stance('s1', 'REJECTS', '2022-01-12'), stance('s3', 'SUPPORTS', '2022-01-20')],
    })!;
    expect(p.key).toBe('nato|demand-a');
    expect(p.stanceIds).toEqual(['s1', 's2', 's3']);
    expect(p.untils).toEqual(['2022-02-01', OPEN_UNTIL, OPEN_UNTIL]);
    expect(p.since).toBe('2022-01-12');
  });

  it('gives a tie on the date to the smallest id: the others hold for no day', () => {
    const p = buildTopicPosition({
      holderId: 'nato', targetId: 'demand-a', targetLabel: 'Demand', made: null,
      stances: [stance('s-b', 'REJECTS', '2022-01-12'), stance('s-a', 'REJECTS', '2022-01-12'), stance('s-c', 'REJECTS', '2022-03-01')],
    })!;
    const until = Object.fromEntries(p.stanceIds.map((id, i) => [id, [p.froms[i], p.untils[i]]]));
    expect(until).toEqual({ 's-a': ['2022-01-12', '2022-03-01'], 's-b': ['2022-01-12', '2022-01-12'], 's-c': ['2022-03-01', OPEN_UNTIL] });
  });

  it('keeps a stance that answers a demand out of an issue\'s agreement intervals, not out of its positions', () => {
    const p = buildTopicPosition({
      holderId: 'nato', targetId: 'issue-x', targetLabel: 'Issue', made: null,
      stances: [stance('s1', 'CRITICIZES', '2020-01-01'), stance('s2', 'CRITICIZES', '2021-01-01', true)],
    })!;
    expect(p.untils).toEqual([OPEN_UNTIL, '2021-01-01']);
    expect(p.untilsOn).toEqual(['2021-01-01', OPEN_UNTIL]);
  });

  it('holds a demand its holder made, and nothing when there is neither stance nor demand', () => {
    const made = { since: '2021-12-17', precision: 'DAY', end: '2021-12-17', approximate: null };
    const p = buildTopicPosition({ holderId: 'russia', targetId: 'demand-a', targetLabel: 'Demand', made, stances: [] })!;
    expect([p.madeSince, p.kinds, p.since]).toEqual(['2021-12-17', [], '2021-12-17']);
    expect(buildTopicPosition({ holderId: 'russia', targetId: 'demand-a', targetLabel: 'Demand', made: null, stances: [] })).toBeNull();
  });
});
