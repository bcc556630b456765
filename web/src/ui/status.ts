/**
 * Loading, empty and error states, and load(), which runs a request into a region of
 * a view and shows whichever of them applies.
 */
import { ApiError } from '../api/graphql-client.js';
import type { ViewContext } from '../app/view.js';
import { h, replaceChildren, type Child } from './dom.js';

/** How an error is explained to the reader. */
export interface ErrorDescription {
  title: string;
  /** What the API said, message by message. */
  details: string[];
  /** The codes reported (NOT_FOUND, ...). */
  codes: string[];
  /** What the reader can do. */
  hint: string;
  /** Whether trying again may help. */
  retry: boolean;
  requestId?: string;
}

/** Explains anything a request threw. */
export function describeError(err: unknown): ErrorDescription {
  if (!(err instanceof ApiError)) {
    return { title: 'Something went wrong in the page', details: [String(err)], codes: [], hint: 'Reload the page.', retry: true };
  }
  const base = { details: err.errors.map((e) => e.message), codes: [...new Set(err.errors.map((e) => e.code))], ...(err.requestId ? { requestId: err.requestId } : {}) };
  switch (err.code) {
    case 'NETWORK_ERROR':
      return { ...base, title: 'The API cannot be reached', hint: 'Check that the diplograph server is running (npm start) and try again.', retry: true };
    case 'TIMEOUT':
      return { ...base, title: 'The API is not answering', hint: 'The server may be busy or stuck; try again.', retry: true };
    case 'NOT_FOUND':
      return { ...base, title: 'Not found', hint: 'The id in the address names nothing in the graph. Search for the entity instead.', retry: false };
    case 'BAD_USER_INPUT':
      return { ...base, title: 'The API did not accept the request', hint: 'Change the highlighted values and try again.', retry: false };
    case 'SERVICE_UNAVAILABLE':
      return { ...base, title: 'The database is unavailable', hint: 'Neo4j does not answer at the moment; try again shortly.', retry: true };
    case 'DATABASE_LIMIT_REACHED':
      return { ...base, title: 'The database could not answer this now', hint: 'Neo4j ran out of memory or time for it, often while other heavy questions run; try again later, or ask for less.', retry: true };
    case 'OVERLOADED':
    case 'RATE_LIMITED':
      return { ...base, title: 'The API is busy', hint: 'Too many heavy questions are running at once (yours or everyone\'s); try again in a few seconds.', retry: true };
    case 'QUERY_TIMEOUT':
      return { ...base, title: 'The question took too long', hint: 'Ask for less: a smaller depth or limit, fewer hops, a shorter period.', retry: true };
    case 'TOO_MANY_ALIASES':
    case 'QUERY_TOO_COSTLY':
    case 'QUERY_TOO_DEEP':
    case 'TOO_MANY_TOKENS':
      return { ...base, title: 'The request was too large for the API', hint: 'Ask for less (fewer columns or results).', retry: false };
    case 'INTERNAL_SERVER_ERROR':
      return { ...base, title: 'The server failed', hint: 'This is a fault on the server; the request id helps find it in its log.', retry: true };
    default:
      return { ...base, title: err.failure === 'http' ? 'The API answered with an error' : 'The request failed', hint: 'Try again.', retry: true };
  }
}

