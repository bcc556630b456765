/**
 * `#/timeline?actor=russia&issue=nato-enlargement`: events, statements and stances in
 * time order (Query.timeline), filterable by actor, issue, kind and period.
 */
import type { TimelineItemKind } from '../api/types.js';
import { entityHref, routeHref, type Route } from '../app/router.js';
import type { ViewContext, ViewMount } from '../app/view.js';
import { type TimelineItem, type TimelineData, type FilterData, timelineQuery, filterQuery } from '../operations/timeline.js';
import { actorLink, kindBadge, stanceChip } from '../ui/badges.js';
import { append, h } from '../ui/dom.js';
import { entityPicker } from '../ui/entity-picker.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
import { pagedList } from '../ui/paged-list.js';
import { emptyPanel, load } from '../ui/status.js';
import { labelLink } from '../ui/localized.js';
import { copyLinkAction, toolbar } from '../ui/export.js';
import { GROUPINGS, timelineChart, timelineCsvAction, type TimelineGrouping } from './timeline-chart.js';

const ITEM_KINDS: readonly TimelineItemKind[] = ['EVENT', 'STATEMENT', 'STANCE'];
const partialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Filter {
  actorIds: string[];
  issueIds: string[];
  kinds: TimelineItemKind[];
  from: string | null;
  to: string | null;
  order: 'ASC' | 'DESC';
  group: TimelineGrouping;
}

function filterOf(route: Route): Filter {
  const list = (k: string): string[] => (route.query.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const date = (k: string): string | null => {
    const v = route.query.get(k);
    return v && partialDate.test(v) ? v : null;
  };
  return {
    actorIds: list('actor'),
    issueIds: list('issue'),
    kinds: list('kinds').filter((k): k is TimelineItemKind => (ITEM_KINDS as readonly string[]).includes(k)),
    from: date('from'),
    to: date('to'),
    order: route.query.get('order') === 'DESC' ? 'DESC' : 'ASC',
    group: (GROUPINGS.find(([k]) => k === route.query.get('group'))?.[0] ?? 'actor'),
  };
}

/** Mounts the timeline view. */
export const mountTimelineView: ViewMount = (outlet, route, ctx) => {
  ctx.setTitle('Timeline');
  const picker = entityPicker({ client: ctx.client, label: 'Actor', name: 'actor', kinds: ['ACTOR'], placeholder: 'Any actor' });
  const issue = h('select', { id: 'timeline-issue', name: 'issue' }, h('option', { value: '' }, 'Any issue'));
  const kindBoxes = ITEM_KINDS.map((k) => h('input', { type: 'checkbox', value: k, id: `timeline-kind-${k}` }));
  const from = h('input', { type: 'text', id: 'timeline-from', size: 10, placeholder: 'YYYY-MM-DD', pattern: partialDate.source.slice(1, -1) });
  const to = h('input', { type: 'text', id: 'timeline-to', size: 10, placeholder: 'YYYY-MM-DD', pattern: partialDate.source.slice(1, -1) });
  const order = h('select', { id: 'timeline-order' }, h('option', { value: 'ASC' }, enumLabel('SortOrder', 'ASC')), h('option', { value: 'DESC' }, enumLabel('SortOrder', 'DESC')));
  const group = h('select', { id: 'timeline-group' }, GROUPINGS.map(([k, label]) => h('option', { value: k }, label)));
  const form = h(
    'form',
    { class: 'controls-form timeline-form', 'aria-label': 'Timeline filters' },
    picker.element,
    h('div', { class: 'field' }, h('label', { for: 'timeline-issue' }, 'Issue'), issue),
    h('fieldset', { class: 'inline-fieldset' }, h('legend', null, 'Show'), kindBoxes.map((b, i) => h('label', { class: 'check' }, b, ` ${enumLabel('TimelineItemKind', ITEM_KINDS[i]!)}s`))),
    h('div', { class: 'field' }, h('label', { for: 'timeline-from' }, 'From'), from),
    h('div', { class: 'field' }, h('label', { for: 'timeline-to' }, 'To'), to),
    h('div', { class: 'field' }, h('label', { for: 'timeline-order' }, 'Order'), order),
    h('div', { class: 'field' }, h('label', { for: 'timeline-group' }, 'Chart rows by'), group),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'button primary' }, 'Apply'), h('a', { href: routeHref('timeline'), class: 'button' }, 'Clear')),
  );
  const body = h('div', { class: 'timeline-body' });
  append(outlet, h('h1', null, 'Timeline'), form, body);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const kinds = kindBoxes.filter((b) => b.checked).map((b) => b.value);
    ctx.navigate(
      routeHref('timeline', undefined, {
        actor: picker.value()?.id,
        issue: issue.value,
        kinds: kinds.length > 0 && kinds.length < ITEM_KINDS.length ? kinds.join(',') : undefined,
        from: from.value.trim(),
        to: to.value.trim(),
        order: order.value === 'DESC' ? 'DESC' : undefined,
        group: group.value === 'actor' ? undefined : group.value,
      }),
    );
  });

  // Issue names for the select and the chosen actor's name for the picker.
  let filtersReady: Promise<FilterData | undefined> | undefined;
  const loadFilters = (ids: string[]): Promise<FilterData | undefined> =>
    ctx.client.request<FilterData>(filterQuery, { ids }, { signal: ctx.signal }).catch(() => undefined);

  const show = async (r: Route): Promise<void> => {
    const f = filterOf(r);
    kindBoxes.forEach((b) => (b.checked = f.kinds.length === 0 || f.kinds.includes(b.value as TimelineItemKind)));
    from.value = f.from ?? '';
    to.value = f.to ?? '';
    order.value = f.order;
    group.value = f.group;
    filtersReady ??= loadFilters(f.actorIds);
    const filters = await filtersReady;
    if (filters && issue.options.length === 1) append(issue, filters.issues.map((i) => h('option', { value: i.id }, i.label)));
    issue.value = f.issueIds[0] ?? '';
    const actorId = f.actorIds[0];
    if (actorId && picker.value()?.id !== actorId) {
      const known = filters?.entities.find((e) => e?.id === actorId) ?? (await loadFilters([actorId]))?.entities[0];
      picker.set({ id: actorId, label: known?.label ?? actorId, kind: 'ACTOR' });
    } else if (!actorId && picker.value()) picker.set(null);
    void showTimeline(ctx, body, f);
  };
  void show(route);
  return { update: (r) => void show(r) };
};

