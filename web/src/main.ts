/** Entry point of the dashboard page (index.html). */
import './styles.css';
import { createGraphqlClient } from './api/graphql-client.js';
import { startApp } from './app/app.js';
import { displayLanguage } from './app/display-language.js';
import { mountLanguageChooser } from './app/language-chooser.js';
import { routeHref } from './app/router.js';
import { mountActorView } from './views/actor-view.js';
import { mountDemandView } from './views/demand-view.js';
import { mountEntityView } from './views/entity-view.js';
import { mountHomeView } from './views/home-view.js';
import { mountPathsView } from './views/paths-view.js';
import { mountPositionsView } from './views/positions-view.js';
import { mountSearchView } from './views/search-view.js';
import { mountTimelineView } from './views/timeline-view.js';

const endpoint = document.querySelector<HTMLMetaElement>('meta[name="diplograph-api"]')?.content || 'graphql';
// Every operation that declares `$lang` asks for the texts in the display language.
const client = createGraphqlClient({ endpoint, pageVariables: () => ({ lang: displayLanguage() }) });

// The header's search box opens the search view.
const headerSearch = document.getElementById('header-search') as HTMLFormElement;
headerSearch.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = (new FormData(headerSearch).get('q') ?? '').toString().trim();
  window.location.hash = routeHref('search', undefined, { q }).slice(1);
});

// The skip link focuses the content without touching the hash route.
document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
});

mountLanguageChooser(document.getElementById('header-lang') as HTMLSelectElement);

startApp({
  client,
  outlet: document.getElementById('view') as HTMLElement,
  liveRegion: document.getElementById('live') as HTMLElement,
  views: {
    home: mountHomeView,
    search: mountSearchView,
    actor: mountActorView,
    demand: mountDemandView,
    entity: mountEntityView,
    positions: mountPositionsView,
    timeline: mountTimelineView,
    paths: mountPathsView,
  },
});
