/**
 * "Positions over time" for one demand or issue: each actor's positions as spans from
 * the day it took them (or, for an inherited one, the later of the stance and the day
 * it joined the organisation) to today, with the date shown marked.
 */
import { dateSpan, formatDate } from '../text/dates.js';
import { positionReason } from '../text/position-words.js';
import { STANCE_STYLE } from '../ui/kinds.js';
import { timeChart, type ChartRow } from '../ui/time-chart.js';
import type { MatrixRow } from './positions-matrix.js';
import type { PositionsResult } from './positions-load.js';

/** The chart for the single column of `res`, for the actors `keep` accepts. */
export function positionsOverTime(res: PositionsResult, keep: (actor: MatrixRow['actor']) => boolean): HTMLElement {
  const column = res.todayColumns[0]!;
  const byActor = new Map<string, ChartRow>();
  for (const p of column.positions) {
    // The matrix's filters (actor kind, organisation) apply here too.
    if (!keep(p.actor)) continue;
    const start = [dateSpan(p.date.iso).start, p.via ? dateSpan(p.via.from.iso).start : ''].sort().at(-1)!;
    const style = STANCE_STYLE[p.kind];
    const row = byActor.get(p.actor.id) ?? { label: p.actor.label, spans: [] };
    row.spans.push({ start, end: res.today, label: `${positionReason(p)} From ${formatDate(start)}.`, fill: style?.bg ?? '#e5e7eb', stroke: style?.fg ?? '#374151', hatched: p.derived });
    byActor.set(p.actor.id, row);
  }
  const chartRows = [...byActor.values()].sort((a, b) => (a.spans[0]!.start.localeCompare(b.spans[0]!.start)) || a.label.localeCompare(b.label));
  return timeChart({
    title: `Positions over time on “${column.column.label}”: when each actor took its position (hatched: inherited as a member), to today.`,
    rows: chartRows,
    marker: { date: res.asOfDay, label: `As of ${formatDate(res.asOf)}` },
    file: `positions-over-time-${column.column.id}`,
    name: 'positions-over-time',
  });
}
