/**
 * A small deterministic random number generator (mulberry32), so that a
 * corpus depends only on its seed and never on Math.random or the platform.
 */

/** A seeded source of random numbers with the draws the generator needs. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for one part of the corpus, independent of the draws made for other parts. */
  static for(seed: number, ...parts: number[]): Random {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (const p of parts) {
      h = Math.imul(h ^ (p >>> 0), 0x85ebca6b) >>> 0;
      h = (h ^ (h >>> 13)) >>> 0;
      h = Math.imul(h, 0xc2b2ae35) >>> 0;
      h = (h ^ (h >>> 16)) >>> 0;
    }
    return new Random(h);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number in [0, n), skewed towards 0 (power law: a few items get most draws). */
  skewed(n: number, power = 3): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** power));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}
