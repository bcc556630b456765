/**
 * The timeline and statements lists read their items twice (a count, then the page as a
 * top-k sort; issue 18): both passes must select the same items, or `totalCount` and the
 * pages disagree. The two copies are text in one file each; this keeps them equal.
 */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/neo4j/cypher.js';

/** The text of each top-level `CALL () { ... }` block of a query, in order. */
function topLevelCalls(text: string): string[] {
  return [...text.matchAll(/^CALL \(\) \{\n([\s\S]*?)\n\}$/gm)].map((m) => m[1]!);
}

describe('the two passes of a list query select the same items', () => {
  it('timeline: the same union of events, statements and stances, with the same range filter', () => {
    const [count = '', page = ''] = topLevelCalls(cypher('read/timeline'));
    const items = (block: string): string => block.slice(0, block.indexOf('\n  WITH '));
    const range = (block: string): string => /\n {2}WHERE \(\$from[^\n]*/.exec(block)?.[0] ?? 'no range filter';
    expect(count).toContain('RETURN count(*) AS total');
    expect(page).toContain('LIMIT $limit');
    expect(items(page)).toBe(items(count));
    expect(range(page)).toBe(range(count));
    // Events, statements and stances are different nodes: a plain UNION only adds a distinct set
    // of every item (377 MB of transaction memory at 10^6 statements, decision 0059).
    for (const block of [count, page]) {
      expect(block.match(/\bUNION ALL\b/g)).toHaveLength(2);
      expect(block).not.toMatch(/\bUNION(?! ALL)\b/);
    }
  });

  it('statements: the same MATCH and filter', () => {
    const [count = '', page = ''] = topLevelCalls(cypher('read/statements'));
    const filter = (block: string): string => block.slice(0, block.search(/\n {2}(RETURN|WITH) /));
    expect(count).toContain('RETURN count(*) AS total');
    expect(page).toContain('LIMIT $limit');
    expect(filter(page)).toBe(filter(count));
    expect(filter(count)).toContain('$mentions');
  });
});
