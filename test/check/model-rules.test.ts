/**
 * The rules the invariant checks apply, as derived from the planner, the reference rules
 * and the seed schema: complete (every relationship type the planner makes is allowed
 * somewhere) and exactly as strict as validation (the four invariants).
 */
import { describe, expect, it } from 'vitest';
import { modelRules } from '../../src/check/model-rules.js';
import { RELATIONSHIP_TYPES } from '../../src/seed/plan-graph.js';

describe('model rules', () => {
  const { allowedTriples, required } = modelRules();

  it('allows every relationship type the planner makes, between the kinds the reference rules name', () => {
    const types = new Set(allowedTriples.map((t) => t.split('|')[0]));
    expect([...types].sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(allowedTriples).toContain('EVIDENCED_BY|Stance|Statement');
    expect(allowedTriples).toContain('RESPONDS_TO|Stance|Instrument');
    expect(allowedTriples).toContain('MENTIONS|Source|Actor');
    expect(allowedTriples).toContain('SOURCED_FROM|Stance|Source');
    expect(allowedTriples).not.toContain('EVIDENCED_BY|Stance|Actor');
    expect(allowedTriples).not.toContain('SAID|Statement|Actor');
  });

  it('requires a holder and evidence of a stance, a maker and addressee of a demand, a speaker and source of a statement', () => {
    const has = (label: string, type: string, outgoing: boolean) => required.some((r) => r.label === label && r.type === type && r.outgoing === outgoing);
    expect(has('Stance', 'TOOK', false)).toBe(true);
    expect(has('Stance', 'EVIDENCED_BY', true)).toBe(true);
    expect(has('Demand', 'MADE_DEMAND', false)).toBe(true);
    expect(has('Demand', 'ADDRESSED_TO', true)).toBe(true);
    expect(has('Statement', 'SAID', false)).toBe(true);
    expect(has('Statement', 'REPORTED_IN', true)).toBe(true);
    // Optional fields are not required: a demand's evidence, a statement's event.
    expect(has('Demand', 'EVIDENCED_BY', true)).toBe(false);
    expect(has('Statement', 'SAID_AT', true)).toBe(false);
  });
});
