/**
 * A server-wide bound on expensive operations: at most `limit` run at once, up to
 * `queue` more wait their turn in order, each at most `waitMs`; beyond that they are
 * refused at once. Per-client limits cannot stop many clients from many addresses;
 * this does, and keeps Neo4j's connection pool and the event loop for everyone else.
 */

/** Why a slot was refused. */
export class SemaphoreRefusal extends Error {
  override name = 'SemaphoreRefusal';
  constructor(readonly reason: 'queue full' | 'waited too long') {
    super(reason);
  }
}

interface Waiter {
  grant: (release: () => void) => void;
  timer: NodeJS.Timeout;
}

/** A counting semaphore with a bounded, timed queue. */
export class Semaphore {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly limit: number,
    readonly queue: number,
    readonly waitMs: number,
  ) {}

  /** Operations running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Resolves with a release function once a slot is free; rejects with SemaphoreRefusal. */
  acquire(): Promise<() => void> {
    if (this.running < this.limit) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) return Promise.reject(new SemaphoreRefusal('queue full'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new SemaphoreRefusal('waited too long'));
        }, this.waitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) {
        // The slot passes straight to the next in line: running stays the same.
        clearTimeout(next.timer);
        next.grant(this.releaser());
      } else {
        this.running -= 1;
      }
    };
  }
}
