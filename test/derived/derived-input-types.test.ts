import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { DERIVED_INPUT_TYPES } from '../../src/derived/derived-input-types.js';
import { attestationEnds, structuralEnds } from '../../src/derived/attestation.js';
import { positionEnds } from '../../src/derived/topic-positions.js';
import { RELATIONSHIP_TYPES } from '../../src/model/entities.js';

/** Every relationship type named inside a pattern's brackets in the queries of cypher/derived. */
function typesReadByDerivedQueries(): Set<string> {
  const dir = path.join(projectRoot, 'cypher', 'derived');
  const out = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cypher'))) {
    const text = readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => !l.trimStart().startsWith('//')).join('\n');
    for (const [bracket] of text.matchAll(/-\[[^\]]*\]-/g)) for (const [t] of bracket.matchAll(/[A-Z][A-Z_]+/g)) out.add(t);
  }
  return out;
}

describe('the relationship types derived data reads', () => {
  it('hold every type a query of cypher/derived reads, and only types of the model', () => {
    const read = typesReadByDerivedQueries();
    expect(read.size).toBeGreaterThan(5);
    for (const t of read) expect(DERIVED_INPUT_TYPES, t).toContain(t);
    for (const t of DERIVED_INPUT_TYPES) expect(RELATIONSHIP_TYPES).toContain(t);
  });

  it('hold every type through which a write refreshes positions, attestations or membership dates', () => {
    const probe = RELATIONSHIP_TYPES.map((type) => ({ type, from: `from-${type}`, to: `to-${type}` }));
    const refreshed = new Set([...positionEnds(probe), ...attestationEnds(probe), ...structuralEnds(probe)].map((id) => id.replace(/^(from|to)-/, '')));
    for (const t of ['HAS_MEMBERSHIP', 'MEMBERSHIP_IN', ...refreshed]) expect(DERIVED_INPUT_TYPES, t).toContain(t);
  });
});
