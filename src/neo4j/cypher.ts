/**
 * The catalogue of Cypher files under cypher/: every query diplograph runs is
 * a file there, named after what it does, read once and cached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';

const cypherRoot = path.join(projectRoot, 'cypher');
const cache = new Map<string, string>();

/** A line `INCLUDE fragment/<name>`: the text of that file goes there (a rule two reads share lives once). */
const INCLUDE = /^[ \t]*INCLUDE[ \t]+(fragment\/[a-z0-9-]+)[ \t]*$/gm;

/**
 * The text of `cypher/<name>.cypher`, e.g. cypher('read/find-actor'), with every
 * `INCLUDE fragment/<name>` line replaced by that fragment (fragments include nothing).
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(cypherRoot, `${name}.cypher`), 'utf8');
    if (name.startsWith('fragment/')) {
      // search, not test: a global pattern's test would leave its lastIndex behind for the next replace.
      if (text.search(INCLUDE) >= 0) throw new Error(`cypher/${name}.cypher includes another fragment; fragments include nothing`);
    } else {
      text = text.replace(INCLUDE, (_, fragment: string) => cypher(fragment).trimEnd());
    }
    cache.set(name, text);
  }
  return text;
}

const RELATIONSHIP_TYPE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The text of `cypher/<name>.cypher` for one relationship type: every dynamic
 * `$($type)` in it becomes the static type. A file stays runnable as written (with
 * a `type` parameter), but Neo4j 5.26 plans a dynamic type as an expansion of all
 * of a node's relationships filtered afterwards, and cannot read a count from the
 * degree store; a static type expands only its own relationships. Types come from
 * the fixed maps of src/graph/relations.ts, and anything but an upper-case
 * identifier is refused, so no input text ever reaches the query.
 */
export function cypherForType(name: string, relationshipType: string): string {
  if (!RELATIONSHIP_TYPE.test(relationshipType)) throw new Error(`not a relationship type: ${JSON.stringify(relationshipType)}`);
  const key = `${name}|${relationshipType}`;
  let text = cache.get(key);
  if (text === undefined) {
    const template = cypher(name);
    if (!template.includes('$($type)')) throw new Error(`cypher/${name}.cypher has no $($type) to specialise`);
    text = template.replaceAll('$($type)', `\`${relationshipType}\``);
    cache.set(key, text);
  }
  return text;
}

/** The schema statements (constraints, indexes) in file order, one statement each. */
export function schemaStatements(): string[] {
  const dir = path.join(cypherRoot, 'schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('//'))
        .join('\n')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    );
}
