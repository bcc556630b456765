/**
 * A circuit breaker per driver, so that requests fail fast while Neo4j is away or
 * starting instead of each waiting for the driver's timeouts: once a read has failed
 * because Neo4j is unavailable, further reads fail at once with the same kind of error,
 * except one attempt per `probeEveryMs` that goes through to find out whether Neo4j is
 * back. The first success closes the circuit again.
 */
import { Neo4jError, type Driver } from 'neo4j-driver';

interface State {
  /** When the current outage was first seen; null while Neo4j answers. */
  downSince: number | null;
  /** When the last attempt was let through during an outage. */
  lastProbe: number;
  /** When a read last succeeded (0: never). */
  lastSuccess: number;
}

const states = new WeakMap<Driver, State>();

function stateOf(driver: Driver): State {
  let state = states.get(driver);
  if (!state) {
    state = { downSince: null, lastProbe: 0, lastSuccess: 0 };
    states.set(driver, state);
  }
  return state;
}

/** The circuit of one driver. */
export interface Circuit {
  /** Null to go ahead, or the error to fail with at once. */
  refusal(now?: number): Neo4jError | null;
  /** Records the outcome of an attempt that went through. */
  succeeded(now?: number): void;
  failedUnavailable(now?: number): void;
  /** Whether Neo4j answered a read within `withinMs` and none has failed as unavailable since (readiness under load). */
  answeredRecently(withinMs: number, now?: number): boolean;
}

/** The circuit of `driver` (one per driver, shared by every request of the process). */
export function circuitOf(driver: Driver, probeEveryMs = 1_000): Circuit {
  const state = stateOf(driver);
  return {
    refusal(now = Date.now()) {
      if (state.downSince === null) return null;
      if (now - state.lastProbe >= probeEveryMs) {
        state.lastProbe = now;
        return null;
      }
      return new Neo4jError(`Neo4j has been unavailable since ${new Date(state.downSince).toISOString()} (failing fast until it answers again)`, 'ServiceUnavailable', 'N/A', 'N/A');
    },
    succeeded(now = Date.now()) {
      state.downSince = null;
      state.lastSuccess = now;
    },
    failedUnavailable(now = Date.now()) {
      if (state.downSince === null) state.downSince = now;
      state.lastProbe = now;
    },
    answeredRecently(withinMs, now = Date.now()) {
      return state.downSince === null && state.lastSuccess > 0 && now - state.lastSuccess <= withinMs;
    },
  };
}
