import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { countBy, planGraph } from '../../src/seed/plan-graph.js';
import { parseSeedText } from '../../src/seed/read-seed-files.js';
import { seedFileSchema } from '../../src/seed/seed-schema.js';
import { validateSeeds } from '../../src/seed/validate-seeds.js';
import { actorId, corpusLayout } from '../../src/synth/corpus-layout.js';
import { corpusFileCount, generateCorpus } from '../../src/synth/generate-corpus.js';
import { progressLine } from '../../src/ingest/progress.js';

const opts = { actors: 200, statements: 1_200, seed: 7, statementsPerFile: 300 };

const digest = (o: typeof opts): string => {
  const h = createHash('sha256');
  for (const f of generateCorpus(o)) h.update(f.name).update(stringify(f.seed));
  return h.digest('hex');
};

const validated = (o: typeof opts) => {
  const parsed = [...generateCorpus(o)].map((f) => parseSeedText(f.name, stringify(f.seed)).parsed);
  return validateSeeds(parsed);
};

describe('synthetic corpus', () => {
  it('is the same for the same options, and different for another seed', () => {
    expect(digest(opts)).toBe(digest({ ...opts }));
    expect(digest({ ...opts, seed: 8 })).not.toBe(digest(opts));
  });

  it('passes the curated loader\'s validation (schema and cross-file references)', () => {
    const { files, issues } = validated(opts);
    expect(issues).toEqual([]);
    expect(files).toHaveLength(corpusFileCount(opts));
  });

  it('is already what the seed schema makes of it, so the bulk load plans it without validating it again', () => {
    for (const o of [opts, { actors: 5_000, statements: 4_000, seed: 1, statementsPerFile: 500 }]) {
      for (const f of generateCorpus(o)) expect(seedFileSchema.parse(f.seed), f.name).toStrictEqual(f.seed);
    }
  });

  it('has the statements asked for, in a reference file and report files', () => {
    const files = [...generateCorpus(opts)];
    expect(files.map((f) => f.name)).toEqual([
      '000000-synth-reference.yaml',
      '000001-synth-report-1.yaml',
      '000002-synth-report-2.yaml',
      '000003-synth-report-3.yaml',
      '000004-synth-report-4.yaml',
    ]);
    expect(files.reduce((n, f) => n + f.statements, 0)).toBe(1_200);
    expect(files[0]!.seed.actors).toHaveLength(200);
  });

  it('is shaped like real coverage: hub actors, memberships, demands with many responses, years of statements', () => {
    const { files } = validated({ ...opts, statements: 3_000, statementsPerFile: 500 });
    const plan = planGraph(files);
    const l = corpusLayout({ ...opts, statements: 3_000, statementsPerFile: 500 });
    const labels = countBy(plan.nodes, (n) => n.label);
    expect(labels.Statement).toBe(3_000);
    expect(labels.Membership).toBeGreaterThan(0);
    expect(labels.Source).toBe(1 + 2 * 6);

    // A few hubs: the busiest actor speaks, holds stances or makes demands far more than the median one.
    const degree = countBy(plan.rels.filter((r) => ['SAID', 'TOOK', 'MADE_DEMAND', 'PARTICIPATED_IN'].includes(r.type)), (r) => r.from);
    const sorted = Object.values(degree).sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(10 * sorted[Math.floor(sorted.length / 2)]!);
    // The big alliance has many members.
    const members = plan.rels.filter((r) => r.type === 'MEMBERSHIP_IN' && r.to === actorId(l, 0)).length;
    expect(members).toBeGreaterThan(10);
    // Some demand gathers many responses.
    const responses = Object.values(countBy(plan.rels.filter((r) => r.type === 'RESPONDS_TO'), (r) => r.to)).sort((a, b) => b - a);
    expect(responses[0]!).toBeGreaterThan(20);
    // Statements span years.
    const years = new Set(plan.nodes.filter((n) => n.label === 'Statement').map((n) => String(n.props.said).slice(0, 4)));
    expect(years.size).toBeGreaterThan(5);
  });

  it('refuses sizes it cannot lay out', () => {
    expect(() => corpusLayout({ actors: 10, statements: 100, seed: 1 })).toThrow(/at least 30/);
    expect(() => corpusLayout({ actors: 100, statements: 0, seed: 1 })).toThrow(/statements/);
  });
});

describe('progress line', () => {
  it('shows the share done, the rate and the time left', () => {
    expect(progressLine('statements', 2_500, 10_000, 2, 8)).toBe('[##......]  25% 2,500/10,000 statements 1,250/s ETA 6.0s');
  });
});
