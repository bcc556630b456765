/**
 * The catalogue of Cypher files under cypher/: every query diplograph runs is
 * a file there, named after what it does, read once and cached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';

const cypherRoot = path.join(projectRoot, 'cypher');
const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`, e.g. cypher('read/find-actor'). */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(cypherRoot, `${name}.cypher`), 'utf8');
    cache.set(name, text);
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
