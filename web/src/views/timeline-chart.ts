/**
 * The timeline as a picture: events, statements and stances on a date axis, each a
 * span as wide as its date's precision, one row per actor, issue or kind; and the
 * items as CSV.
 */
import type { TimelineItem } from '../operations/timeline.js';
import { formatDate } from '../text/dates.js';
import { enumLabel } from '../text/vocabulary.js';
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

/** The chart of the items loaded so far. */
export function timelineChart(items: readonly TimelineItem[], total: number, by: TimelineGrouping): HTMLElement {
  const rows = new Map<string, ChartRow>();
  for (const item of items) {
    for (const g of groupsOf(item, by)) {
      const row = rows.get(g) ?? { label: g, spans: [] };
      row.spans.push({ start: item.date.start, end: item.date.end, label: `${formatDate(item.date)}: ${item.title}`, ...colours(item) });
      rows.set(g, row);
    }
  }
  const ordered = [...rows.values()].sort((a, b) => b.spans.length - a.spans.length || a.label.localeCompare(b.label));
  const shown = items.length < total ? ` (the first ${items.length} of ${total} items; “Show more” below adds the rest)` : '';
  return timeChart({
    title: `Timeline by ${GROUPINGS.find(([k]) => k === by)?.[1].toLowerCase()}: each item spans the period its date covers${shown}.`,
    rows: ordered,
    file: `timeline-by-${by}`,
    name: 'timeline',
  });
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
        ...list.map((i) => [formatDate(i.date), i.date.start, i.date.end, enumLabel('TimelineItemKind', i.kind), i.title, (i.entity.speaker ?? i.entity.holder)?.label ?? '', (i.entity.issues ?? []).map((x) => x.label).join('; ')]),
      ]);
      return `CSV downloaded: ${list.length} items.`;
    },
  };
}
