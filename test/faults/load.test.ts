/** The load tool's guards: loopback only, bounded clients and seconds, honest percentiles. Needs no database. */
import { describe, expect, it } from 'vitest';
import { assertBounds, assertLoopback, percentile } from '../../src/reliability/load.js';
import { runCli } from './cli.js';

describe('load guards', () => {
  it('accepts loopback addresses and refuses everything else', async () => {
    for (const url of ['http://127.0.0.1:4000', 'http://127.1.2.3:1', 'http://[::1]:4000', 'http://localhost:4000']) {
      await expect(assertLoopback(url), url).resolves.toBeInstanceOf(URL);
    }
    for (const url of ['http://10.0.0.1:4000', 'http://192.168.1.1', 'http://[2001:db8::1]/', 'http://0.0.0.0:4000', 'ftp://127.0.0.1/', 'not a url', 'http://example.invalid/']) {
      await expect(assertLoopback(url), url).rejects.toThrow(/refusing|expected http|not a URL/);
    }
  });

  it('bounds clients and seconds', () => {
    expect(() => assertBounds(4, 3)).not.toThrow();
    for (const [c, s] of [[0, 3], [65, 3], [1.5, 3], [4, 0], [4, 601], [4, Number.NaN]] as const) expect(() => assertBounds(c, s)).toThrow(/--clients|--seconds/);
  });

  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });

  it('the CLI exits 2 for a non-loopback URL or an out-of-bounds run, sending nothing', async () => {
    const remote = await runCli('src/cli/load.ts', ['--clients', '2', '--seconds', '1', '--url', 'http://10.255.255.1:4000']);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/refusing 10\.255\.255\.1:4000: load is only sent to loopback/);
    const flood = await runCli('src/cli/load.ts', ['--clients', '5000', '--seconds', '1']);
    expect(flood.code).toBe(2);
    expect(flood.stderr).toMatch(/--clients must be a whole number from 1 to 64/);
  });
});
