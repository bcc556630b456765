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
