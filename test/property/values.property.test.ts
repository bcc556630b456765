/**
 * Properties of the value conversion at the driver boundary (src/neo4j/values.ts):
 * partial dates of every precision round-trip through Neo4j Dates, impossible dates are
 * refused before they get there, and whatever the driver returns becomes plain JSON
 * without losing precision.
 */
import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DateScalar } from '../../src/graphql/date-scalar.js';
import { formatPartialDate, partialDateToRange, toPlain, toProperty } from '../../src/neo4j/values.js';
import { isValidPartialDate } from '../../src/seed/seed-schema.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Days in a month by an independent rule (not via Date), to check the code against. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const year = fc.integer({ min: 1000, max: 9999 });
const month = fc.integer({ min: 1, max: 12 });

/** A real partial date of any precision, with the precision it has. */
const partialDate = fc.oneof(
  year.map((y) => ({ iso: String(y), precision: 'YEAR' as const, y, m: 0, d: 0 })),
  fc.tuple(year, month).map(([y, m]) => ({ iso: `${y}-${pad(m)}`, precision: 'MONTH' as const, y, m, d: 0 })),
  fc
    .tuple(year, month, fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => d <= daysIn(y, m))
    .map(([y, m, d]) => ({ iso: `${y}-${pad(m)}-${pad(d)}`, precision: 'DAY' as const, y, m, d })),
);

/** A string shaped like a date that no calendar has: month 0 or 13+, day 0 or past the month's end. */
const impossibleDate = fc.oneof(
  fc.tuple(year, fc.constantFrom(0, 13, 14, 99)).map(([y, m]) => `${y}-${pad(m)}`),
  fc.tuple(year, fc.constantFrom(0, 13, 99), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.tuple(year, month, fc.integer({ min: 0, max: 99 })).filter(([y, m, d]) => d === 0 || d > daysIn(y, m)).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.integer({ min: 0, max: 999 }).map((y) => pad(y, 4)),
);

describe('partial dates', () => {
  it('round-trip at every precision: the range starts and ends inside the period and formats back to the input', () => {
    fc.assert(
      fc.property(partialDate, ({ iso, precision, y, m, d }) => {
        expect(isValidPartialDate(iso)).toBe(true);
        const range = partialDateToRange(iso);
        expect(range.precision).toBe(precision);
        const start = range.start.toString();
        const end = range.end.toString();
        expect(start <= end).toBe(true);
        expect(formatPartialDate(start, precision)).toBe(iso);
        expect(formatPartialDate(end, precision)).toBe(iso);
        // The period is exactly the year, month or day named.
        const first = precision === 'DAY' ? iso : precision === 'MONTH' ? `${iso}-01` : `${iso}-01-01`;
        const last = precision === 'DAY' ? iso : precision === 'MONTH' ? `${iso}-${pad(daysIn(y, m))}` : `${iso}-12-31`;
        expect([start, end]).toEqual([first, last]);
        if (precision === 'DAY') expect([range.start.year.valueOf(), range.start.month.valueOf(), range.start.day.valueOf()]).toEqual([y, m, d]);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with an independent calendar on what is a real date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
        const real = y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
        expect(isValidPartialDate(iso)).toBe(real);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses impossible dates at the API boundary (the Date scalar) before any conversion', () => {
    fc.assert(
      fc.property(impossibleDate, (iso) => {
        expect(isValidPartialDate(iso)).toBe(false);
        expect(() => DateScalar.parseValue(iso)).toThrow(/real calendar date/);
      }),
    );
  });

  it('refuses anything that is not YYYY, YYYY-MM or YYYY-MM-DD, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (s) => {
        const shaped = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s);
        if (!shaped) expect(isValidPartialDate(s)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves a full date unchanged and unknown precisions as given', () => {
    fc.assert(
      fc.property(partialDate, fc.constantFrom('DAY', null, undefined, 'WEEK'), ({ iso }, precision) => {
        const start = partialDateToRange(iso).start.toString();
        expect(formatPartialDate(start, precision)).toBe(start);
      }),
    );
  });
});

/** Any 64-bit integer as a Neo4j Integer, with its exact decimal form. */
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((b) => ({ exact: b, value: neo4j.int(b.toString()) }));

describe('driver values to plain JSON', () => {
  it('turns every Integer into a number when safe and into its exact decimal string otherwise', () => {
    fc.assert(
      fc.property(int64, ({ exact, value }) => {
        const plain = toPlain(value);
        const safe = exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER);
        if (safe) expect(plain).toBe(Number(exact));
        else expect(plain).toBe(exact.toString());
        // Never a lossy number: whatever comes out names the same integer.
        expect(BigInt(plain as number | string)).toBe(exact);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps whole numbers exact through toProperty and back', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const stored = toProperty(n);
        expect(neo4j.isInt(stored)).toBe(true);
        expect(toPlain(stored)).toBe(n === 0 ? 0 : n);
      }),
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)), (x) => {
        expect(toProperty(x)).toBe(x);
        expect(toPlain(toProperty(x))).toBe(x);
      }),
    );
  });

  it('turns temporals into their ISO strings', () => {
    fc.assert(
      fc.property(partialDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 999_999_999 }), (p, h, mi, ns) => {
        const range = partialDateToRange(p.iso);
        expect(toPlain(range.start)).toBe(range.start.toString());
        const [y, m, d] = (toPlain(range.end) as string).split('-').map(Number) as [number, number, number];
        const dt = new neo4j.types.DateTime(y, m, d, h, mi, 0, ns, 0);
        const iso = toPlain(dt) as string;
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
        expect(iso.startsWith(`${toPlain(range.end) as string}T${pad(h)}:${pad(mi)}:00`)).toBe(true);
        // Nanoseconds are kept in the string, not rounded to milliseconds.
        const fraction = /\.(\d+)Z$/.exec(iso)?.[1] ?? '0';
        expect(Number(fraction.padEnd(9, '0'))).toBe(ns);
      }),
    );
  });

  /** Nested driver output: Integers, Dates, nodes and relationships inside lists and maps. */
  const driverValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      // (-0 is not JSON: it comes back as 0)
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
      int64.map((i) => i.value),
      partialDate.map((p) => partialDateToRange(p.iso).start),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 4 }),
      fc
        .dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 3 })
        .map((props) => new neo4j.types.Node(neo4j.int(1), ['Actor'], props, 'e:1')),
    ),
  })).value;

  /** True when a value is JSON-plain: no class instances anywhere inside. */
  function isPlainJson(v: unknown): boolean {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(isPlainJson);
    if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(isPlainJson);
    return false;
  }

  it('turns any nested driver output into plain JSON that survives JSON.stringify unchanged, and is idempotent', () => {
    fc.assert(
      fc.property(driverValue, (v) => {
        const plain = toPlain(v);
        expect(isPlainJson(plain)).toBe(true);
        expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
        expect(toPlain(plain)).toEqual(plain);
      }),
      { numRuns: 1000 },
    );
  });

  it('maps undefined to null and leaves strings untouched, whatever they contain', () => {
    expect(toPlain(undefined)).toBeNull();
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(toPlain(s)).toBe(s);
    }));
  });

  // Finding: a JS bigint (what the driver returns with useBigInt) is turned into a Number,
  // which loses digits past 2^53. The project's driver uses Integers, so no field is
  // affected today; this test flips to failing (and should become a plain `it`) once fixed.
  it.fails('keeps bigints past 2^53 exact (known gap: toPlain turns them into lossy Numbers)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 63n - 1n }), (b) => {
        expect(BigInt(toPlain(b) as number | string)).toBe(b);
      }),
    );
  });
});
