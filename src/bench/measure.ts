/**
 * Timing: latency percentiles of sequential requests, and throughput of many
 * concurrent ones for a bounded time. A request that throws (an HTTP error, a
 * GraphQL `errors` entry, a Cypher failure) counts as an error, never as a time.
 */

/** One request against one implementation; throws on any error. */
export type Request = (sampleIndex: number) => Promise<void>;

/** Latency figures in milliseconds. */
export interface Latency {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** The first error message, if any. */
  firstError?: string;
}

/** Throughput figures. */
export interface Throughput {
  concurrency: number;
  seconds: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  firstError?: string;
}

/** The q-th percentile (0-100) of sorted values, nearest rank. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Runs `n` requests one after another (after `warmup` untimed ones), cycling through the samples. */
export async function measureLatency(request: Request, samples: number, n: number, warmup: number): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await request(i % samples).catch(() => undefined);
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    try {
      await request(i % samples);
      times.push(performance.now() - t);
    } catch (err) {
      errors++;
      firstError ??= (err as Error).message.slice(0, 300);
    }
  }
  times.sort((a, b) => a - b);
  return {
    n,
    errors,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    mean: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
    ...(firstError ? { firstError } : {}),
  };
}

/**
 * Warms a server before anything is timed: `total` untimed requests, one after another,
 * cycling through `requests` (each with its number of samples), errors ignored. A cold
 * server spends about 1.7x the CPU per request over its first ~100 requests (V8 tiering,
 * decision 0061), which a few warm-up requests per operation do not cover for the first
 * operations timed. Returns how many requests failed.
 */
export async function warmUp(requests: Array<{ request: Request; samples: number }>, total: number): Promise<number> {
  let failed = 0;
  for (let i = 0; i < total && requests.length > 0; i++) {
    const { request, samples } = requests[i % requests.length]!;
    await request(Math.floor(i / requests.length) % Math.max(1, samples)).catch(() => failed++);
  }
  return failed;
}

/** Keeps `concurrency` requests in flight for `seconds`, then waits for the last ones. */
export async function measureThroughput(requests: Request[], samples: number, concurrency: number, seconds: number): Promise<Throughput> {
  const times: number[] = [];
  let errors = 0;
  let sent = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const i = sent++;
      const t = performance.now();
      try {
        await requests[i % requests.length]!(Math.floor(i / requests.length) % samples);
        times.push(performance.now() - t);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message.slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    concurrency,
    seconds: round(elapsed),
    requests: times.length + errors,
    errors,
    rps: round(times.length / elapsed),
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    ...(firstError ? { firstError } : {}),
  };
}
