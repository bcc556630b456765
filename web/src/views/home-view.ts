/**
 * `#/`: the overview. The demands with their standing, the issues (each with its
 * positions and timeline), and the actors by kind: the ways into everything else.
 */
import type { ActorRef } from '../api/types.js';
import { routeHref } from '../app/router.js';
import type { ViewMount } from '../app/view.js';
import { type OverviewData, overviewQuery } from '../operations/overview.js';
import { actorList, actorLink } from '../ui/badges.js';
import { append, h } from '../ui/dom.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
import { emptyPanel, load } from '../ui/status.js';
import { localizedLink } from '../ui/localized.js';

/** Mounts the overview. */
export const mountHomeView: ViewMount = (outlet, _route, ctx) => {
  ctx.setTitle('');
  const body = h('div', { class: 'overview' });
  append(
    outlet,
    h('h1', null, 'Diplomatic positions'),
    h(
      'p',
      { class: 'lede' },
      'Who demanded what of whom, who answered, in which words, and how we know. Search for an actor, open a demand to follow its thread, compare positions, or find how two people are connected.',
    ),
    body,
  );
  void load(ctx, body, 'the overview', (signal) => ctx.client.request<OverviewData>(overviewQuery, {}, { signal }), (data) => {
    append(body, demandsSection(data), issuesSection(data), actorsSection(data));
    return `Overview loaded: ${data.demands.totalCount} demands, ${data.issues.length} issues, ${data.actors.totalCount} actors.`;
  });
};

function demandsSection(data: OverviewData): HTMLElement {
  const demands = data.demands.edges.map((e) => e.node);
  return h(
    'section',
    { 'aria-labelledby': 'home-demands' },
    h('h2', { id: 'home-demands' }, 'Demands'),
    demands.length === 0
      ? emptyPanel('No demands in the graph yet.', 'Load the seed files with npm run seed.')
      : h(
          'ul',
          { class: 'card-list' },
          demands.map((d) =>
            h(
              'li',
              { class: 'card' },
              localizedLink(routeHref('demand', d.id), d.summaries.best, 'summary', { class: 'card-title' }),
              h('p', { class: 'muted' }, 'By ', actorList(d.by), ' of ', actorList(d.of), ` · since ${formatDate(d.since)} · `, h('span', { class: `state-badge state-${d.status.state.toLowerCase()}` }, enumLabel('DemandState', d.status.state))),
              h('p', null, h('a', { href: routeHref('positions', undefined, { demand: d.id }) }, 'Positions on this demand')),
            ),
          ),
        ),
    demands.length > 0 ? h('p', null, h('a', { href: routeHref('positions') }, 'All demands in one positions matrix')) : null,
  );
}

function issuesSection(data: OverviewData): HTMLElement {
  const children = new Map<string, OverviewData['issues']>();
  for (const issue of data.issues) {
    const key = issue.parent?.id ?? '';
    children.set(key, [...(children.get(key) ?? []), issue]);
  }
  const tree = (parent: string): HTMLElement | null => {
    const items = children.get(parent);
    if (!items || items.length === 0) return null;
    return h(
      'ul',
      { class: 'issue-tree' },
      items.map((i) =>
        h(
          'li',
          null,
          localizedLink(routeHref('entity', i.id), i.names.best, 'name'),
          ' · ',
          h('a', { href: routeHref('positions', undefined, { issue: i.id }), class: 'small-link' }, 'positions'),
          ' · ',
          h('a', { href: routeHref('timeline', undefined, { issue: i.id }), class: 'small-link' }, 'timeline'),
          tree(i.id),
        ),
      ),
    );
  };
  return h('section', { 'aria-labelledby': 'home-issues' }, h('h2', { id: 'home-issues' }, 'Issues'), tree('') ?? emptyPanel('No issues in the graph yet.'));
}

function actorsSection(data: OverviewData): HTMLElement {
  const byKind = new Map<string, ActorRef[]>();
  for (const { node } of data.actors.edges) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);
  return h(
    'section',
    { 'aria-labelledby': 'home-actors' },
    h('h2', { id: 'home-actors' }, `Actors (${data.actors.totalCount})`),
    byKind.size === 0
      ? emptyPanel('No actors in the graph yet.')
      : h(
          'div',
          { class: 'actor-groups' },
          [...byKind].map(([kind, actors]) =>
            h('section', { class: 'actor-group', 'aria-label': enumLabel('ActorKind', kind) }, h('h3', null, enumLabel('ActorKind', kind)), h('ul', { class: 'inline-list' }, actors.map((a) => h('li', null, actorLink(a))))),
          ),
        ),
  );
}
