/**
 * The example operations the playground opens with: every docs/queries/*.graphql,
 * read at build time (a `name.variables.json` beside a file gives its variables), or
 * the defaults of default-examples.ts when that folder has none.
 */
import { defaultExamples, type Example } from './default-examples.js';

export type { Example };

const files = import.meta.glob<string>('../../docs/queries/*.graphql', { query: '?raw', import: 'default', eager: true });
const variableFiles = import.meta.glob<string>('../../docs/queries/*.variables.json', { query: '?raw', import: 'default', eager: true });

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.graphql$/, '');
}

const fromDocs: Example[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, query]) => {
    const variables = variableFiles[path.replace(/\.graphql$/, '.variables.json')];
    return variables ? { name: baseName(path), query, variables } : { name: baseName(path), query };
  });

/** Where this build's examples come from. */
export const examplesOrigin: 'docs/queries' | 'built-in' = fromDocs.length > 0 ? 'docs/queries' : 'built-in';

/** The examples of this build, sorted by file name. */
export const examples: readonly Example[] = fromDocs.length > 0 ? fromDocs : defaultExamples;
