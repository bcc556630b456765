/**
 * Per-client bounds on expensive operations: how many one client may have running at
 * once, and how many it may start per minute (a token bucket that refills steadily).
 * The state of each client is a few numbers; idle clients are forgotten first once
 * more than `maxClients` are known, and a client idle for a minute is forgotten as
 * soon as it is met at the front of the list, so memory stays bounded whatever the
 * number of addresses sending.
 */

/** The bounds of a ClientLimiter. */
export interface ClientLimits {
  /** Operations one client may have running at once. */
  perClient: number;
  /** Operations one client may start per minute (also the burst it may start at once). */
  perMinute: number;
  /** Clients kept in memory; beyond it the least recently seen idle ones are dropped. */
  maxClients: number;
}

/** The answer to a request for a slot. */
export type ClientSlot =
  | { ok: true; release: () => void }
  | { ok: false; reason: 'concurrency' | 'rate'; retryAfterSeconds: number };

interface ClientState {
  running: number;
  tokens: number;
  /** When tokens were last refilled (ms). */
  at: number;
}

/** A client whose bucket is full again and that runs nothing is as good as unknown. */
const FORGET_AFTER_MS = 60_000;

/** Per-client concurrency and rate of expensive operations. */
export class ClientLimiter {
  /** Least recently seen first (a Map keeps insertion order; a client seen again is moved to the end). */
  private readonly clients = new Map<string, ClientState>();

  constructor(
    private readonly limits: ClientLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Clients currently kept in memory. */
  get size(): number {
    return this.clients.size;
  }

  /** Takes a slot for `client`, or says why not and when to try again. */
  tryAcquire(client: string): ClientSlot {
    const now = this.now();
    const state = this.touch(client, now);
    if (state.running >= this.limits.perClient) return { ok: false, reason: 'concurrency', retryAfterSeconds: 1 };
    if (state.tokens < 1) {
      const perMs = this.limits.perMinute / 60_000;
      return { ok: false, reason: 'rate', retryAfterSeconds: Math.max(1, Math.ceil((1 - state.tokens) / perMs / 1000)) };
    }
    state.tokens -= 1;
    state.running += 1;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        state.running -= 1;
      },
    };
  }

  /** The client's state, refilled up to now and moved to the end; forgets idle clients at the front. */
  private touch(client: string, now: number): ClientState {
    let state = this.clients.get(client);
    if (state) {
      this.clients.delete(client);
      state.tokens = Math.min(this.limits.perMinute, state.tokens + ((now - state.at) * this.limits.perMinute) / 60_000);
      state.at = now;
    } else {
      state = { running: 0, tokens: this.limits.perMinute, at: now };
    }
    this.clients.set(client, state);
    this.evict(now, client);
    return state;
  }

  private evict(now: number, keep: string): void {
    for (const [key, state] of this.clients) {
      const over = this.clients.size > this.limits.maxClients;
      // Clients are in the order last seen: past the first recent one, all are recent.
      if (!over && now - state.at < FORGET_AFTER_MS) break;
      if (state.running === 0 && key !== keep) this.clients.delete(key);
    }
  }
}
