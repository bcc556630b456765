/**
 * `#/demand/:id`: a demand's thread. Who demanded what of whom, since when and in which
 * instrument; where it stands (Demand.status); and every response grouped by stance
 * kind, each with its quotes (text and gloss), speaker, date and source.
 */
import type { StanceKind } from '../api/types.js';
import { routeHref } from '../app/router.js';
import type { ViewMount } from '../app/view.js';
import { type DemandResponse, type DemandData, demandQuery } from '../operations/demand.js';
import { actorLink, actorList, entityLink, facts, kindBadge, stanceChip } from '../ui/badges.js';
import { append, h, replaceChildren } from '../ui/dom.js';
import { stanceName } from '../ui/kinds.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
import { quoteBlock, sourceCitation } from '../ui/quote.js';
import { reportsPanel } from '../ui/reports.js';
import { emptyPanel, load } from '../ui/status.js';
import { copyIdAction, copyLinkAction, toolbar } from '../ui/export.js';
import type { GraphqlClient } from '../api/graphql-client.js';
import { dateSpan } from '../text/dates.js';
import { allLanguages, inLanguage, localizedLink } from '../ui/localized.js';

/**
 * The demand, its status as of `asOf`; without a date, as of its latest response (or
 * when it was made): "today" over data from January 2022 would say nothing about them.
 */
async function loadDemand(client: GraphqlClient, id: string, asOf: string | null, signal: AbortSignal): Promise<DemandData> {
  const first = await client.request<DemandData>(demandQuery, { id, asOf }, { signal });
  if (asOf !== null || !first.demand) return first;
  const dates = [first.demand.since.iso, ...first.demand.responses.map((r) => r.date.iso)];
  const latest = dates.sort((a, b) => dateSpan(a).end.localeCompare(dateSpan(b).end)).at(-1)!;
  return client.request<DemandData>(demandQuery, { id, asOf: latest }, { signal });
}

/** Mounts the demand thread view. */
export const mountDemandView: ViewMount = (outlet, route, ctx) => {
  const heading = h('h1', null, 'Demand');
  const body = h('div', { class: 'demand-thread' });
  append(outlet, h('p', { class: 'breadcrumb' }, h('a', { href: routeHref('home') }, 'Overview'), ' › Demand'), heading, body);
  ctx.setTitle('Demand');
  const asked = route.query.get('asOf');
  const asOf = asked && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(asked) ? asked : null;
  void load(ctx, body, 'the demand', (signal) => loadDemand(ctx.client, route.id, asOf, signal), (data) => {
    const d = data.demand;
    replaceChildren(heading, inLanguage(d.summaries.best, 'summary'), ' ', kindBadge('DEMAND'));
    ctx.setTitle(d.summaries.best.text);
    append(
      body,
      h(
        'section',
        { class: 'panel', 'aria-label': 'The demand' },
        facts([
          ['Summaries', allLanguages(d.summaries.all)],
          ['Demanded by', actorList(d.by)],
          ['Of', actorList(d.of)],
          ['Since', formatDate(d.since)],
          ['Instrument', d.instrument ? [localizedLink(routeHref('entity', d.instrument.id), d.instrument.titles.best, 'title'), ` (${enumLabel('InstrumentKind', d.instrument.kind)}, ${formatDate(d.instrument.published)})`] : null],
          ['Issues', d.issues.flatMap((i, n) => (n === 0 ? [entityLink({ ...i, entityKind: 'ISSUE' })] : [', ', entityLink({ ...i, entityKind: 'ISSUE' })]))],
          ['CAMEO code', d.cameoCode],
          ['Note', d.note],
        ]),
        h('p', { class: 'links' }, h('a', { href: routeHref('positions', undefined, { demand: d.id, asOf: asOf ?? undefined }) }, 'Every actor’s position on this demand, over time'), ' · ', h('a', { href: routeHref('entity', d.id) }, 'Provenance')),
        toolbar('Share this demand', [copyLinkAction(), copyIdAction(d.id)]),
      ),
      statusSection(d.status, asOf === null),
      responsesSection(d.responses),
      reportsPanel(d.reports, d.corroboration),
      d.evidence.length > 0 ? h('section', { class: 'panel', 'aria-labelledby': 'demand-evidence' }, h('h2', { id: 'demand-evidence' }, 'Where the demand is reported'), d.evidence.map(quoteBlock)) : null,
      d.sources.length > 0 ? h('section', { class: 'panel', 'aria-labelledby': 'demand-sources' }, h('h2', { id: 'demand-sources' }, 'Sources'), h('ul', { class: 'plain-list' }, d.sources.map((s) => h('li', null, sourceCitation(s))))) : null,
    );
    return `Demand loaded: ${d.summaries.best.text} ${d.responses.length} responses.`;
  });
};

