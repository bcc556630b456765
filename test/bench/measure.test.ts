import { describe, expect, it } from 'vitest';
import { measureLatency, measureThroughput, percentile, warmUp } from '../../src/bench/measure.js';

describe('benchmark measurements', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile(values, 100)]).toEqual([50, 95, 99, 100]);
  });

  it('counts failed requests as errors, not as times', async () => {
    const lat = await measureLatency(async (i) => {
      if (i === 1) throw new Error('GraphQL error: boom');
    }, 4, 8, 0);
    expect(lat.errors).toBe(2);
    expect(lat.firstError).toBe('GraphQL error: boom');
    const tp = await measureThroughput([async () => undefined], 1, 4, 0.05);
    expect(tp.errors).toBe(0);
    expect(tp.requests).toBeGreaterThan(0);
  });

  it('warms a server with requests cycling through every operation and its samples, errors not stopping it', async () => {
    const calls: string[] = [];
    const op = (name: string, fail = false) => async (i: number) => {
      calls.push(`${name}${i}`);
      if (fail) throw new Error('refused');
    };
    const failed = await warmUp([{ request: op('a'), samples: 2 }, { request: op('b', true), samples: 3 }], 7);
    expect(calls).toEqual(['a0', 'b0', 'a1', 'b1', 'a0', 'b2', 'a1']);
    expect(failed).toBe(3);
  });
});
