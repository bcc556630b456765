/**
 * Draws a Subgraph with cytoscape.js: nodes coloured and shaped by kind, edges labelled
 * with their relationship type, pan and zoom with mouse, touch or keyboard, a click
 * (tap) on a node opens it. A legend and the caller's text alternative sit beside it.
 * What is drawn is readable from window.__diplograph.graphs for browser tests.
 */
import type cytoscape from 'cytoscape';
import type { EntityKind, GraphEdgeData, GraphNodeData } from '../api/types.js';
import { relationLabel } from '../text/vocabulary.js';
import { h } from './dom.js';
import { ENTITY_KIND_STYLE, kindName } from './kinds.js';

/** Options of drawGraph. */
export interface GraphOptions {
  /** Name under which tests find the drawing (window.__diplograph.graphs[name]). */
  name: string;
  /** The accessible name of the drawing. */
  label: string;
  /** Nodes drawn larger, with a thick border (the centre, the endpoints of paths). */
  highlight?: readonly string[];
  /**
   * `concentric`: rings around the first `roots` node by distance from it (ego networks);
   * `breadthfirst`: left to right from `roots` (paths).
   */
  layout?: 'concentric' | 'breadthfirst';
  roots?: readonly string[];
  /** Called when a node is clicked or tapped. */
  onOpen?: (node: GraphNodeData) => void;
  /** The drawing is destroyed when this aborts (the view is left). */
  signal?: AbortSignal;
}

/** What tests read of a drawing: the nodes and edges cytoscape holds, with rendered positions. */
export interface DrawnGraph {
  nodes: { id: string; label: string; kind: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string; label: string }[];
  zoom: number;
}

interface TestHook {
  graphs: Record<string, () => DrawnGraph>;
}

declare global {
  interface Window {
    __diplograph?: TestHook;
  }
}

const MAX_LABEL = 34;

/** An edge in words: "took part in as chair". */
export function edgeLabel(edge: GraphEdgeData): string {
  return relationLabel(edge.type, edge.properties);
}

function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/** Hops from `root` to every node, treating edges as undirected (unreachable nodes are left out). */
function hopsFrom(root: string | undefined, nodes: readonly GraphNodeData[], edges: readonly GraphEdgeData[]): Map<string, number> {
  const hops = new Map<string, number>();
  if (!root) return hops;
  const next = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    next.get(e.source)?.push(e.target);
    next.get(e.target)?.push(e.source);
  }
  hops.set(root, 0);
  const queue = [root];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const other of next.get(id) ?? []) {
      if (!hops.has(other)) {
        hops.set(other, (hops.get(id) ?? 0) + 1);
        queue.push(other);
      }
    }
  }
  return hops;
}

