import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { circuitOf } from '../../src/neo4j/circuit.js';
import { neo4jErrorKind } from '../../src/neo4j/errors.js';

const driver = () => ({}) as Driver;

describe('circuitOf', () => {
  it('lets everything through while Neo4j answers', () => {
    const c = circuitOf(driver());
    expect(c.refusal(0)).toBeNull();
    c.succeeded();
    expect(c.refusal(1)).toBeNull();
  });

  it('after an outage, refuses at once with an unavailable error, letting one probe through a second', () => {
    const c = circuitOf(driver(), 1_000);
    c.failedUnavailable(10_000);
    const refused = c.refusal(10_200);
    expect(refused).not.toBeNull();
    expect(neo4jErrorKind(refused)).toBe('unavailable');
    expect(c.refusal(11_000)).toBeNull(); // the probe
    expect(c.refusal(11_100)).not.toBeNull(); // others wait for its outcome
    c.succeeded();
    expect(c.refusal(11_200)).toBeNull();
  });

  it('is one circuit per driver', () => {
    const a = driver();
    circuitOf(a).failedUnavailable(0);
    expect(circuitOf(a).refusal(10)).not.toBeNull();
    expect(circuitOf(driver()).refusal(10)).toBeNull();
  });
});
