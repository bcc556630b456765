/**
 * Monaco's web workers for GraphiQL, bundled by Vite. The same as
 * `graphiql/setup-workers/vite`, but as our own source: Vite's dependency pre-bundling
 * cannot handle `?worker` imports inside node_modules, so `npm run dev:web` would fail.
 */
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

(globalThis as { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};
