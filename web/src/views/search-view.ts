/**
 * `#/search?q=Rusia&kinds=ACTOR,EVENT`: full-text search across everything
 * (Query.search), each hit with its kind, what tells it from others of its name, and
 * the text it matched.
 */
import { ENTITY_KINDS, type EntityKind } from '../api/types.js';
import { entityHref, routeHref, type Route } from '../app/router.js';
import type { ViewContext, ViewMount } from '../app/view.js';
import { type SearchHit, type SearchData, searchQuery } from '../operations/search.js';
import { kindBadge } from '../ui/badges.js';
import { append, h, replaceChildren, type Child } from '../ui/dom.js';
import { kindName } from '../ui/kinds.js';
import { pagedList } from '../ui/paged-list.js';
import { emptyPanel, load } from '../ui/status.js';
import { labelLink } from '../ui/localized.js';

function kindsOf(route: Route): EntityKind[] {
  const raw = route.query.get('kinds') ?? '';
  return raw.split(',').filter((k): k is EntityKind => (ENTITY_KINDS as readonly string[]).includes(k));
}

/** Mounts the search view. */
export const mountSearchView: ViewMount = (outlet, route, ctx) => {
  const input = h('input', { id: 'search-q', name: 'q', type: 'search', autocomplete: 'off', placeholder: 'Rusia, Stoltenberg, menolak…' });
  const boxes = ENTITY_KINDS.map((k) => h('input', { type: 'checkbox', name: 'kinds', value: k, id: `search-kind-${k}` }));
  const form = h(
    'form',
    { class: 'search-form', role: 'search', 'aria-label': 'Search with filters' },
    h('div', { class: 'field-row' }, h('label', { for: 'search-q' }, 'Search for'), input, h('button', { type: 'submit', class: 'button primary' }, 'Search')),
    h(
      'details',
      { class: 'kind-filter' },
      h('summary', null, 'Only some kinds'),
      h('fieldset', null, h('legend', { class: 'visually-hidden' }, 'Kinds to search'), boxes.map((b, i) => h('label', { class: 'check' }, b, ' ', kindName(ENTITY_KINDS[i]!)))),
    ),
  );
  const results = h('div', { class: 'results', id: 'search-results' });
  append(outlet, h('h1', null, 'Search'), h('p', { class: 'muted' }, 'Names and aliases in any language (words found as words in English, Indonesian, Russian and a dozen more), demands, quotes and their glosses, events, issues, places and sources. Words are found in any of their forms (“missiles” finds “missile”); a name equal to what you typed comes first. Case and accents do not matter.'), form, results);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const kinds = boxes.filter((b) => b.checked).map((b) => b.value);
    ctx.navigate(routeHref('search', undefined, { q: input.value.trim(), kinds: kinds.join(',') }));
  });

  const show = (r: Route): void => {
    const q = r.query.get('q')?.trim() ?? '';
    const kinds = kindsOf(r);
    input.value = q;
    boxes.forEach((b) => (b.checked = kinds.includes(b.value as EntityKind)));
    if (kinds.length > 0) form.querySelector('details')?.setAttribute('open', '');
    ctx.setTitle(q ? `Search: ${q}` : 'Search');
    if (!q) {
      replaceChildren(results, emptyPanel('Type a word or a name above and press Enter.'));
      return;
    }
    void runSearch(ctx, results, q, kinds);
  };
  show(route);
  return { update: show };
};

async function runSearch(ctx: ViewContext, results: HTMLElement, q: string, kinds: EntityKind[]): Promise<void> {
  const fetchPage = (after: string | null, signal: AbortSignal) =>
    ctx.client.request<SearchData>(searchQuery, { text: q, kinds: kinds.length > 0 ? kinds : null, after }, { signal });
  await load(ctx, results, `results for “${q}”`, (signal) => fetchPage(null, signal), (data) => {
    const { totalCount, edges, pageInfo } = data.search;
    if (totalCount === 0) {
      results.append(emptyPanel(`Nothing found for “${q}”${kinds.length > 0 ? ' among the chosen kinds' : ''}.`, 'Try another spelling, the name in another language, or fewer words.'));
      return `Nothing found for ${q}.`;
    }
    const { count, list, more } = pagedList<SearchHit>(ctx, {
      list: h('ol', { class: 'hit-list', 'aria-label': `Results for ${q}` }),
      first: { items: edges, pageInfo },
      render: hitItem,
      fetchMore: async (cursor, signal) => {
        const next = await fetchPage(cursor, signal);
        return { items: next.search.edges, pageInfo: next.search.pageInfo };
      },
      countText: (shown) => `${totalCount} result${totalCount === 1 ? '' : 's'} for “${q}”${shown < totalCount ? `, showing ${shown}` : ''}`,
      moreLabel: 'Show more results',
      announce: (added) => `${added} more results.`,
    });
    results.append(count, list, more);
    return `${totalCount} results for ${q}.`;
  });
}

function hitItem(hit: SearchHit): HTMLLIElement {
  return h(
    'li',
    { class: 'hit', 'data-kind': hit.kind, 'data-id': hit.node.id },
    kindBadge(hit.kind),
    ' ',
    hitTitle(hit),
    hit.detail ? h('span', { class: 'hit-detail muted' }, ` · ${hit.detail}`) : null,
    hit.matchedText && hit.matchedText !== hit.node.label ? h('p', { class: 'hit-match muted' }, 'Matched: ', h('q', null, hit.matchedText)) : null,
  );
}

/** A hit's label as a link, in its language (marked when it is not the display language). */
function hitTitle(hit: SearchHit): Child {
  return labelLink(entityHref(hit.node), hit.node, { class: 'hit-title' });
}
