/** ClientLimiter: per-client concurrency and rate of expensive operations, with bounded memory. */
import { describe, expect, it } from 'vitest';
import { ClientLimiter } from '../../src/throttle/client-limiter.js';

/** A limiter on a clock the test moves. */
function limiter(limits: { perClient: number; perMinute: number; maxClients: number }) {
  const clock = { now: 0 };
  return { clock, limiter: new ClientLimiter(limits, () => clock.now) };
}

describe('ClientLimiter', () => {
  it('refuses a client over its concurrency, not another client, and gives the slot back once', () => {
    const { limiter: l } = limiter({ perClient: 2, perMinute: 100, maxClients: 10 });
    const a1 = l.tryAcquire('a');
    const a2 = l.tryAcquire('a');
    expect(a1.ok && a2.ok).toBe(true);
    expect(l.tryAcquire('a')).toEqual({ ok: false, reason: 'concurrency', retryAfterSeconds: 1 });
    expect(l.tryAcquire('b').ok).toBe(true);
    if (!a1.ok) throw new Error('unreachable');
    a1.release();
    a1.release(); // a second release must not free a second slot
    expect(l.tryAcquire('a').ok).toBe(true);
    expect(l.tryAcquire('a').ok).toBe(false);
  });

  it('refuses a client over its rate with the seconds until its next token, and refills', () => {
    const { clock, limiter: l } = limiter({ perClient: 100, perMinute: 6, maxClients: 10 });
    for (let i = 0; i < 6; i++) {
      const slot = l.tryAcquire('a');
      expect(slot.ok).toBe(true);
      if (slot.ok) slot.release();
    }
    expect(l.tryAcquire('a')).toEqual({ ok: false, reason: 'rate', retryAfterSeconds: 10 });
    clock.now += 10_000;
    expect(l.tryAcquire('a').ok).toBe(true);
  });

  it('keeps at most maxClients idle clients, forgetting the least recently seen', () => {
    const { limiter: l } = limiter({ perClient: 1, perMinute: 10, maxClients: 100 });
    for (let i = 0; i < 10_000; i++) {
      const slot = l.tryAcquire(`address:10.0.${Math.floor(i / 256)}.${i % 256}`);
      if (slot.ok) slot.release();
    }
    expect(l.size).toBeLessThanOrEqual(100);
  });

  it('never forgets a client that has an operation running', () => {
    const { limiter: l } = limiter({ perClient: 1, perMinute: 10, maxClients: 2 });
    const held = l.tryAcquire('busy');
    expect(held.ok).toBe(true);
    for (let i = 0; i < 50; i++) {
      const slot = l.tryAcquire(`other-${i}`);
      if (slot.ok) slot.release();
    }
    expect(l.tryAcquire('busy')).toMatchObject({ ok: false, reason: 'concurrency' });
  });

  it('forgets clients idle for a minute', () => {
    const { clock, limiter: l } = limiter({ perClient: 1, perMinute: 10, maxClients: 1_000 });
    for (let i = 0; i < 50; i++) {
      const slot = l.tryAcquire(`c${i}`);
      if (slot.ok) slot.release();
    }
    clock.now += 61_000;
    l.tryAcquire('late');
    expect(l.size).toBe(1);
  });
});
