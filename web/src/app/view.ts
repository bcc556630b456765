/** What the shell gives a view, and what a mounted view may offer back. */
import type { GraphqlClient } from '../api/graphql-client.js';
import type { Route } from './router.js';

/** Services of the shell, for one mounted view. */
export interface ViewContext {
  client: GraphqlClient;
  /** Aborted when the user leaves the view: pass it to requests. */
  signal: AbortSignal;
  /** Says something through the polite live region. */
  announce(message: string): void;
  /** Sets the document title (the app name is added). */
  setTitle(title: string): void;
  /** Opens a hash route; `replace` swaps the current history entry (redirects). */
  navigate(href: string, options?: { replace?: boolean }): void;
}

/** A view on screen. */
export interface MountedView {
  /**
   * Called instead of remounting when only the query of the route changed (e.g. new
   * filters), so that focus stays in the view's form.
   */
  update?(route: Route): void;
}

/** Renders a route into the outlet. */
export type ViewMount = (outlet: HTMLElement, route: Route, ctx: ViewContext) => MountedView | void;