/** A visible "loading" line (the live region announces it too). */
export function loadingPanel(what: string): HTMLElement {
  return h('p', { class: 'state state-loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${what}…`);
}

/** An "empty" message, optionally with a suggestion. */
export function emptyPanel(message: string, suggestion?: Child): HTMLElement {
  return h('div', { class: 'state state-empty' }, h('p', null, message), suggestion ? h('p', null, suggestion) : null);
}

/** An error box: what happened, the API's messages and codes, what to do, and Retry. */
export function errorPanel(err: unknown, onRetry?: () => void): HTMLElement {
  const d = describeError(err);
  return h(
    'div',
    { class: 'state state-error', role: 'alert', 'data-error-codes': d.codes.join(' ') },
    h('h2', { class: 'state-title' }, d.title),
    h('ul', { class: 'error-details' }, d.details.map((m) => h('li', null, m))),
    d.codes.length > 0 ? h('p', { class: 'error-codes' }, 'Code: ', d.codes.map((c, i) => [i > 0 ? ', ' : '', h('code', null, c)])) : null,
    h('p', null, d.hint),
    d.requestId ? h('p', { class: 'muted' }, 'Request id: ', h('code', null, d.requestId)) : null,
    d.retry && onRetry ? h('button', { type: 'button', class: 'button', onclick: () => onRetry() }, 'Try again') : null,
  );
}

/** The data of a response whose errors all sit below its root fields, else undefined. */
function partialData<T>(err: unknown): T | undefined {
  if (!(err instanceof ApiError) || err.failure !== 'graphql' || !err.data || typeof err.data !== 'object') return undefined;
  const data = err.data as Record<string, unknown>;
  const rootsPresent = Object.values(data).every((v) => v !== null && v !== undefined);
  const allNested = err.errors.every((e) => (e.path?.length ?? 0) > 1);
  return rootsPresent && allNested ? (err.data as T) : undefined;
}

/** A warning above partial data: which parts failed and why. */
function partialWarning(err: ApiError, onRetry: () => void): HTMLElement {
  return h(
    'div',
    { class: 'state state-error partial', role: 'alert', 'data-error-codes': [...new Set(err.errors.map((e) => e.code))].join(' ') },
    h('p', null, h('strong', null, 'Some parts could not be loaded:')),
    h('ul', { class: 'error-details' }, err.errors.map((e) => h('li', null, h('code', null, (e.path ?? []).join('.')), `: ${e.message} (`, h('code', null, e.code), ')'))),
    err.requestId ? h('p', { class: 'muted' }, 'Request id: ', h('code', null, err.requestId)) : null,
    h('button', { type: 'button', class: 'button', onclick: () => onRetry() }, 'Try again'),
  );
}

const running = new WeakMap<HTMLElement, AbortController>();

/**
 * Runs `fetch` and renders its result into `target`: a loading line meanwhile, then
 * `show(data, signal)` (which may return a sentence to announce), or an error box with
 * Retry. A newer load() into the same target cancels the older one (its signal aborts,
 * so drawings made by `show` can clean up); leaving the view cancels both.
 */
export async function load<T>(
  ctx: ViewContext,
  target: HTMLElement,
  what: string,
  fetch: (signal: AbortSignal) => Promise<T>,
  show: (data: T, signal: AbortSignal) => string | void,
): Promise<T | undefined> {
  running.get(target)?.abort();
  const controller = new AbortController();
  running.set(target, controller);
  const signal = AbortSignal.any([controller.signal, ctx.signal]);
  target.setAttribute('aria-busy', 'true');
  replaceChildren(target, loadingPanel(what));
  ctx.announce(`Loading ${what}…`);
  try {
    const data = await fetch(signal);
    if (signal.aborted) return undefined;
    target.replaceChildren();
    const summary = show(data, signal);
    ctx.announce(summary ?? `Loaded ${what}.`);
    return data;
  } catch (err) {
    if (signal.aborted) return undefined;
    const partial = partialData<T>(err);
    if (partial !== undefined) {
      // Only nested fields failed: show what came back and say what is missing.
      try {
        target.replaceChildren();
        show(partial, signal);
        target.prepend(partialWarning(err as ApiError, () => void load(ctx, target, what, fetch, show)));
        ctx.announce(`Loaded ${what}, but some parts failed.`);
        return partial;
      } catch {
        // The view cannot do without the missing parts: report the error as a whole.
      }
    }
    replaceChildren(target, errorPanel(err, () => void load(ctx, target, what, fetch, show)));
    ctx.announce(`Error: ${describeError(err).title}.`);
    return undefined;
  } finally {
    // The controller stays registered: the next load() into this target aborts it.
    if (running.get(target) === controller) target.removeAttribute('aria-busy');
  }
}
