/**
 * The paged export expands each node only on the side it owns, with the relationship
 * types written out in cypher/write/export-relationships-of-files.cypher: those lists
 * must be the model's, or a new relationship type would silently drop out of exports.
 */
import { describe, expect, it } from 'vitest';
import { ENTITY_SECTIONS, RELATIONSHIP_TYPES, referencesOf } from '../../src/model/entities.js';
import { cypher } from '../../src/neo4j/cypher.js';

const refs = ENTITY_SECTIONS.flatMap((s) => referencesOf(s).map(([, r]) => r));
const typesIn = (pattern: RegExp): string[] => (pattern.exec(cypher('write/export-relationships-of-files'))?.[1] ?? '').split('|').sort();

describe('the paged export relationship types', () => {
  it('expands outgoing every type a field makes from its own node, and incoming every type it makes towards itself', () => {
    const outgoing = RELATIONSHIP_TYPES.filter((t) => refs.some((r) => r.type === t && r.direction !== 'in'));
    const incoming = RELATIONSHIP_TYPES.filter((t) => refs.some((r) => r.type === t && r.direction === 'in'));
    expect(typesIn(/MATCH \(n\)-\[r:([A-Z_|]+)\]->/)).toEqual([...outgoing].sort());
    expect(typesIn(/MATCH \(n\)<-\[r:([A-Z_|]+)\]-/)).toEqual([...incoming].sort());
    // Every type is made by some field, so the two lists miss none.
    expect(new Set([...outgoing, ...incoming])).toEqual(new Set(RELATIONSHIP_TYPES));
  });
});
