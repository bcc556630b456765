/**
 * The timeline as a picture: events, statements and stances on a date axis, each a
 * span as wide as its date's precision, one row per actor, issue or kind; and the
 * items as CSV.
 */
import type { TimelineItem } from '../operations/timeline.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
import { h } from '../ui/dom.js';
import { downloadCsv, type ToolAction } from '../ui/export.js';
import { ENTITY_KIND_STYLE, STANCE_STYLE } from '../ui/kinds.js';
import { timeChart, type ChartRow } from '../ui/time-chart.js';

/** How the chart's rows are formed. */
export type TimelineGrouping = 'actor' | 'issue' | 'kind';

/** The groupings, as the select lists them. */
export const GROUPINGS: readonly [TimelineGrouping, string][] = [
  ['actor', 'Actor'],
  ['issue', 'Issue'],
  ['kind', 'Kind of item'],
];

function groupsOf(item: TimelineItem, by: TimelineGrouping): string[] {
  const e = item.entity;
  if (by === 'kind') return [enumLabel('TimelineItemKind', item.kind)];
  if (by === 'issue') return e.issues && e.issues.length > 0 ? e.issues.map((i) => i.label) : ['No issue'];
  const who = e.speaker ?? e.holder;
  return [who ? who.label : 'Events'];
}

function colours(item: TimelineItem): { fill: string; stroke: string } {
  const stance = item.entity.stanceKind ? STANCE_STYLE[item.entity.stanceKind as keyof typeof STANCE_STYLE] : undefined;
  if (stance) return { fill: stance.bg, stroke: stance.fg };
  const kind = ENTITY_KIND_STYLE[item.entity.entityKind];
  return { fill: kind?.colour ?? '#64748b', stroke: '#1f2937' };
}

/**
 * The busiest year-long window when the items span many years (most items crowd one
 * end of a long axis): its first and last month, and how many items it holds.
 */
export function busiestYear(items: readonly TimelineItem[]): { from: string; to: string; count: number } | null {
  const starts = items.map((i) => i.date.start).sort();
  if (starts.length < 6 || Number(starts.at(-1)!.slice(0, 4)) - Number(starts[0]!.slice(0, 4)) < 4) return null;
  let best: { from: string; to: string; count: number } | null = null;
  for (const from of starts) {
    const end = `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`;
    const count = starts.filter((d) => d >= from && d < end).length;
    if (!best || count > best.count) best = { from: from.slice(0, 7), to: `${Number(from.slice(0, 4)) + 1}${from.slice(4, 7)}`, count };
  }
  return best && best.count >= starts.length / 2 ? best : null;
}

/** The chart of the items loaded so far; `zoomHref` links to the busiest year when the axis is long. */
export function timelineChart(items: readonly TimelineItem[], total: number, by: TimelineGrouping, zoomHref?: (from: string, to: string) => string): HTMLElement {
  const rows = new Map<string, ChartRow>();
  for (const item of items) {
    for (const g of groupsOf(item, by)) {
      const row = rows.get(g) ?? { label: g, spans: [] };
      row.spans.push({ start: item.date.start, end: item.date.end, label: `${formatDate(item.date)}: ${item.entity.label}`, ...colours(item) });
      rows.set(g, row);
    }
  }
  const ordered = [...rows.values()].sort((a, b) => b.spans.length - a.spans.length || a.label.localeCompare(b.label));
  const shown = items.length < total ? ` (the first ${items.length} of ${total} items; “Show more” below adds the rest)` : '';
  const busy = zoomHref ? busiestYear(items) : null;
  const chart = timeChart({
    title: `Timeline by ${GROUPINGS.find(([k]) => k === by)?.[1].toLowerCase()}: each item spans the period its date covers${shown}.`,
    rows: ordered,
    file: `timeline-by-${by}`,
    name: 'timeline',
  });
  if (busy && zoomHref) {
    chart.prepend(h('p', { class: 'chart-zoom' }, `${busy.count} of these ${items.length} items fall within one year: `, h('a', { href: zoomHref(busy.from, busy.to) }, `show ${formatDate(busy.from)} to ${formatDate(busy.to)} only`), '.'));
  }
  return chart;
}

/** The "Download CSV" action for the items loaded so far. */
export function timelineCsvAction(items: () => readonly TimelineItem[]): ToolAction {
  return {
    name: 'export-csv',
    label: 'Download CSV',
    run: () => {
      const list = items();
      downloadCsv('timeline.csv', [
        ['Date', 'From', 'To', 'Kind', 'Title', 'Who', 'Issues'],
        ...list.map((i) => [formatDate(i.date), i.date.start, i.date.end, enumLabel('TimelineItemKind', i.kind), i.entity.label, (i.entity.speaker ?? i.entity.holder)?.label ?? '', (i.entity.issues ?? []).map((x) => x.label).join('; ')]),
      ]);
      return `CSV downloaded: ${list.length} items.`;
    },
  };
}
