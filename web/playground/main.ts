/**
 * The offline GraphQL playground: GraphiQL bundled from npm (editor workers included),
 * talking only to this server's /graphql, opened with the example operations.
 */
import './setup-workers.js';
import 'graphiql/style.css';
import './playground.css';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { examples, type Example } from './examples.js';
import { headerFreeStorage } from './header-free-storage.js';

const endpoint = new URL(document.querySelector<HTMLMetaElement>('meta[name="diplograph-api"]')?.content || '../graphql', document.baseURI).href;
// JSON POSTs (content-type application/json) pass Apollo's CSRF prevention.
const fetcher = createGraphiQLFetcher({ url: endpoint });

/** Lists the examples; choosing one opens it in a new tab. */
function ExamplesList() {
  const { addTab, updateActiveTabValues } = useGraphiQLActions();
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const open = (example: Example): void => {
    addTab();
    // The new tab is active now: fill its editors (which also updates the tab state).
    queueMicrotask(() => {
      queryEditor?.setValue(example.query);
      variableEditor?.setValue('');
      updateActiveTabValues({ query: example.query, variables: null });
    });
  };
  return h(
    'section',
    { className: 'examples', 'aria-label': 'Example operations' },
    h('h2', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
    h('p', null, 'Operations from docs/queries. Choose one to open it in a new tab.'),
    h(
      'ul',
      null,
      examples.map((example) =>
        h('li', { key: example.name }, h('button', { type: 'button', className: 'example-button', onClick: () => open(example) }, example.name)),
      ),
    ),
  );
}

const examplesPlugin: GraphiQLPlugin = {
  title: 'Examples',
  icon: () => h('span', { 'aria-hidden': true, className: 'examples-icon' }, '☰'),
  content: ExamplesList,
};

const container = document.getElementById('graphiql');
if (!container) throw new Error('playground: #graphiql is missing');
createRoot(container).render(
  h(
    StrictMode,
    null,
    h(GraphiQL, {
      fetcher,
      plugins: [HISTORY_PLUGIN, examplesPlugin],
      defaultTabs: examples.map((e) => ({ query: e.query })),
      defaultEditorToolsVisibility: true,
      // Request headers carry API keys: never stored, and no setting to store them.
      shouldPersistHeaders: false,
      storage: headerFreeStorage(),
    }),
  ),
);
