/**
 * `#/actor/:id`: an actor's profile (offices, memberships, demands made and received,
 * stances, statements with their quotes, whom it speaks for, events) beside its
 * interactive ego network.
 */
import type { ActorRef, DateIso } from '../api/types.js';
import { routeHref } from '../app/router.js';
import type { ViewContext, ViewMount } from '../app/view.js';
import { type ActorData, type ActorStatementsData, type DemandRow, actorQuery, actorStatementsQuery } from '../operations/actor.js';
import { actorLink, actorList, entityLink, facts, kindBadge, stanceChip } from '../ui/badges.js';
import { append, h, replaceChildren, type Child } from '../ui/dom.js';
import { formatDate, formatPeriod } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
import { quoteBlock } from '../ui/quote.js';
import { copyIdAction, copyLinkAction, toolbar } from '../ui/export.js';
import { load } from '../ui/status.js';
import { egoNetworkSection } from './ego-network.js';
import { allLanguages, inLanguage, labelLink, localizedLink } from '../ui/localized.js';

/** Mounts the actor view. */
export const mountActorView: ViewMount = (outlet, route, ctx) => {
  const heading = h('h1', null, 'Actor');
  const body = h('div', { class: 'actor-page' });
  append(outlet, h('p', { class: 'breadcrumb' }, h('a', { href: routeHref('home') }, 'Overview'), ' › Actor'), heading, body);
  ctx.setTitle('Actor');
  void load(ctx, body, 'the actor', (signal) => ctx.client.request<ActorData>(actorQuery, { id: route.id }, { signal }), (data) => {
    const a = data.actor;
    const name = a.names.best.text;
    replaceChildren(heading, inLanguage(a.names.best, 'name'), ' ', kindBadge('ACTOR'));
    ctx.setTitle(name);
    const profile = h(
      'div',
      { class: 'profile' },
      actorSummary(a),
      h(
        'section',
        { class: 'panel', 'aria-label': 'About' },
        h('details', { class: 'section', open: true }, h('summary', null, h('h2', null, 'About')), facts([
          ['Kind', enumLabel('ActorKind', a.kind)],
          ['Names', allLanguages(a.names.all)],
          ['Also called', a.aliases.join(', ')],
          ['Country code', a.countryCode],
          ['Part of', a.partOf ? actorLink(a.partOf) : null],
          ['Speaks for', a.speaksFor.length > 0 ? actorList(a.speaksFor) : null],
          ['Description', a.descriptions ? inLanguage(a.descriptions.best, 'description') : null],
          ['Descriptions', allLanguages(a.descriptions?.all)],
          ['Note', a.note],
        ])),
        h('p', { class: 'links' }, h('a', { href: routeHref('timeline', undefined, { actor: a.id }) }, `Timeline of ${name}`), ' · ', h('a', { href: routeHref('paths', undefined, { from: a.id }) }, 'Find paths from here')),
      ),
      listSection('Offices', a.offices, (o) => [inLanguage(o.titles.best, 'title', 'strong'), ', ', actorLink(o.organization), ` · as of ${formatDate(o.asOf)}`]),
      listSection('Officials', a.officials, (o) => [actorLink(o.holder), ', ', inLanguage(o.titles.best, 'title'), ` · as of ${formatDate(o.asOf)}`]),
      listSection('Member of', a.memberships, (m) => [actorLink(m.organization), ` · ${period(m.from, m.until)}`]),
      listSection(`Members (${a.members.length})`, a.members, (m) => [actorLink(m.member), ` · ${period(m.from, m.until)}`], 'compact-columns', 0),
      listSection('Demands made', a.demandsMade, (d) => demandRow(d, 'of', d.of)),
      listSection('Demands received', a.demandsReceived, (d) => demandRow(d, 'by', d.by)),
      listSection(
        `Stances${countNote(a.stances?.totalCount ?? 0, a.stances?.edges.length ?? 0)}`,
        a.stances?.edges.map((e) => e.node) ?? [],
        (s) => [
          stanceChip(s.kind),
          ' ',
          h('time', { datetime: s.date.iso }, formatDate(s.date)),
          ' · ',
          localizedLink(routeHref('entity', s.id), s.summaries.best, 'summary'),
          s.respondsTo ? [' · answers ', entityLink(s.respondsTo)] : null,
          s.towards ? [' · towards ', actorLink(s.towards)] : null,
        ],
      ),
      statementsSection(ctx, a.id),
      listSection(`Events${countNote(a.events?.totalCount ?? 0, a.events?.edges.length ?? 0)}`, a.events?.edges.map((e) => e.node) ?? [], (p) => [
        h('time', { datetime: p.event.date.iso }, formatDate(p.event.date)),
        ' · ',
        labelLink(routeHref('entity', p.event.id), p.event),
        ` · ${enumLabel('ParticipantRole', p.role)}`,
      ]),
    );
    append(body, profile, egoNetworkSection(ctx, { id: a.id, label: name }, { name: 'actor', id: route.id, query: route.query }));
    return `Actor ${name} loaded.`;
  });
};

