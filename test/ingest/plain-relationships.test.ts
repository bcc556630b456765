import { describe, expect, it } from 'vitest';
import { DERIVED_INPUT_TYPES } from '../../src/derived/derived-input-types.js';
import { planFile, plainRelationships } from '../../src/ingest/ingest-stream.js';
import { reportFile } from '../../src/synth/generate-corpus.js';

describe("the relationships a batch's nodes' transaction creates", () => {
  const f = reportFile({ actors: 500, statements: 5_000, seed: 1 }, 3);
  const planned = planFile({ name: f.name, seed: f.seed });
  const { plain, rest } = plainRelationships(planned.nodes, planned.rels);
  const ids = new Set(planned.nodes.map((n) => n.id));

  it('are of types no derived data reads, each with an end among the batch nodes; every other row is left for the relationships transaction', () => {
    expect(plain.length + rest.length).toBe(planned.rels.length);
    expect(plain.length).toBeGreaterThan(planned.rels.length / 3);
    for (const r of plain) {
      expect(DERIVED_INPUT_TYPES.has(r.type), r.key).toBe(false);
      expect(ids.has(r.from) || ids.has(r.to), r.key).toBe(true);
    }
    for (const r of rest) expect(DERIVED_INPUT_TYPES.has(r.type) || !(ids.has(r.from) || ids.has(r.to)), r.key).toBe(true);
    // A report's mentions, sources and places go with its nodes; its stances, demands and speakers with the upkeep.
    expect(new Set(plain.map((r) => r.type))).toEqual(new Set(['MENTIONS', 'REPORTED_IN', 'SOURCED_FROM', 'RELAYED_BY', 'SAID_AT', 'ADDRESSED_TO', 'PARTICIPATED_IN', 'PUBLISHED_BY', 'CITES', 'TOOK_PLACE_IN']));
  });

  it('leave a relationship between two nodes of earlier batches to the relationships transaction (MERGE: it may exist)', () => {
    const between = { key: 'MENTIONS|a|b', type: 'MENTIONS' as const, from: 'a', to: 'b', props: {} };
    expect(plainRelationships(planned.nodes, [between])).toEqual({ plain: [], rest: [between] });
  });
});
