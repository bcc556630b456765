/**
 * A list that grows page by page: the first page shown at once, a "show more" button
 * that fetches the next page through a cursor, a count line, a loading state, errors
 * in place, focus moved to the first new item and the number announced.
 */
import type { PageInfoData } from '../api/types.js';
import type { ViewContext } from '../app/view.js';
import { append, h, replaceChildren } from './dom.js';
import { errorPanel } from './status.js';

/** One page of items and where the next one starts. */
export interface Page<T> {
  items: T[];
  pageInfo: PageInfoData;
}

/** Builds the list; append `count`, `list` and `more` where they belong. */
export function pagedList<T>(
  ctx: ViewContext,
  options: {
    list: HTMLElement;
    first: Page<T>;
    render(item: T): HTMLElement;
    fetchMore(cursor: string, signal: AbortSignal): Promise<Page<T>>;
    /** The count line, given how many items are shown. */
    countText(shown: number): string;
    moreLabel: string;
    /** What the live region says after a page, given its size. */
    announce(added: number): string;
  },
): { count: HTMLElement; list: HTMLElement; more: HTMLElement } {
  const { list } = options;
  const count = h('p', { class: 'result-count' });
  const more = h('div', { class: 'more' });
  let shown = 0;
  const add = ({ items, pageInfo }: Page<T>): void => {
    append(list, items.map(options.render));
    shown += items.length;
    count.textContent = options.countText(shown);
    more.replaceChildren();
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return;
    const cursor = pageInfo.endCursor;
    more.append(
      h('button', {
        type: 'button',
        class: 'button',
        onclick: async () => {
          more.replaceChildren(h('p', { class: 'state state-loading' }, 'Loading more…'));
          try {
            const next = await options.fetchMore(cursor, ctx.signal);
            add(next);
            ctx.announce(options.announce(next.items.length));
            (list.children[shown - next.items.length]?.querySelector('a') as HTMLElement | null)?.focus();
          } catch (err) {
            if (!ctx.signal.aborted) replaceChildren(more, errorPanel(err));
          }
        },
      }, options.moreLabel),
    );
  };
  add(options.first);
  return { count, list, more };
}
