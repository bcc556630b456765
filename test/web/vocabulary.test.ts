/**
 * The dashboard's vocabulary covers the model: every enum value of schema.graphql and
 * every relationship type of docs/model.md has a reader's label, and dates read with
 * their precision.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { formatDate, formatPeriod } from '../../web/src/text/dates.js';
import { ENUM_LABELS, RELATION_LABELS, relationLabel } from '../../web/src/text/vocabulary.js';
import { toCsv } from '../../web/src/text/csv.js';

const schema = buildSchema(readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
const enums = Object.values(schema.getTypeMap()).filter((t) => isEnumType(t) && !t.name.startsWith('__'));

describe('the dashboard’s vocabulary', () => {
  it.each(enums.map((e) => [e.name, e] as const))('labels every value of %s', (name, type) => {
    const values = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
    const missing = values.filter((v) => !ENUM_LABELS[name]?.[v]);
    expect(missing).toEqual([]);
    // A label is words, never the code itself.
    for (const v of values) expect(ENUM_LABELS[name]![v]).not.toBe(v);
  });

  it('labels every relationship type docs/model.md lists', () => {
    const model = readFileSync(path.join(projectRoot, 'docs', 'model.md'), 'utf8');
    const types = [...new Set([...model.matchAll(/\[:([A-Z_]+)/g)].map((m) => m[1]!))];
    expect(types.length).toBeGreaterThan(20);
    expect(types.filter((t) => !RELATION_LABELS[t])).toEqual([]);
  });

  it('says relationships in words, with their role', () => {
    expect(relationLabel('PARTICIPATED_IN', '{"role":"CHAIR"}')).toBe('took part in as chair');
    expect(relationLabel('PARTICIPATED_IN', '{"role":"PARTICIPANT"}')).toBe('took part in');
    expect(relationLabel('MADE_DEMAND')).toBe('demanded');
  });

  it('writes dates at their precision', () => {
    expect(formatDate('2022-01-12')).toBe('12 January 2022');
    expect(formatDate('2022-01')).toBe('January 2022');
    expect(formatDate('2022')).toBe('2022');
    expect(formatDate({ iso: '2002', approximate: true })).toBe('about 2002');
    expect(formatPeriod({ iso: '1955-05-06' }, null)).toBe('since 6 May 1955');
  });

  it('quotes CSV fields that need it', () => {
    expect(toCsv([['a', 'b, c', 'say "no"'], ['x\ny', '']])).toBe('\ufeffa,"b, c","say ""no"""\r\n"x\ny",\r\n');
  });
});
