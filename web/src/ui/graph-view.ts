/**
 * Draws a Subgraph with cytoscape.js and the fcose layout: nodes coloured and shaped by
 * kind, edges labelled in words, labels that never collide (the rest on hover, or
 * once zooming in makes room), large neighbourhoods grouped by kind with counts (a click opens a group), pan
 * and zoom with mouse, touch or keyboard, a click on a node opens it. A legend, the
 * caller's text alternative and SVG/PNG exports sit beside it. What is drawn is
 * readable from window.__diplograph.graphs for browser tests.
 */
import type cytoscape from 'cytoscape';
import type { EntityKind, GraphEdgeData, GraphNodeData } from '../api/types.js';
import { relationLabel } from '../text/vocabulary.js';
import { h, replaceChildren } from './dom.js';
import { downloadBlob, fileName, toolbar } from './export.js';
import { groupLeaves } from './graph-groups.js';
import { fitLabelsToZoom, visibleLabels, type LabelBox } from './graph-labels.js';
import { graphSvg } from './graph-svg.js';
import { ENTITY_KIND_STYLE, kindName } from './kinds.js';

/** Options of drawGraph. */
export interface GraphOptions {
  /** Name under which tests find the drawing (window.__diplograph.graphs[name]). */
  name: string;
  /** The accessible name of the drawing. */
  label: string;
  /** Nodes drawn larger, with a thick border (the centre, the endpoints of paths). */
  highlight?: readonly string[];
  /** `force`: fcose's spring layout (neighbourhoods); `breadthfirst`: left to right from `roots` (paths). */
  layout?: 'force' | 'breadthfirst';
  roots?: readonly string[];
  /** Called when a node is clicked or tapped. */
  onOpen?: (node: GraphNodeData) => void;
  /** The drawing is destroyed when this aborts (the view is left). */
  signal?: AbortSignal;
}

