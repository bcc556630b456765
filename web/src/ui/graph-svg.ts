/**
 * A cytoscape drawing as a standalone SVG document: nodes (circles in their kind's
 * colour), edges with arrows, and the labels drawn on screen, at model coordinates.
 */
import type cytoscape from 'cytoscape';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The label's font size in model units, as the drawing has it now. */
function fontSize(el: cytoscape.SingularElementArgument, fallback: number): number {
  const size = parseFloat(String(el.style('font-size')));
  return Number.isFinite(size) ? Math.round(size * 10) / 10 : fallback;
}

/** Serialises the drawing; returns the SVG text and its size. */
export function graphSvg(cy: cytoscape.Core, title: string): { svg: string; width: number; height: number } {
  const bb = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const width = Math.ceil(bb.w + 2 * pad);
  const height = Math.ceil(bb.h + 2 * pad);
  const X = (x: number): number => Math.round((x - bb.x1 + pad) * 10) / 10;
  const Y = (y: number): number => Math.round((y - bb.y1 + pad) * 10) / 10;
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>${esc(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#94a3b8"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  cy.edges().forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    parts.push(`<line x1="${X(s.x)}" y1="${Y(s.y)}" x2="${X(t.x)}" y2="${Y(t.y)}" stroke="#94a3b8" stroke-width="1.5" marker-end="url(#arrow)"/>`);
    if (!e.hasClass('nolabel')) {
      const m = e.midpoint();
      parts.push(`<text x="${X(m.x)}" y="${Y(m.y)}" font-size="${fontSize(e, 9)}" fill="#334155" text-anchor="middle" paint-order="stroke" stroke="#ffffff" stroke-width="3">${esc(String(e.data('label')))}</text>`);
    }
  });
  cy.nodes().forEach((n) => {
    const p = n.position();
    const r = n.width() / 2;
    const strong = n.hasClass('highlight');
    parts.push(`<circle cx="${X(p.x)}" cy="${Y(p.y)}" r="${r}" fill="${esc(String(n.data('colour')))}"${strong ? ' stroke="#111827" stroke-width="4"' : ''}><title>${esc(String(n.data('fullLabel') ?? n.data('label')))}</title></circle>`);
    if (!n.hasClass('nolabel')) {
      const size = fontSize(n, strong ? 13 : 11);
      parts.push(`<text x="${X(p.x)}" y="${Y(p.y + r + size * 1.3)}" font-size="${size}" fill="#1b1f24" text-anchor="middle"${strong ? ' font-weight="bold"' : ''} paint-order="stroke" stroke="#ffffff" stroke-width="3">${esc(String(n.data('label')))}</text>`);
    }
  });
  parts.push('</svg>');
  return { svg: parts.join('\n'), width, height };
}