/** Draws the graph; returns the figure (canvas, keyboard help and legend) to insert. */
export function drawGraph(nodes: readonly GraphNodeData[], edges: readonly GraphEdgeData[], opts: GraphOptions): HTMLElement {
  const canvas = h('div', {
    class: 'graph-canvas',
    tabindex: 0,
    role: 'group',
    'aria-roledescription': 'graph drawing',
    'aria-label': `${opts.label}: ${nodes.length} nodes, ${edges.length} links. Arrow keys pan, plus and minus zoom, 0 fits the drawing.`,
    'data-graph': opts.name,
  });
  const kinds = [...new Set(nodes.map((n) => n.kind))];
  const figure = h(
    'figure',
    { class: 'graph' },
    canvas,
    h(
      'figcaption',
      { class: 'graph-caption' },
      h(
        'span',
        { class: 'muted' },
        `Drag to pan, scroll or pinch to zoom, click a node to open it${nodes.length > 30 ? '; hover a node or zoom in to see names' : ''}. Keyboard: focus the drawing, then arrows, + / −, 0.`,
      ),
      h(
        'ul',
        { class: 'legend', 'aria-label': 'Colours by kind' },
        kinds.map((k) => h('li', null, h('span', { class: `swatch shape-${ENTITY_KIND_STYLE[k]?.shape ?? 'ellipse'}`, style: `--kind:${ENTITY_KIND_STYLE[k]?.colour ?? '#555'}`, 'aria-hidden': 'true' }), kindName(k))),
      ),
    ),
  );

  const highlight = new Set(opts.highlight ?? []);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const distance = hopsFrom(opts.roots?.[0], nodes, edges);
  // Crowded drawings label only the highlighted nodes; the others show theirs on hover, focus or zoom.
  const crowded = nodes.length > 30;
  const ordered = [...nodes].sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  // Concentric rings: by distance from the root, then one ring per kind, the rarer kinds inside.
  const perKind = new Map<string, number>();
  for (const n of nodes) perKind.set(n.kind, (perKind.get(n.kind) ?? 0) + 1);
  const kindRank = new Map([...perKind].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([k], i) => [k, i]));
  const ring = (id: string): number => {
    const hops = distance.get(id) ?? 9;
    return hops === 0 ? 0 : hops * 100 + (kindRank.get(byId.get(id)?.kind ?? '') ?? 0);
  };
  // Cytoscape is loaded on first use (most of the dashboard's weight), and measures its
  // container, so it starts once the figure is in the document.
  void import('cytoscape').then(({ default: cytoscape }) => {
    if (opts.signal?.aborted) return;
    const cy = cytoscape({
      container: canvas,
      elements: [
        ...ordered.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, label: shortLabel(n.label), kind: n.kind, colour: ENTITY_KIND_STYLE[n.kind as EntityKind]?.colour ?? '#555', shape: ENTITY_KIND_STYLE[n.kind as EntityKind]?.shape ?? 'ellipse' },
          classes: highlight.has(n.id) ? 'highlight' : '',
        })),
        ...edges
          .filter((e) => byId.has(e.source) && byId.has(e.target))
          .map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, label: edgeLabel(e) } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            shape: 'data(shape)' as never,
            label: 'data(label)',
            color: '#1b1f24',
            'font-size': 11,
            'font-family': 'system-ui, sans-serif',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'wrap',
            'text-max-width': '130px',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
            // Labels too small to read are left out until the reader zooms in.
            'min-zoomed-font-size': crowded ? 12 : 7,
            width: 22,
            height: 22,
          },
        },
        { selector: 'node.highlight', style: { width: 34, height: 34, 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold', 'font-size': crowded ? 22 : 13, 'min-zoomed-font-size': 0 } },
        { selector: 'node.hover', style: { 'min-zoomed-font-size': 0, 'font-size': 13, 'z-index': 20, 'text-background-opacity': 1, 'border-width': 3, 'border-color': '#f59e0b' } },
        { selector: 'edge.hover', style: { 'min-zoomed-font-size': 0, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', 'z-index': 19, width: 2.5 } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#94a3b8',
            'target-arrow-color': '#94a3b8',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 9,
            color: '#334155',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.9,
            'text-background-padding': '1px',
            // Crowded drawings show edge labels only when zoomed in.
            'min-zoomed-font-size': edges.length > 30 ? 11 : 7,
          },
        },
      ],
      layout:
        opts.layout === 'breadthfirst'
          ? ({
              name: 'breadthfirst',
              directed: false,
              roots: opts.roots ? [...opts.roots] : undefined,
              spacingFactor: 1.2,
              padding: 30,
              animate: false,
              // Left to right: horizontal edges keep their labels readable.
              transform: (_node: unknown, pos: { x: number; y: number }) => ({ x: pos.y * 2.4, y: pos.x }),
            } as cytoscape.LayoutOptions)
          : ({
              name: 'concentric',
              animate: false,
              padding: 30,
              minNodeSpacing: crowded ? 18 : 40,
              concentric: (node: cytoscape.NodeSingular) => -ring(node.id()),
              levelWidth: () => 1,
            } as cytoscape.LayoutOptions),
      minZoom: 0.2,
      maxZoom: 3,
    });
    // A small graph fitted to the canvas would be drawn huge.
    if (cy.zoom() > 1.3) {
      cy.zoom(1.3);
      cy.center();
    }
    cy.on('tap', 'node', (evt) => {
      const node = byId.get(evt.target.id() as string);
      if (node) opts.onOpen?.(node);
    });
    // Hovering a node shows its label and its links' labels.
    cy.on('mouseover', 'node', (evt) => {
      canvas.classList.add('pointer');
      evt.target.addClass('hover');
      evt.target.connectedEdges().addClass('hover');
    });
    cy.on('mouseout', 'node', (evt) => {
      canvas.classList.remove('pointer');
      evt.target.removeClass('hover');
      evt.target.connectedEdges().removeClass('hover');
    });

    canvas.addEventListener('keydown', (event) => {
      const step = 60;
      const moves: Record<string, () => void> = {
        ArrowLeft: () => cy.panBy({ x: step, y: 0 }),
        ArrowRight: () => cy.panBy({ x: -step, y: 0 }),
        ArrowUp: () => cy.panBy({ x: 0, y: step }),
        ArrowDown: () => cy.panBy({ x: 0, y: -step }),
        '+': () => cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
        '=': () => cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
        '-': () => cy.zoom({ level: cy.zoom() / 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
        '0': () => cy.fit(undefined, 30),
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        move();
      }
    });

    const hook = (window.__diplograph ??= { graphs: {} });
    const read = (): DrawnGraph => ({
      nodes: cy.nodes().map((n) => ({ id: n.id(), label: String(n.data('label')), kind: String(n.data('kind')), x: n.renderedPosition().x, y: n.renderedPosition().y })),
      edges: cy.edges().map((e) => ({ id: e.id(), source: String(e.data('source')), target: String(e.data('target')), label: String(e.data('label')) })),
      zoom: cy.zoom(),
    });
    hook.graphs[opts.name] = read;
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(canvas);
    opts.signal?.addEventListener('abort', () => {
      resize.disconnect();
      if (hook.graphs[opts.name] === read) delete hook.graphs[opts.name];
      cy.destroy();
    });
  }).catch(() => {
    canvas.replaceChildren(h('p', { class: 'state state-error' }, 'The drawing could not be loaded. The list below has the same links.'));
  });
  return figure;
}
