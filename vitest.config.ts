/**
 * Two projects: `unit` needs nothing but Node; `integration` (*.int.test.ts) runs its
 * files one at a time against a real Neo4j that test/setup/global-setup.ts provides.
 */
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Node loads graphql as CommonJS (its `main`) for the server and Apollo; Vite would
// give the sources its ES module build (`module`), a second copy whose types fail
// graphql's instanceof checks against the first. One copy, as in production.
const resolve = { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Property tests and child-process CLIs take seconds; on a loaded 2-core CI machine more than vitest's 5 s.
          testTimeout: 30_000,
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          environment: 'node',
          // One database shared by every file: files must not interleave their writes.
          fileParallelism: false,
          globalSetup: ['test/setup/global-setup.ts'],
          // After each file: no transaction left open on the shared server (test/setup/open-transactions.ts).
          setupFiles: ['test/setup/no-open-transactions.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
