/**
 * Builds the dashboard (index.html) and the offline GraphQL playground
 * (playground/index.html) into web/dist, which the server serves at / when it exists.
 * Everything is bundled: the pages load nothing from outside their own origin.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '..');

/** Where `npm run dev:web` sends /graphql: the API started with `npm start`. */
const devApi = 'http://127.0.0.1:4000';

export default defineConfig({
  root: webRoot,
  // Relative asset URLs: the build works behind any path prefix.
  base: './',
  publicDir: false,
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    // Monaco (GraphiQL's editor) is large; it is only loaded by the playground page.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        dashboard: path.join(webRoot, 'index.html'),
        playground: path.join(webRoot, 'playground', 'index.html'),
      },
      onwarn(warning, warn) {
        // GraphiQL's dependencies mark React server-component boundaries ("use client"), meaningless in a static bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': devApi },
    // The playground reads the example operations from docs/queries.
    fs: { allow: [repoRoot] },
  },
  preview: { host: '127.0.0.1', proxy: { '/graphql': devApi } },
});
