import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/neo4j/values.js';

describe('toPlain', () => {
  it('turns driver values into plain JSON values, dates as ISO strings', () => {
    const row = {
      n: neo4j.int(42),
      big: neo4j.int('9007199254740993'),
      date: new neo4j.types.Date(neo4j.int(2022), neo4j.int(1), neo4j.int(12)),
      early: new neo4j.types.Date(987, 3, 4),
      bc: new neo4j.types.Date(-44, 3, 15),
      nested: [{ when: new neo4j.types.Date(1995, 12, 31), list: [neo4j.int(1), 'x', true, null] }],
      at: new neo4j.types.DateTime(2022, 1, 12, 10, 30, 0, 0, 0),
    };
    expect(toPlain(row)).toEqual({
      n: 42,
      big: '9007199254740993',
      date: '2022-01-12',
      early: '0987-03-04',
      bc: new neo4j.types.Date(-44, 3, 15).toString(),
      nested: [{ when: '1995-12-31', list: [1, 'x', true, null] }],
      at: '2022-01-12T10:30:00Z',
    });
  });

  it('formats every day of a year as the driver does', () => {
    for (let day = 0; day < 366; day++) {
      const d = new Date(Date.UTC(2024, 0, 1 + day));
      const date = new neo4j.types.Date(neo4j.int(d.getUTCFullYear()), neo4j.int(d.getUTCMonth() + 1), neo4j.int(d.getUTCDate()));
      expect(toPlain(date)).toBe(date.toString());
    }
  });
});