/** What tests read of a drawing: the nodes and edges cytoscape holds, with rendered positions and visible labels. */
export interface DrawnGraph {
  nodes: { id: string; label: string; kind: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string; label: string }[];
  labels: LabelBox[];
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
/** Labels rendered smaller than this (px) are not drawn (cytoscape's min-zoomed-font-size). */
const MIN_FONT = 7;

/** An edge in words: "took part in as chair". */
export function edgeLabel(edge: GraphEdgeData): string {
  return relationLabel(edge.type, edge.properties);
}

function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

const STYLE: cytoscape.StylesheetJson = [
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
      'min-zoomed-font-size': MIN_FONT,
      width: 22,
      height: 22,
    },
  },
  { selector: 'node.group', style: { width: 34, height: 34, 'border-width': 3, 'border-style': 'double', 'border-color': '#1b1f24', 'font-weight': 'bold' } },
  { selector: 'node.highlight', style: { width: 34, height: 34, 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold', 'font-size': 13 } },
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
      'min-zoomed-font-size': MIN_FONT,
    },
  },
  { selector: '.nolabel', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
  { selector: 'node.hover', style: { 'text-opacity': 1, 'text-background-opacity': 1, 'font-size': 13, 'z-index': 20, 'border-width': 3, 'border-color': '#f59e0b', 'min-zoomed-font-size': 0 } },
  { selector: 'edge.hover', style: { 'text-opacity': 1, 'text-background-opacity': 0.9, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', 'z-index': 19, width: 2.5, 'min-zoomed-font-size': 0 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
];

/**
 * Cytoscape adds an inline <style> for its container unless an element with its
 * stylesheet's id exists; a strict Content-Security-Policy refuses inline styles, so
 * the rule is in styles.css and a placeholder claims the id.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (!document.getElementById(id)) document.head.append(h('meta', { id, name: 'cytoscape-stylesheet', content: 'styles.css' }));
}

/** Draws the graph; returns the figure (canvas, keyboard help, legend, exports) to insert. */
export function drawGraph(nodes: readonly GraphNodeData[], edges: readonly GraphEdgeData[], opts: GraphOptions): HTMLElement {
  const expanded = new Set<string>();
  const highlight = new Set(opts.highlight ?? []);
  const canvas = h('div', { class: 'graph-canvas', tabindex: 0, role: 'group', 'aria-roledescription': 'graph drawing', 'data-graph': opts.name });
  const note = h('p', { class: 'muted small graph-groups-note' });
  const kinds = [...new Set(nodes.map((n) => n.kind))];
  let cy: cytoscape.Core | undefined;
  const exports = toolbar(`Export ${opts.label}`, [
    {
      name: 'export-svg',
      label: 'Download SVG',
      run: () => {
        if (!cy) return 'The drawing is not ready yet.';
        downloadBlob(`${fileName(opts.label)}.svg`, new Blob([graphSvg(cy, opts.label).svg], { type: 'image/svg+xml' }));
        return 'SVG downloaded.';
      },
    },
    {
      name: 'export-png',
      label: 'Download PNG',
      run: () => {
        if (!cy) return 'The drawing is not ready yet.';
        downloadBlob(`${fileName(opts.label)}.png`, cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
        return 'PNG downloaded.';
      },
    },
  ]);
  const figure = h(
    'figure',
    { class: 'graph' },
    canvas,
    h(
      'figcaption',
      { class: 'graph-caption' },
      note,
      h('span', { class: 'muted' }, 'Drag to pan, scroll or pinch to zoom, click a node to open it (a group, to show its members); hover a node to see the names hidden to avoid overlaps. Keyboard: focus the drawing, then arrows, + / −, 0.'),
      h(
        'ul',
        { class: 'legend', 'aria-label': 'Colours and shapes by kind' },
        kinds.map((k) => h('li', null, h('span', { class: `swatch shape-${ENTITY_KIND_STYLE[k]?.shape ?? 'ellipse'}`, style: `--kind:${ENTITY_KIND_STYLE[k]?.colour ?? '#555'}`, 'aria-hidden': 'true' }), kindName(k))),
        h('li', null, h('span', { class: 'swatch swatch-group', 'aria-hidden': 'true' }), 'Double ring: a group, with its count'),
      ),
      exports,
    ),
  );

  const draw = (cytoscapeLib: typeof cytoscape): void => {
    const grouped = groupLeaves(nodes, edges, expanded, highlight);
    const byId = new Map(grouped.nodes.map((n) => [n.id, n]));
    canvas.setAttribute('aria-label', `${opts.label}: ${nodes.length} entities, ${edges.length} links${grouped.groups.size > 0 ? `, drawn with ${grouped.groups.size} groups` : ''}. Arrow keys pan, plus and minus zoom, 0 fits the drawing.`);
    // Clicking a group opens it; the button opens them all, and is how a keyboard does it.
    const showAll = (): void => {
      for (const id of grouped.groups.keys()) expanded.add(id);
      draw(cytoscapeLib);
      canvas.focus();
    };
    replaceChildren(
      note,
      ...(grouped.groups.size > 0
        ? [
            `${grouped.groups.size} groups stand for entities of one kind linked the same way to the same node; click one to show them, or `,
            h('button', { type: 'button', class: 'show-all-groups', onclick: showAll }, 'show every entity'),
            '.',
          ]
        : []),
    );
    cy?.destroy();
    const instance = cytoscapeLib({
      container: canvas,
      elements: [
        ...grouped.nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, label: shortLabel(n.label), fullLabel: n.label, kind: n.kind, colour: ENTITY_KIND_STYLE[n.kind as EntityKind]?.colour ?? '#555', shape: ENTITY_KIND_STYLE[n.kind as EntityKind]?.shape ?? 'ellipse' },
          classes: [highlight.has(n.id) ? 'highlight' : '', grouped.groups.has(n.id) ? 'group' : ''].join(' '),
        })),
        ...grouped.edges.filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, label: edgeLabel(e) } })),
      ],
      style: STYLE,
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
          : ({ name: 'fcose', quality: 'proof', randomize: true, animate: false, padding: 30, nodeRepulsion: () => 9000, idealEdgeLength: () => 110, nodeSeparation: 90, fixedNodeConstraint: opts.roots?.[0] ? [{ nodeId: opts.roots[0], position: { x: 0, y: 0 } }] : undefined } as cytoscape.LayoutOptions),
      minZoom: 0.2,
      maxZoom: 3,
    });
    cy = instance;
    // A small graph fitted to the canvas would be drawn huge.
    if (instance.zoom() > 1.3) {
      instance.zoom(1.3);
      instance.center();
    }
    fitLabelsToZoom(instance);
    // After a zoom (wheel, pinch, keys), labels get their screen size back and room is shared out again.
    let rezoom: number | undefined;
    instance.on('zoom', () => {
      window.clearTimeout(rezoom);
      rezoom = window.setTimeout(() => fitLabelsToZoom(instance), 120);
    });
    instance.on('tap', 'node', (evt) => {
      const id = evt.target.id() as string;
      if (grouped.groups.has(id)) {
        expanded.add(id);
        draw(cytoscapeLib);
        return;
      }
      const node = byId.get(id);
      if (node) opts.onOpen?.(node);
    });
    // Hovering a node shows its label and its links' labels.
    instance.on('mouseover', 'node', (evt) => {
      canvas.classList.add('pointer');
      evt.target.addClass('hover');
      evt.target.connectedEdges().addClass('hover');
    });
    instance.on('mouseout', 'node', (evt) => {
      canvas.classList.remove('pointer');
      evt.target.removeClass('hover');
      evt.target.connectedEdges().removeClass('hover');
    });
    const hook = (window.__diplograph ??= { graphs: {} });
    hook.graphs[opts.name] = () => ({
      nodes: instance.nodes().map((n) => ({ id: n.id(), label: String(n.data('label')), kind: String(n.data('kind')), x: n.renderedPosition().x, y: n.renderedPosition().y })),
      edges: instance.edges().map((e) => ({ id: e.id(), source: String(e.data('source')), target: String(e.data('target')), label: String(e.data('label')) })),
      labels: visibleLabels(instance, MIN_FONT),
      zoom: instance.zoom(),
    });
  };

  canvas.addEventListener('keydown', (event) => {
    if (!cy) return;
    const c = cy;
    const step = 60;
    const centre = { x: c.width() / 2, y: c.height() / 2 };
    const moves: Record<string, () => void> = {
      ArrowLeft: () => c.panBy({ x: step, y: 0 }),
      ArrowRight: () => c.panBy({ x: -step, y: 0 }),
      ArrowUp: () => c.panBy({ x: 0, y: step }),
      ArrowDown: () => c.panBy({ x: 0, y: -step }),
      '+': () => c.zoom({ level: c.zoom() * 1.2, renderedPosition: centre }),
      '=': () => c.zoom({ level: c.zoom() * 1.2, renderedPosition: centre }),
      '-': () => c.zoom({ level: c.zoom() / 1.2, renderedPosition: centre }),
      '0': () => c.fit(undefined, 30),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  });

  // Cytoscape is loaded on first use (most of the dashboard's weight), and measures its
  // container, so it starts once the figure is in the document.
  void Promise.all([import('cytoscape'), import('cytoscape-fcose')])
    .then(([{ default: cytoscapeLib }, { default: fcose }]) => {
      if (opts.signal?.aborted) return;
      claimCytoscapeStylesheet();
      cytoscapeLib.use(fcose);
      draw(cytoscapeLib);
      const resize = new ResizeObserver(() => cy?.resize());
      resize.observe(canvas);
      opts.signal?.addEventListener('abort', () => {
        resize.disconnect();
        if (window.__diplograph) delete window.__diplograph.graphs[opts.name];
        cy?.destroy();
      });
    })
    .catch(() => {
      canvas.replaceChildren(h('p', { class: 'state state-error' }, 'The drawing could not be loaded. The list below has the same links.'));
    });
  return figure;
}
