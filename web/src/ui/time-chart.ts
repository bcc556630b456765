/**
 * A chart of time as SVG: one row per actor, issue or kind, each fact a span from the
 * first to the last day its date covers (a month-precise date is a month wide), with
 * a date axis and an optional marker (the "as of" date). Exports as SVG and PNG.
 */
import { formatDate } from '../text/dates.js';
import { h, uniqueId } from './dom.js';
import { downloadBlob, fileName, svgText, svgToPng, toolbar } from './export.js';

/** One fact on the chart. */
export interface ChartSpan {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
  /** What the span is, in words (its tooltip and accessible text). */
  label: string;
  fill: string;
  stroke: string;
  /** Drawn hatched (inherited positions). */
  hatched?: boolean;
}

/** One row of the chart. */
export interface ChartRow {
  label: string;
  spans: ChartSpan[];
}

/** What to draw. */
export interface ChartOptions {
  /** Caption and accessible name. */
  title: string;
  rows: readonly ChartRow[];
  /** A vertical line at this date (YYYY-MM-DD) with a label. */
  marker?: { date: string; label: string };
  /** File names of the exports start with this. */
  file: string;
  /** Name under which tests find the chart (data-chart). */
  name: string;
}

const NS = 'http://www.w3.org/2000/svg';
const LABEL_W = 220;
const ROW_H = 24;
const AXIS_H = 28;
const WIDTH = 1000;

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Year ticks (or months, for a short range), at most about ten. */
function ticks(min: number, max: number): { t: number; label: string }[] {
  const out: { t: number; label: string }[] = [];
  const y0 = new Date(min).getUTCFullYear();
  const y1 = new Date(max).getUTCFullYear();
  if (y1 - y0 < 2) {
    const months = (y1 - y0) * 12 + new Date(max).getUTCMonth() - new Date(min).getUTCMonth() + 1;
    const step = Math.max(1, Math.ceil(months / 10));
    for (let m = new Date(min).getUTCMonth(), y = y0; y < y1 || (y === y1 && m <= new Date(max).getUTCMonth()); m += step) {
      while (m > 11) (m -= 12), (y += 1);
      const t = Date.UTC(y, m, 1);
      if (t >= min && t <= max) out.push({ t, label: formatDate(`${y}-${String(m + 1).padStart(2, '0')}`) });
      if (y > y1) break;
    }
    return out;
  }
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => (y1 - y0) / s <= 10) ?? 100;
  for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
  return out;
}

/** Draws the chart; returns the figure with its export toolbar. */
export function timeChart(opts: ChartOptions): HTMLElement {
  const spans = opts.rows.flatMap((r) => r.spans);
  const starts = spans.map((s) => day(s.start)).concat(opts.marker ? [day(opts.marker.date)] : []);
  const ends = spans.map((s) => day(s.end)).concat(opts.marker ? [day(opts.marker.date)] : []);
  const min0 = Math.min(...starts);
  const max0 = Math.max(...ends);
  const pad = Math.max((max0 - min0) * 0.03, 86_400_000 * 3);
  const min = min0 - pad;
  const max = max0 + pad;
  const plotW = WIDTH - LABEL_W - 16;
  const x = (t: number): number => LABEL_W + ((t - min) / (max - min)) * plotW;
  const height = AXIS_H + opts.rows.length * ROW_H + (opts.marker ? 26 : 8);
  const chartTitleId = uniqueId('chart-title');
  const hatchId = uniqueId('hatch');

  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-labelledby': chartTitleId, 'font-family': 'system-ui, sans-serif', 'font-size': 12, class: 'time-chart', 'data-chart': opts.name });
  svg.append(
    svgEl('title', { id: chartTitleId }, opts.title),
    svgEl('defs', {}, svgEl('pattern', { id: hatchId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, svgEl('rect', { width: 6, height: 6, fill: '#ffffff' }), svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#6b7280', 'stroke-width': 3 }))),
    svgEl('rect', { x: 0, y: 0, width: WIDTH, height, fill: '#ffffff' }),
  );
  for (const tick of ticks(min, max)) {
    svg.append(svgEl('line', { x1: x(tick.t), x2: x(tick.t), y1: AXIS_H - 6, y2: height - 4, stroke: '#e5e7eb' }), svgEl('text', { x: x(tick.t), y: AXIS_H - 10, 'text-anchor': 'middle', fill: '#374151' }, tick.label));
  }
  opts.rows.forEach((row, i) => {
    const y = AXIS_H + i * ROW_H;
    if (i % 2 === 0) svg.append(svgEl('rect', { x: 0, y, width: WIDTH, height: ROW_H, fill: '#f8fafc' }));
    const label = row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label;
    svg.append(svgEl('text', { x: 8, y: y + ROW_H / 2 + 4, fill: '#111827' }, svgEl('title', {}, row.label), label));
    for (const s of row.spans) {
      const x0 = x(day(s.start));
      const w = Math.max(4, x(day(s.end) + 86_400_000) - x0);
      const bar = svgEl('rect', { x: x0, y: y + 4, width: w, height: ROW_H - 8, rx: 3, fill: s.hatched ? `url(#${hatchId})` : s.fill, stroke: s.stroke, 'stroke-width': 1.5, 'data-start': s.start, 'data-end': s.end }, svgEl('title', {}, s.label));
      svg.append(bar);
    }
  });
  if (opts.marker) {
    const mx = x(day(opts.marker.date));
    svg.append(
      svgEl('line', { x1: mx, x2: mx, y1: AXIS_H - 4, y2: height - 2, stroke: '#111827', 'stroke-width': 2, 'stroke-dasharray': '4 3' }),
      svgEl('text', { x: mx > WIDTH - 160 ? mx - 4 : mx + 4, y: height - 8, 'text-anchor': mx > WIDTH - 160 ? 'end' : 'start', fill: '#111827', 'font-weight': 'bold', 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-width': 3 }, opts.marker.label),
    );
  }
  const tools = toolbar(`Export ${opts.title}`, [
    { name: 'export-svg', label: 'Download SVG', run: () => (downloadBlob(`${fileName(opts.file)}.svg`, new Blob([svgText(svg)], { type: 'image/svg+xml' })), 'SVG downloaded.') },
    { name: 'export-png', label: 'Download PNG', run: async () => (downloadBlob(`${fileName(opts.file)}.png`, await svgToPng(svgText(svg), WIDTH, height)), 'PNG downloaded.') },
  ]);
  return h('figure', { class: 'chart' }, h('div', { class: 'chart-scroll' }, svg), h('figcaption', { class: 'muted small' }, opts.title), tools);
}
