/**
 * Verdict spans (decision 0053): per pair, the intervals over which a plain topic's
 * verdict class (the verdict when no aim is an asked actor or the holder) stays the same,
 * and on an issue the intervals over which each actor is aimed at; none where nothing is
 * in force, and an interval lost to a tie (empty) changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildTopicPosition, OPEN_UNTIL, type PairStance } from '../../src/derived/topic-positions.js';
import { verdictSpans } from '../../src/derived/verdict-spans.js';

const stance = (id: string, kind: string, date: string, towardsId: string | null = null): PairStance => ({
  id, kind, date, precision: 'DAY', end: date, approximate: null, towardsId, answersDemand: false,
});

const spansOf = (targetLabel: 'Demand' | 'Issue', stances: PairStance[]) =>
  verdictSpans(buildTopicPosition({ holderId: 'nato', targetId: 't', targetLabel, made: null, stances })!).map((s) => [s.verdict ?? `aim:${s.aimId}`, s.from, s.until]);

describe('verdictSpans', () => {
  it('on a demand: AGREE while its entries lean one way, MIXED while they lean both, none before the first', () => {
    expect(spansOf('Demand', [stance('s1', 'SUPPORTS', '2020-01-01'), stance('s2', 'REJECTS', '2021-01-01'), stance('s3', 'REJECTS', '2022-01-01'), stance('s4', 'SUPPORTS', '2022-06-01')])).toEqual([
      ['AGREE', '2020-01-01', '2021-01-01'],
      ['MIXED', '2021-01-01', OPEN_UNTIL],
    ]);
    // A later stance of the same kind continues the class: one span, not two.
    expect(spansOf('Demand', [stance('s1', 'REJECTS', '2020-01-01'), stance('s2', 'REJECTS', '2021-01-01')])).toEqual([['AGREE', '2020-01-01', OPEN_UNTIL]]);
  });

  it('on an issue: AGREE while an entry favours it or a non-favouring one has an aim, MIXED while neither; each aim its own spans', () => {
    expect(spansOf('Issue', [stance('s1', 'WARNS', '2020-01-01'), stance('s2', 'CRITICIZES', '2021-01-01', 'russia'), stance('s3', 'CRITICIZES', '2022-01-01', 'china'), stance('s4', 'OPEN_TO', '2023-01-01')])).toEqual([
      ['AGREE', '2021-01-01', OPEN_UNTIL],
      ['MIXED', '2020-01-01', '2021-01-01'],
      ['aim:china', '2022-01-01', OPEN_UNTIL],
      ['aim:russia', '2021-01-01', '2022-01-01'],
    ]);
    // A favouring stance's aim is no aim.
    expect(spansOf('Issue', [stance('s1', 'SUPPORTS', '2020-01-01', 'russia')])).toEqual([['AGREE', '2020-01-01', OPEN_UNTIL]]);
  });

  it('an entry that holds for no day (lost to a tie) adds no span and splits none', () => {
    expect(spansOf('Demand', [stance('s-a', 'REJECTS', '2020-01-01'), stance('s-b', 'REJECTS', '2020-01-01'), stance('s-c', 'SUPPORTS', '2021-01-01')])).toEqual([
      ['AGREE', '2020-01-01', '2021-01-01'],
      ['MIXED', '2021-01-01', OPEN_UNTIL],
    ]);
  });

  it('keys every span apart, and ties each to its pair', () => {
    const spans = verdictSpans(buildTopicPosition({ holderId: 'nato', targetId: 'issue-x', targetLabel: 'Issue', made: null, stances: [stance('s1', 'CRITICIZES', '2021-01-01', 'russia'), stance('s2', 'WARNS', '2021-01-01', 'russia')] })!);
    expect(spans.map((s) => [s.key, s.pairKey, s.holderId, s.targetId])).toEqual([
      ['nato|issue-x|AGREE|2021-01-01', 'nato|issue-x', 'nato', 'issue-x'],
      ['nato|issue-x|aim:russia|2021-01-01', 'nato|issue-x', 'nato', 'issue-x'],
    ]);
  });
});
