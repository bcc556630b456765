/**
 * `#/paths?from=jens-stoltenberg&to=alexander-grushko`: the shortest paths joining two
 * entities (Query.paths), drawn as a graph and listed step by step.
 */
import { entityHref, routeHref, type Route } from '../app/router.js';
import type { ViewMount } from '../app/view.js';
import { type PathEndsData, type PathsData, pathsQuery, labelsQuery } from '../operations/paths.js';
import { kindBadge } from '../ui/badges.js';
import { append, h, replaceChildren } from '../ui/dom.js';
import { entityPicker, type PickedEntity } from '../ui/entity-picker.js';
import { drawGraph, edgeLabel } from '../ui/graph-view.js';
import { emptyPanel, load } from '../ui/status.js';
import { citationText, fetchProvenance } from '../ui/cite.js';
import { copyLinkAction, copyText, toolbar } from '../ui/export.js';

/** Kinds of node whose provenance a citation of a path gives (facts with sources). */
const FACT_KINDS: ReadonlySet<string> = new Set(['STANCE', 'STATEMENT', 'EVENT', 'DEMAND', 'MEMBERSHIP', 'OFFICE', 'INSTRUMENT', 'FIGURE']);

/** A path as one sentence: "Jens Stoltenberg — took part in as chair → NRC meeting ← took part in — Alexander Grushko." */
function pathInWords(path: PathsData['paths']['paths'][number]): string {
  return path.nodes
    .map((node, i) => {
      const edge = path.edges[i];
      if (!edge || !path.nodes[i + 1]) return node.label;
      return edge.source === node.id ? `${node.label} —${edgeLabel(edge)}→ ` : `${node.label} ←${edgeLabel(edge)}— `;
    })
    .join('');
}

