/**
 * Value conversion at the driver boundary, in both directions, done once:
 * partial dates become Neo4j Dates with their precision; Neo4j Integers,
 * temporals, nodes and relationships become plain JSON-ready values.
 */
import neo4j from 'neo4j-driver';
import type { DatePrecision } from '../model/vocabulary.js';

/** A partial date expanded to the first and last day of its period. */
export interface DateRange {
  start: InstanceType<typeof neo4j.types.Date>;
  end: InstanceType<typeof neo4j.types.Date>;
  precision: DatePrecision;
}

/** Expands YYYY, YYYY-MM or YYYY-MM-DD (already validated) into Neo4j Dates and a precision. */
export function partialDateToRange(value: string): DateRange {
  const [y, m, d] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return { start: new neo4j.types.Date(y, 1, 1), end: new neo4j.types.Date(y, 12, 31), precision: 'YEAR' };
  if (d === undefined) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { start: new neo4j.types.Date(y, m, 1), end: new neo4j.types.Date(y, m, last), precision: 'MONTH' };
  }
  return { start: new neo4j.types.Date(y, m, d), end: new neo4j.types.Date(y, m, d), precision: 'DAY' };
}

/** Renders a Date with its precision as the ISO 8601 form an analyst expects: 2022, 2021-10 or 2022-01-12. */
export function formatPartialDate(iso: string, precision: DatePrecision | string | null | undefined): string {
  if (precision === 'YEAR') return iso.slice(0, 4);
  if (precision === 'MONTH') return iso.slice(0, 7);
  return iso;
}

const { Date: Neo4jDate } = neo4j.types;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Converts any value returned by the driver into plain JavaScript (numbers, strings,
 * arrays, objects). Called on every row, so the common shapes come first: scalars, maps
 * (plain objects, no type checks) and dates in years 1-9999 (formatted directly, not
 * through the driver's Integer arithmetic).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k in value) out[k] = toPlain((value as Record<string, unknown>)[k]);
    return out;
  }
  if (value instanceof Neo4jDate) {
    const y = Number(value.year);
    if (y >= 1 && y <= 9999) return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(Number(value.month))}-${pad2(Number(value.day))}`;
    return value.toString();
  }
  if (neo4j.isInt(value)) {
    const int = value as InstanceType<typeof neo4j.Integer>;
    return int.inSafeRange() ? int.toNumber() : int.toString();
  }
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isDuration(value) || neo4j.isTime(value) || neo4j.isLocalTime(value)) {
    return (value as { toString(): string }).toString();
  }
  if (neo4j.isNode(value)) {
    const n = value as InstanceType<typeof neo4j.types.Node>;
    return { labels: n.labels, properties: toPlain(n.properties) };
  }
  if (neo4j.isRelationship(value)) {
    const r = value as InstanceType<typeof neo4j.types.Relationship>;
    return { type: r.type, properties: toPlain(r.properties) };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
  return out;
}

/** Makes a JS value storable as a Neo4j property: whole numbers as Integers, not floats. */
export function toProperty<T>(value: T): T | InstanceType<typeof neo4j.Integer> {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  return value;
}