function statusSection(status: DemandData['demand']['status'], defaulted: boolean): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'demand-status' },
    h('h2', { id: 'demand-status' }, 'Status ', h('span', { class: `state-badge state-${status.state.toLowerCase()}` }, enumLabel('DemandState', status.state))),
    h('p', { class: 'asof-note' }, h('strong', null, `As of ${formatDate(status.asOf)}`), defaulted ? ' — the date of the latest response (no date was chosen; add ?asOf=YYYY-MM-DD to the address for another).' : ' — the date chosen.', ' Counting stated and inherited positions.'),
    status.counts.length > 0
      ? h(
          'table',
          { class: 'counts' },
          h('caption', { class: 'visually-hidden' }, 'Positions by stance kind'),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Stance'), h('th', { scope: 'col' }, 'Stated'), h('th', { scope: 'col' }, 'Inherited'))),
          h('tbody', null, status.counts.map((c) => h('tr', null, h('th', { scope: 'row' }, stanceChip(c.kind)), h('td', null, String(c.direct)), h('td', null, String(c.derived))))),
        )
      : null,
    status.latestResponse
      ? h('p', null, 'Latest response: ', actorLink(status.latestResponse.holder), ` ${stanceName(status.latestResponse.kind).toLowerCase()} (`, h('a', { href: routeHref('entity', status.latestResponse.id) }, formatDate(status.latestResponse.date)), ')')
      : h('p', null, 'No addressee has answered yet.'),
  );
}

function responsesSection(responses: DemandResponse[]): HTMLElement {
  const groups = new Map<StanceKind, DemandResponse[]>();
  for (const r of responses) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  return h(
    'section',
    { class: 'responses', 'aria-labelledby': 'demand-responses' },
    h('h2', { id: 'demand-responses' }, `Responses (${responses.length})`),
    responses.length === 0
      ? emptyPanel('No responses recorded.', 'The sources state no answer to this demand.')
      : [...groups].map(([kind, items]) =>
          h(
            'section',
            { class: 'response-group', 'data-stance-kind': kind, 'aria-label': `${stanceName(kind)} (${items.length})` },
            h('h3', null, stanceChip(kind), ` ${items.length}`),
            items.map(responseCard),
          ),
        ),
  );
}

function responseCard(r: DemandResponse): HTMLElement {
  return h(
    'article',
    { class: 'panel response', 'data-stance': r.id },
    h('h4', null, actorLink(r.holder), ' · ', h('time', { datetime: r.date.iso }, formatDate(r.date))),
    h('p', null, localizedLink(routeHref('entity', r.id), r.summaries.best, 'summary')),
    r.towards ? h('p', { class: 'muted' }, 'Towards ', actorLink(r.towards), ` · CAMEO ${r.cameoCode}`) : h('p', { class: 'muted' }, `CAMEO ${r.cameoCode}`),
    r.evidence.length > 0 ? r.evidence.map(quoteBlock) : h('p', { class: 'muted' }, 'No quote supports this response.'),
    r.sources.length > 0 ? h('p', { class: 'response-sources' }, 'Sources: ', r.sources.flatMap((s, i) => (i === 0 ? [sourceCitation(s)] : ['; ', sourceCitation(s)]))) : null,
    r.note ? h('p', { class: 'note' }, h('span', { class: 'note-label' }, 'Note: '), r.note) : null,
  );
}
