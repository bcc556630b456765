/**
 * The timeline, statements and stances lists read their items twice (a count, then the page
 * as a top-k sort; issue 18): both passes must select the same items, or `totalCount` and
 * the pages disagree. Since decision 0062 both passes include one fragment that reads the
 * items from their filters; this keeps each pass starting with it, and the fragments' unions
 * plain UNION ALL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { cypher } from '../../src/neo4j/cypher.js';

/** The text of `cypher/<name>.cypher` as written (its INCLUDE lines not replaced). */
const raw = (name: string): string => readFileSync(path.join(projectRoot, 'cypher', `${name}.cypher`), 'utf8');

/** The text of each top-level `CALL () { ... }` block of a query as written, in order. */
function topLevelCalls(text: string): string[] {
  return [...text.matchAll(/^CALL \(\) \{\n([\s\S]*?)\n\}$/gm)].map((m) => m[1]!);
}

describe('the two passes of a list query select the same items', () => {
  for (const [list, fragment] of [['timeline', 'timeline-items'], ['statements', 'statement-items'], ['stances', 'stance-items']] as const) {
    it(`${list}: both passes read the items of fragment/${fragment}`, () => {
      const [count = '', page = '', ...rest] = topLevelCalls(raw(`read/${list}`));
      expect(rest).toEqual([]);
      expect(count).toBe(`  INCLUDE fragment/${fragment}\n  RETURN count(*) AS total`);
      expect(page.startsWith(`  INCLUDE fragment/${fragment}\n  WITH `)).toBe(true);
      expect(page).toContain('LIMIT $limit');
      // Events, statements and stances are different nodes: a plain UNION only adds a distinct set
      // of every item (377 MB of transaction memory at 10^6 statements, decision 0059).
      expect(cypher(`fragment/${fragment}`)).not.toMatch(/\bUNION(?! ALL)\b/);
    });
  }
});
