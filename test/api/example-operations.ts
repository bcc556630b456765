/**
 * The example operations of docs/queries, as the README and the playground show
 * them: each `name.graphql` runs as is, its variables having defaults.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type SelectionSetNode, type FragmentDefinitionNode } from 'graphql';
import { projectRoot } from '../../src/config.js';

export const queriesDir = path.join(projectRoot, 'docs', 'queries');

/** One example operation. */
export interface ExampleOperation {
  name: string;
  query: string;
}

/** Every example in docs/queries, by file name. */
export function exampleOperations(): ExampleOperation[] {
  return readdirSync(queriesDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.graphql$/, '');
      return { name, query: readFileSync(path.join(queriesDir, f), 'utf8') };
    });
}

/** The example called `name`. */
export function exampleOperation(name: string): ExampleOperation {
  const found = exampleOperations().find((e) => e.name === name);
  if (!found) throw new Error(`docs/queries has no ${name}.graphql`);
  return found;
}

/** How many levels of fields an operation nests (fragments expanded): its resolver levels. */
export function fieldLevels(query: string): number {
  const doc = parse(query);
  const fragments = new Map(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const depth = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) max = Math.max(max, s.selectionSet ? 1 + depth(s.selectionSet) : 1);
      else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depth(s.selectionSet));
      else max = Math.max(max, depth(fragments.get(s.name.value)?.selectionSet));
    }
    return max;
  };
  return Math.max(...doc.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? depth(d.selectionSet) : 0)));
}