/** What an analyst wants first: who this is, and how much the page holds. */
function actorSummary(a: ActorData['actor']): HTMLElement {
  const stat = (n: number, what: string): HTMLElement | null => (n > 0 ? h('li', null, h('strong', null, String(n)), ` ${what}`) : null);
  return h(
    'section',
    { class: 'panel summary-panel', 'aria-label': 'Summary' },
    h('p', null, inLanguage(a.names.best, 'name', 'strong'), ` is a ${enumLabel('ActorKind', a.kind).toLowerCase()}`, a.partOf ? [', part of ', actorLink(a.partOf)] : null, a.memberships.length > 0 ? [', a member of ', actorList(a.memberships.map((m) => m.organization))] : null, '.'),
    a.descriptions ? h('p', null, inLanguage(a.descriptions.best, 'description')) : null,
    h(
      'ul',
      { class: 'summary-stats' },
      stat(a.demandsMade.length, a.demandsMade.length === 1 ? 'demand made' : 'demands made'),
      stat(a.demandsReceived.length, a.demandsReceived.length === 1 ? 'demand received' : 'demands received'),
      stat(a.stances?.totalCount ?? 0, 'stances'),
      stat(a.events?.totalCount ?? 0, 'events'),
      stat(a.members.length, 'members'),
      stat(a.offices.length + a.officials.length, 'offices'),
    ),
    toolbar(`Share ${a.names.best.text}`, [copyLinkAction(), copyIdAction(a.id)]),
  );
}

function period(from: DateIso, until: DateIso | null): string {
  return formatPeriod(from, until);
}

function countNote(total: number, shown: number): string {
  return total > shown ? ` (${shown} of ${total})` : ` (${total})`;
}

function demandRow(d: DemandRow, relation: 'of' | 'by', actors: ActorRef[]): Child {
  return [
    localizedLink(routeHref('demand', d.id), d.summaries.best, 'summary'),
    ` · ${relation} `,
    actorList(actors),
    ` · since ${formatDate(d.since)}`,
  ];
}

/** A titled, collapsible list section (open when short), left out when the list is empty. */
function listSection<T>(title: string, items: readonly T[], row: (item: T) => Child, listClass?: string, openUpTo = 8): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'panel', 'aria-label': title },
    h('details', { class: 'section', open: items.length <= openUpTo }, h('summary', null, h('h2', null, title)), h('ul', { class: `plain-list ${listClass ?? ''}` }, items.map((i) => h('li', null, row(i))))),
  );
}

/** The actor's statements, loaded on their own (see actorStatementsQuery). */
function statementsSection(ctx: ViewContext, id: string): HTMLElement {
  const heading = h('h2', { id: 'actor-statements' }, 'Statements');
  const body = h('div');
  const details = h('details', { class: 'section' }, h('summary', null, heading), body);
  void load(ctx, body, 'statements', (signal) => ctx.client.request<ActorStatementsData>(actorStatementsQuery, { id }, { signal }), (data) => {
    const { totalCount, edges } = data.actor.statements;
    heading.textContent = `Statements${countNote(totalCount, edges.length)}`;
    details.open = totalCount <= 3;
    if (edges.length === 0) body.append(h('p', { class: 'muted' }, 'No statements by or for this actor.'));
    else append(body, edges.map((e) => quoteBlock(e.node)));
    return `${totalCount} statements loaded.`;
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'actor-statements' }, details);
}