/** Mounts the path finder. */
export const mountPathsView: ViewMount = (outlet, route, ctx) => {
  ctx.setTitle('Path finder');
  const fromPicker = entityPicker({ client: ctx.client, label: 'From', name: 'from', placeholder: 'e.g. Stoltenberg', required: true });
  const toPicker = entityPicker({ client: ctx.client, label: 'To', name: 'to', placeholder: 'e.g. Grushko', required: true });
  const hops = h('select', { id: 'paths-hops' }, [1, 2, 3, 4, 5, 6, 7, 8].map((n) => h('option', { value: String(n) }, `${n}`)));
  const provenance = h('input', { type: 'checkbox', id: 'paths-prov' });
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'controls-form paths-form', 'aria-label': 'Find paths', novalidate: true },
    fromPicker.element,
    toPicker.element,
    h('div', { class: 'field' }, h('label', { for: 'paths-hops' }, 'At most hops'), hops),
    h('label', { class: 'check' }, provenance, ' Through sources too'),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'button primary' }, 'Find paths')),
    formError,
  );
  const body = h('div', { class: 'paths-body' });
  append(outlet, h('h1', null, 'Path finder'), h('p', { class: 'muted' }, 'How are two people, states, demands or events connected? Pick both ends; the shortest paths are drawn and listed step by step.'), form, body);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const from = fromPicker.value();
    const to = toPicker.value();
    if (!from || !to) {
      formError.textContent = `Pick ${!from ? 'where the path starts' : 'where it ends'} from the suggestions.`;
      formError.hidden = false;
      (!from ? fromPicker.input : toPicker.input).focus();
      return;
    }
    formError.hidden = true;
    ctx.navigate(routeHref('paths', undefined, { from: from.id, to: to.id, hops: hops.value === '4' ? undefined : hops.value, provenance: provenance.checked ? '1' : undefined }));
  });

  const show = async (r: Route): Promise<void> => {
    const fromId = r.query.get('from') ?? '';
    const toId = r.query.get('to') ?? '';
    const maxHops = Math.min(8, Math.max(1, Number(r.query.get('hops') ?? 4) || 4));
    hops.value = String(maxHops);
    provenance.checked = r.query.get('provenance') === '1';
    await fillPickers(fromId, toId);
    if (!fromId || !toId) {
      replaceChildren(body, emptyPanel('Pick two entities to see how they are connected.', ['For example ', h('a', { href: routeHref('paths', undefined, { from: 'jens-stoltenberg', to: 'alexander-grushko' }) }, 'Stoltenberg and Grushko'), '.']));
      return;
    }
    void load(
      ctx,
      body,
      'the paths',
      (signal) => ctx.client.request<PathsData>(pathsQuery, { from: fromId, to: toId, maxHops, includeProvenance: provenance.checked }, { signal }),
      (data, signal) => {
        const p = data.paths;
        ctx.setTitle(`Paths: ${p.from.label} – ${p.to.label}`);
        if (p.paths.length === 0) {
          body.append(emptyPanel(`No path of at most ${maxHops} hops joins ${p.from.label} and ${p.to.label}.`, provenance.checked ? 'Try more hops.' : 'Try more hops, or include paths through sources.'));
          return 'No path found.';
        }
        body.append(
          h('h2', null, `${p.paths.length} shortest path${p.paths.length === 1 ? '' : 's'} from ${p.from.label} to ${p.to.label}`),
          drawGraph(p.graph.nodes, p.graph.edges, {
            name: 'paths',
            label: `Paths from ${p.from.label} to ${p.to.label}`,
            highlight: [p.from.id, p.to.id],
            layout: 'breadthfirst',
            roots: [p.from.id],
            onOpen: (node) => ctx.navigate(entityHref(node)),
            signal,
          }),
          h('ol', { class: 'path-list', 'aria-label': 'Paths step by step' }, p.paths.map((path, i) => pathSteps(path, i))),
          toolbar('Share the paths', [
            copyLinkAction(),
            {
              name: 'cite',
              label: 'Cite the first path',
              run: async () => {
                const path = p.paths[0]!;
                const facts = await fetchProvenance(ctx.client, path.nodes.filter((n) => FACT_KINDS.has(n.kind)).map((n) => n.id), ctx.signal);
                await copyText(citationText(pathInWords(path), facts));
                return 'Citation copied: the path, and the quotes and sources behind its steps.';
              },
            },
          ]),
        );
        return `${p.paths.length} paths found from ${p.from.label} to ${p.to.label}.`;
      },
    );
  };

  /** Shows the ids of the route in the pickers, with their labels. */
  async function fillPickers(fromId: string, toId: string): Promise<void> {
    const wanted = [fromId, toId].filter((id, i) => id && [fromPicker, toPicker][i]!.value()?.id !== id);
    if (wanted.length === 0) return;
    let known: (PickedEntity | null)[] = [];
    try {
      const data = await ctx.client.request<PathEndsData>(labelsQuery, { ids: wanted }, { signal: ctx.signal });
      known = data.entities.map((e) => (e ? { id: e.id, label: e.label, kind: e.entityKind } : null));
    } catch {
      // The paths request reports the problem; the pickers just show the ids.
    }
    const find = (id: string): PickedEntity => known.find((k) => k?.id === id) ?? { id, label: id, kind: 'ACTOR' };
    if (fromId && fromPicker.value()?.id !== fromId) fromPicker.set(find(fromId));
    if (toId && toPicker.value()?.id !== toId) toPicker.set(find(toId));
  }

  void show(route);
  return { update: (r) => void show(r) };
};

/** One path as a list of steps: node, then the link to the next node (with its direction). */
function pathSteps(path: PathsData['paths']['paths'][number], index: number): HTMLLIElement {
  const steps: (HTMLElement | string)[] = [];
  path.nodes.forEach((node, i) => {
    steps.push(h('span', { class: 'path-node', 'data-id': node.id }, kindBadge(node.kind), ' ', h('a', { href: entityHref(node) }, node.label)));
    const edge = path.edges[i];
    const next = path.nodes[i + 1];
    if (edge && next) {
      const forward = edge.source === node.id;
      steps.push(h('span', { class: 'path-edge' }, forward ? ` —${edgeLabel(edge)}→ ` : ` ←${edgeLabel(edge)}— `));
    }
  });
  return h('li', { class: 'path', 'data-length': String(path.length) }, h('span', { class: 'visually-hidden' }, `Path ${index + 1}, ${path.length} hops: `), steps);
}
