/**
 * The dashboard shell: listens to the hash, mounts the view for it, keeps the live
 * region and the document title, and moves focus to the new view's heading so that
 * keyboard and screen-reader users land on what changed.
 */
import type { GraphqlClient } from '../api/graphql-client.js';
import { h, replaceChildren } from '../ui/dom.js';
import { languageName } from '../text/languages.js';
import { displayLanguage, LANGUAGE_CHANGE_EVENT } from './display-language.js';
import { parseRoute, routeHref, type Route, type RouteName } from './router.js';
import type { MountedView, ViewContext, ViewMount } from './view.js';

/** What the shell needs. */
export interface AppOptions {
  client: GraphqlClient;
  outlet: HTMLElement;
  liveRegion: HTMLElement;
  views: Partial<Record<RouteName, ViewMount>>;
}

const APP_NAME = 'diplograph';

/** Starts the dashboard: renders the current hash and every later one. */
export function startApp({ client, outlet, liveRegion, views }: AppOptions): void {
  let current: { route: Route; lang: string; view: MountedView | void; controller: AbortController } | undefined;
  let announceTimer: number | undefined;

  const announce = (message: string): void => {
    // Clearing first makes screen readers repeat a message equal to the last one.
    window.clearTimeout(announceTimer);
    liveRegion.textContent = '';
    announceTimer = window.setTimeout(() => {
      liveRegion.textContent = message;
    }, 60);
  };

  const render = (): void => {
    const route = parseRoute(window.location.hash);
    const lang = displayLanguage();
    const languageChanged = current !== undefined && current.lang !== lang;
    if (current && !languageChanged && current.view && current.view.update && current.route.name === route.name && current.route.id === route.id) {
      current.route = route;
      current.view.update(route);
      markNav(route.name);
      return;
    }
    current?.controller.abort();
    const controller = new AbortController();
    const ctx: ViewContext = {
      client,
      signal: controller.signal,
      announce,
      setTitle: (title) => {
        document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
      },
      navigate: (href, options) => {
        if (options?.replace) window.location.replace(href.startsWith('#') ? href : `#${href}`);
        else window.location.hash = href.replace(/^#/, '');
      },
    };
    outlet.replaceChildren();
    const mount = views[route.name] ?? unknownView;
    const view = mount(outlet, route, ctx);
    const first = current === undefined;
    current = { route, lang, view, controller };
    markNav(route.name);
    // On the first page load the reader starts at the top; afterwards, at the new view.
    // A new language redraws the same view: focus stays on the chooser the reader used.
    if (!first && !languageChanged) focusHeading(outlet);
    if (languageChanged) announce(`Names and titles now in ${languageName(lang)} where the graph has them.`);
  };

  window.addEventListener('hashchange', render);
  window.addEventListener(LANGUAGE_CHANGE_EVENT, render);
  // Back and Forward across a change of language: the hash may be the same, so no hashchange.
  window.addEventListener('popstate', () => {
    if (current && current.lang !== displayLanguage()) render();
  });
  render();
}

/** Marks the navigation link of the current view with aria-current. */
function markNav(name: RouteName): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function focusHeading(outlet: HTMLElement): void {
  const heading = outlet.querySelector<HTMLElement>('h1');
  const target = heading ?? outlet;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
}

/** The view for an address no route matches. */
const unknownView: ViewMount = (outlet, route, ctx) => {
  ctx.setTitle('Nothing here');
  replaceChildren(
    outlet,
    h('h1', null, 'Nothing here'),
    h('div', { class: 'state state-error', role: 'alert' }, h('p', null, `The address “${route.hash}” is not a view of this dashboard.`), h('p', null, h('a', { href: routeHref('home') }, 'Go to the overview'), ' or ', h('a', { href: routeHref('search') }, 'search'), '.')),
  );
  ctx.announce('Nothing here: unknown address.');
};
