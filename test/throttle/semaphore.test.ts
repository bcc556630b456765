/** Semaphore: the server-wide bound on expensive operations, with its bounded, timed queue. */
import { describe, expect, it } from 'vitest';
import { Semaphore, SemaphoreRefusal } from '../../src/throttle/semaphore.js';

describe('Semaphore', () => {
  it('runs up to its limit, queues up to its queue in order, and refuses beyond', async () => {
    const s = new Semaphore(2, 2, 60_000);
    const r1 = await s.acquire();
    await s.acquire();
    const order: number[] = [];
    const w1 = s.acquire().then((release) => (order.push(1), release));
    const w2 = s.acquire().then((release) => (order.push(2), release));
    await expect(s.acquire()).rejects.toEqual(new SemaphoreRefusal('queue full'));
    expect(s.load).toEqual({ running: 2, waiting: 2 });
    r1();
    r1(); // releasing twice frees one slot only
    const released = await w1;
    expect(order).toEqual([1]);
    released();
    await w2;
    expect(order).toEqual([1, 2]);
    expect(s.load).toEqual({ running: 2, waiting: 0 });
  });

  it('refuses a waiter that waited longer than its limit and forgets it', async () => {
    const s = new Semaphore(1, 5, 10);
    const release = await s.acquire();
    await expect(s.acquire()).rejects.toEqual(new SemaphoreRefusal('waited too long'));
    expect(s.load).toEqual({ running: 1, waiting: 0 });
    release();
    expect(s.load).toEqual({ running: 0, waiting: 0 });
  });
});
