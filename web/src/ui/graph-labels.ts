/**
 * Labels that do not collide: after the layout, labels are kept one by one (the
 * highlighted nodes first, then the best-connected, then edges) only where they overlap
 * no label kept before; the others show on hover. Labels keep their size on screen
 * whatever the zoom (their model size is divided by it), so zooming in spreads the
 * nodes apart and more labels find room: the choice is made again after each zoom.
 */
import type cytoscape from 'cytoscape';

/** A box in rendered (screen) coordinates. */
export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: cytoscape.BoundingBox12, b: cytoscape.BoundingBox12): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Hides (class `nolabel`) every label that would overlap a label kept before it. */
export function declutterLabels(cy: cytoscape.Core): void {
  cy.elements().removeClass('nolabel');
  const kept: cytoscape.BoundingBox12[] = [];
  const nodes = cy.nodes().toArray().sort((a, b) => Number(b.hasClass('highlight')) - Number(a.hasClass('highlight')) || Number(b.hasClass('group')) - Number(a.hasClass('group')) || b.degree(false) - a.degree(false));
  const tryKeep = (el: cytoscape.SingularElementArgument, box: cytoscape.BoundingBox12): void => {
    if (box.x2 - box.x1 <= 0 || kept.some((k) => overlaps(k, box))) el.addClass('nolabel');
    else kept.push(box);
  };
  for (const n of nodes) tryKeep(n, n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }));
  for (const e of cy.edges().toArray()) tryKeep(e, e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false } as cytoscape.BoundingBoxOptions));
}

/** The labels drawn on screen now (not hidden, not too small to draw), as rendered boxes. */
export function visibleLabels(cy: cytoscape.Core, minFont: number): LabelBox[] {
  const out: LabelBox[] = [];
  cy.elements().forEach((el) => {
    if (el.hasClass('nolabel') && !el.hasClass('hover')) return;
    const size = parseFloat(String(el.style('font-size'))) * cy.zoom();
    if (size < minFont || !String(el.data('label') ?? '')) return;
    const b = el.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false } as cytoscape.BoundingBoxOptions);
    if (b.w > 0) out.push({ id: el.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
  });
  return out;
}

/** On-screen sizes of the labels (px): what the stylesheet gives at zoom 1. */
const SIZES = { node: 11, highlight: 13, edge: 9, wrap: 130, margin: 4 };

/** Sets every label's model size so that it renders at its on-screen size at the current zoom, then declutters. */
export function fitLabelsToZoom(cy: cytoscape.Core): void {
  const z = cy.zoom();
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.style({ 'font-size': (n.hasClass('highlight') ? SIZES.highlight : SIZES.node) / z, 'text-max-width': `${SIZES.wrap / z}px`, 'text-margin-y': SIZES.margin / z });
    });
    cy.edges().style({ 'font-size': SIZES.edge / z });
  });
  declutterLabels(cy);
}
