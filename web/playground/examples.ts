/**
 * The example operations the playground opens with: every docs/queries/*.graphql,
 * read at build time. Each runs as is: its variables have defaults.
 * The same files are the README's examples and are run by test/api.
 */

/** One example: a tab in GraphiQL and an entry of the Examples list. */
export interface Example {
  name: string;
  query: string;
}

const files = import.meta.glob<string>('../../docs/queries/*.graphql', { query: '?raw', import: 'default', eager: true });

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.graphql$/, '');
}

/** The examples of this build, sorted by file name. */
export const examples: readonly Example[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, query]) => ({ name: baseName(path), query }));

