/** Keeps small view state (a selection) in the address without reloading the view. */
import { routeHref, type RouteName } from '../app/router.js';

/**
 * Replaces the address with the view's new query: no history entry and no
 * hashchange (so the view is not re-rendered), but a copied link carries it.
 */
export function replaceQuery(name: Exclude<RouteName, 'unknown'>, id: string | undefined, query: Record<string, string | undefined | null>): void {
  const hash = routeHref(name, id, query);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
}
