/**
 * A pair updated from its stored lists and the stances a write touched equals the pair
 * built from all its stances (decision 0063), over batches of added stances in any date
 * order, with ties and stances that answer a demand; a touched stance that changed its
 * date or kind, left the pair or began to answer a demand asks for a rebuild.
 */
import { describe, expect, it } from 'vitest';
import { storedEntries, updateTopicPosition } from '../../src/derived/topic-position-update.js';
import { buildTopicPosition, type PairStance, type TopicPositionProps } from '../../src/derived/topic-positions.js';

const stance = (id: string, kind: string, date: string, answersDemand = false, towardsId: string | null = null): PairStance => ({
  id, kind, date, precision: 'DAY', end: date, approximate: null, towardsId, answersDemand,
});

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stored = (p: TopicPositionProps | null): Record<string, unknown> | null => (p ? (JSON.parse(JSON.stringify(p)) as Record<string, unknown>) : null);

describe('updateTopicPosition', () => {
  it('equals a build from every stance over batches of added stances, later batches dated before earlier ones', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = random(seed);
      const targetLabel = rnd() < 0.5 ? 'Issue' : 'Demand';
      const pair = { holderId: 'nato', targetId: 't', targetLabel, made: null } as const;
      const all: PairStance[] = [];
      let current: TopicPositionProps | null = null;
      const batches = 1 + Math.floor(rnd() * 6);
      for (let b = 0; b < batches; b++) {
        const added: PairStance[] = [];
        const n = 1 + Math.floor(rnd() * 6);
        for (let i = 0; i < n; i++) {
          // Few kinds and few dates: ties on the date are common; later batches reach earlier dates too.
          const date = `2020-0${1 + Math.floor(rnd() * 4)}-0${1 + Math.floor(rnd() * 3)}`;
          const kind = rnd() < 0.5 ? 'SUPPORTS' : 'REJECTS';
          added.push(stance(`s${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}-${b}-${i}`, kind, date, targetLabel === 'Issue' && rnd() < 0.3, rnd() < 0.3 ? 'russia' : null));
        }
        all.push(...added);
        const s = stored(current);
        const next = updateTopicPosition(pair, s ? storedEntries(s) : [], added, new Set(added.map((x) => x.id)));
        expect(next, `seed ${seed}, batch ${b}`).toEqual(buildTopicPosition({ ...pair, stances: all }));
        current = next as TopicPositionProps;
      }
    }
  });

  it('keeps untouched entries as stored (blank precision, towards) and replaces a touched one with what it is now', () => {
    const pair = { holderId: 'nato', targetId: 'issue-x', targetLabel: 'Issue', made: null } as const;
    const first = buildTopicPosition({ ...pair, stances: [{ ...stance('s1', 'CRITICIZES', '2020-01-01'), precision: null, end: null }, stance('s2', 'CRITICIZES', '2021-01-01')] })!;
    const moved = stance('s2', 'CRITICIZES', '2021-01-01', false, 'russia');
    const next = updateTopicPosition(pair, storedEntries(stored(first)!), [moved], new Set(['s2']));
    expect(next).toEqual(buildTopicPosition({ ...pair, stances: [{ ...stance('s1', 'CRITICIZES', '2020-01-01'), precision: null, end: null }, moved] }));
  });

  it('asks for a rebuild when a touched stance changed its date or kind, left the pair, or began to answer a demand while it counted', () => {
    const pair = { holderId: 'nato', targetId: 'issue-x', targetLabel: 'Issue', made: null } as const;
    const first = buildTopicPosition({ ...pair, stances: [stance('s1', 'CRITICIZES', '2020-01-01'), stance('s2', 'CRITICIZES', '2021-01-01'), stance('s3', 'CRITICIZES', '2022-01-01', true)] })!;
    const entries = storedEntries(stored(first)!);
    expect(updateTopicPosition(pair, entries, [stance('s1', 'CRITICIZES', '2023-01-01')], new Set(['s1']))).toBe('rebuild');
    expect(updateTopicPosition(pair, entries, [stance('s1', 'SUPPORTS', '2020-01-01')], new Set(['s1']))).toBe('rebuild');
    expect(updateTopicPosition(pair, entries, [], new Set(['s1']))).toBe('rebuild');
    expect(updateTopicPosition(pair, entries, [stance('s1', 'CRITICIZES', '2020-01-01', true)], new Set(['s1']))).toBe('rebuild');
    // Already out of the agreement intervals: answering a demand still changes nothing else.
    expect(updateTopicPosition(pair, entries, [stance('s3', 'CRITICIZES', '2022-01-01', true)], new Set(['s3']))).toEqual(first);
  });

  it('reads a bulk-loaded pair whose blank lists were left out', () => {
    const pair = { holderId: 'nato', targetId: 'demand-a', targetLabel: 'Demand', made: null } as const;
    const one = buildTopicPosition({ ...pair, stances: [{ ...stance('s1', 'SUPPORTS', '2020-01-01'), precision: null, end: null }] })!;
    const s = stored(one)!;
    for (const k of ['precisions', 'ends', 'approximates', 'towards']) delete s[k];
    const added = stance('s0', 'SUPPORTS', '2019-01-01');
    expect(updateTopicPosition(pair, storedEntries(s), [added], new Set(['s0']))).toEqual(buildTopicPosition({ ...pair, stances: [...[{ ...stance('s1', 'SUPPORTS', '2020-01-01'), precision: null, end: null }], added] }));
  });
});
