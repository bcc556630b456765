import { describe, expect, it } from 'vitest';
import { cypher, cypherForType } from '../../src/neo4j/cypher.js';

describe('cypherForType', () => {
  it('turns every dynamic $($type) of a catalogue file into the static type', () => {
    expect(cypher('write/merge-relationships')).toContain('$($type)');
    const text = cypherForType('write/merge-relationships', 'TOOK');
    expect(text).not.toContain('$($type)');
    expect(text).toContain('-[r:`TOOK`]->');
  });

  it('refuses anything but an upper-case identifier, so no input text can reach the query', () => {
    for (const bad of ['took', 'TOOK]->(x) DETACH DELETE x //', 'TO`OK', '', 'A B']) {
      expect(() => cypherForType('write/merge-relationships', bad), bad).toThrow(/not a relationship type/);
    }
  });

  it('refuses a file with nothing to specialise', () => {
    expect(() => cypherForType('read/search', 'TOOK')).toThrow(/no \$\(\$type\)/);
  });
});

describe('cypher INCLUDE', () => {
  it('puts the one inheriting-count rule into both reads that count inheriting members', () => {
    const fragment = cypher('fragment/inheriting-counts').trimEnd();
    for (const name of ['read/positions-page', 'read/demand-status']) {
      const text = cypher(name);
      expect(text, name).toContain(fragment);
      expect(text, name).not.toMatch(/^\s*INCLUDE /m);
      expect(text.split('MATCH (md:MembershipDates').length, name).toBe(2);
    }
  });
});
