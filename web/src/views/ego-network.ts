/**
 * The interactive ego network of one entity (Query.neighbourhood): a drawing with depth
 * and provenance controls, and the same links as a list for keyboard and screen-reader use.
 */
import { ENTITY_KINDS, type EntityKind, type SubgraphData } from '../api/types.js';
import { entityHref } from '../app/router.js';
import type { ViewContext } from '../app/view.js';
import { type NeighbourhoodData, neighbourhoodQuery } from '../operations/neighbourhood.js';
import { kindBadge } from '../ui/badges.js';
import { append, h, uniqueId } from '../ui/dom.js';
import { drawGraph, edgeLabel } from '../ui/graph-view.js';
import { emptyPanel, load } from '../ui/status.js';
import { replaceQuery } from '../ui/url-state.js';

/** Where the drawing's settings go in the address (`depth=2&sources=1&says=0`), so that a link keeps them. */
export interface EgoRoute {
  name: 'actor' | 'entity';
  id: string;
  query: URLSearchParams;
}

/** A section with the ego network of `id`, loading itself; its settings come from and go to the address. */
export function egoNetworkSection(ctx: ViewContext, centre: { id: string; label: string }, route: EgoRoute): HTMLElement {
  const headingId = uniqueId('ego');
  const depth = h('select', { id: `${headingId}-depth` }, h('option', { value: '1' }, '1 hop'), h('option', { value: '2' }, '2 hops'));
  const provenance = h('input', { type: 'checkbox', id: `${headingId}-prov` });
  const says = h('input', { type: 'checkbox', id: `${headingId}-says`, checked: true });
  const body = h('div', { class: 'ego-body' });
  depth.value = route.query.get('depth') === '2' ? '2' : '1';
  provenance.checked = route.query.get('sources') === '1';
  says.checked = route.query.get('says') !== '0';
  const section = h(
    'section',
    { class: 'panel ego-network', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Connections'),
    h(
      'div',
      { class: 'controls' },
      h('label', { for: `${headingId}-depth` }, 'Depth '),
      depth,
      h('label', { class: 'check', for: `${headingId}-says` }, says, ' Statements and stances'),
      h('label', { class: 'check', for: `${headingId}-prov` }, provenance, ' Sources'),
    ),
    body,
  );

  const refresh = (): void => {
    replaceQuery(route.name, route.id, { depth: depth.value === '2' ? '2' : undefined, sources: provenance.checked ? '1' : undefined, says: says.checked ? undefined : '0' });
    void load(
      ctx,
      body,
      `the connections of ${centre.label}`,
      (signal) =>
        ctx.client.request<NeighbourhoodData>(neighbourhoodQuery, { id: centre.id, depth: Number(depth.value), includeProvenance: provenance.checked, kinds: says.checked ? null : ENTITY_KINDS.filter((k) => k !== 'STATEMENT' && k !== 'STANCE') }, { signal }),
      (data, signal) => {
        const { nodes, edges, truncated } = data.neighbourhood;
        if (nodes.length <= 1) {
          body.append(emptyPanel(`${centre.label} has no connections with these settings.`));
          return `${centre.label} has no connections.`;
        }
        append(
          body,
          drawGraph(nodes, edges, {
            name: 'neighbourhood',
            label: `Connections of ${centre.label}`,
            highlight: [centre.id],
            layout: 'force',
            roots: [centre.id],
            onOpen: (node) => ctx.navigate(entityHref(node)),
            signal,
          }),
          truncated ? h('p', { class: 'muted' }, 'The drawing is cut at 120 nodes.') : null,
          connectionList(centre.id, data.neighbourhood),
        );
        return `${nodes.length - 1} connected entities of ${centre.label} drawn.`;
      },
    );
  };
  depth.addEventListener('change', refresh);
  provenance.addEventListener('change', refresh);
  says.addEventListener('change', refresh);
  refresh();
  return section;
}

/** The drawn links as a list: "TYPE → entity", grouped by relationship type. */
function connectionList(centreId: string, graph: SubgraphData): HTMLElement {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rows = graph.edges
    .map((e) => {
      const other = byId.get(e.source === centreId ? e.target : e.source);
      const from = byId.get(e.source);
      const to = byId.get(e.target);
      return { e, other, from, to };
    })
    .filter((r) => r.from && r.to && r.other);
  return h(
    'details',
    { class: 'connection-list' },
    h('summary', null, `The ${rows.length} links as a list`),
    h(
      'ul',
      null,
      rows.map(({ e, from, to }) =>
        h(
          'li',
          null,
          h('a', { href: entityHref(from!) }, from!.label),
          ' ',
          h('span', { class: 'edge-type' }, `—${edgeLabel(e)}→`),
          ' ',
          kindBadge(to!.kind as EntityKind),
          ' ',
          h('a', { href: entityHref(to!) }, to!.label),
        ),
      ),
    ),
  );
}