function showTimeline(ctx: ViewContext, body: HTMLElement, f: Filter): Promise<unknown> {
  const filter = {
    ...(f.actorIds.length > 0 ? { actorIds: f.actorIds } : {}),
    ...(f.issueIds.length > 0 ? { issueIds: f.issueIds } : {}),
    ...(f.kinds.length > 0 ? { kinds: f.kinds } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
  const fetchPage = (after: string | null, signal: AbortSignal) => ctx.client.request<TimelineData>(timelineQuery, { filter, order: f.order, after }, { signal });
  return load(ctx, body, 'the timeline', (signal) => fetchPage(null, signal), (data) => {
    const { totalCount, edges, pageInfo } = data.timeline;
    if (totalCount === 0) {
      body.append(emptyPanel('Nothing on the timeline matches these filters.', h('a', { href: routeHref('timeline') }, 'Clear the filters')));
      return 'Nothing matches.';
    }
    const all: TimelineItem[] = [];
    const chart = h('div', { class: 'timeline-chart' });
    let redraw = false;
    const { count, list, more } = pagedList<TimelineItem>(ctx, {
      list: h('ol', { class: 'timeline', 'aria-label': 'Timeline' }),
      first: { items: edges.map((e) => e.node), pageInfo },
      render: (item) => {
        all.push(item);
        // One redraw per page of items, not one per item.
        if (!redraw) {
          redraw = true;
          queueMicrotask(() => {
            redraw = false;
            chart.replaceChildren(
              timelineChart(all, totalCount, f.group, f.from || f.to ? undefined : (from, to) => routeHref('timeline', undefined, { actor: f.actorIds.join(',') || undefined, issue: f.issueIds.join(',') || undefined, kinds: f.kinds.join(',') || undefined, order: f.order === 'DESC' ? 'DESC' : undefined, group: f.group === 'actor' ? undefined : f.group, from, to })),
            );
          });
        }
        return itemRow(item);
      },
      fetchMore: async (cursor, signal) => {
        const next = await fetchPage(cursor, signal);
        return { items: next.timeline.edges.map((e) => e.node), pageInfo: next.timeline.pageInfo };
      },
      countText: (shown) => `${totalCount} item${totalCount === 1 ? '' : 's'}${shown < totalCount ? `, showing ${shown}` : ''}`,
      moreLabel: 'Show more',
      announce: (added) => `${added} more items.`,
    });
    body.append(chart, toolbar('Export the timeline', [timelineCsvAction(() => all), copyLinkAction()]), count, list, more);
    return `Timeline loaded: ${totalCount} items.`;
  });
}

function itemRow(item: TimelineItem): HTMLLIElement {
  const e = item.entity;
  return h(
    'li',
    { class: `timeline-item kind-${item.kind.toLowerCase()}`, 'data-id': e.id },
    h('time', { class: 'timeline-date', datetime: item.date.iso }, formatDate(item.date)),
    h(
      'div',
      { class: 'timeline-content' },
      h('p', { class: 'timeline-title' }, kindBadge(e.entityKind), ' ', e.stanceKind ? [stanceChip(e.stanceKind), ' '] : null, labelLink(entityHref(e), e)),
      e.text ? h('p', { class: 'timeline-quote' }, h('q', { lang: e.language ?? 'id' }, e.text), h('br'), h('span', { class: 'quote-gloss', lang: 'en' }, e.gloss ?? '')) : null,
      e.speaker ? h('p', { class: 'muted' }, actorLink(e.speaker)) : e.holder ? h('p', { class: 'muted' }, actorLink(e.holder)) : null,
      e.eventKind ? h('p', { class: 'muted' }, enumLabel('EventKind', e.eventKind)) : null,
    ),
  );
}
