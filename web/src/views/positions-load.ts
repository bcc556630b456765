/**
 * What the positions view loads: the columns, the positions as of today (for the
 * slider's dates, the organisations and "positions over time"), and the positions as
 * of the date shown: the one asked for, or else the latest dated position in the view.
 */
import type { GraphqlClient } from '../api/graphql-client.js';
import { allDemandsQuery, allIssuesQuery, orgMembersQuery, type ColumnsData, type OrgMembersData } from '../operations/positions.js';
import { dateSpan, todayIso } from '../text/dates.js';
import { fetchPositions, type Axis, type Column, type ColumnPositions } from './positions-data.js';
import type { PositionsState } from './positions-state.js';

/** Everything one rendering of the positions view needs. */
export interface PositionsResult {
  axis: Axis;
  /** Positions as of `asOf`. */
  columns: ColumnPositions[];
  /** Positions as of today (a superset over time: later joiners included). */
  todayColumns: ColumnPositions[];
  /** The date shown, at its precision (2022-01-12, 2022-01). */
  asOf: string;
  /** The last day `asOf` covers (YYYY-MM-DD). */
  asOfDay: string;
  /** True when no date was asked for and the view chose the latest position's date. */
  defaulted: boolean;
  today: string;
  /** Dates at which a position begins (stances, demands, members joining), oldest first. */
  stops: string[];
  /** The chosen organisation and its members, or null when no organisation is chosen. */
  members: Set<string> | null;
}

// Columns and today's positions change only with writes: kept for slider moves and filter changes.
const todayCache = new Map<string, Promise<{ columns: Column[]; positions: ColumnPositions[] }>>();

/** Loads the positions view's data for a state. */
export async function loadPositions(client: GraphqlClient, state: PositionsState, signal: AbortSignal): Promise<PositionsResult> {
  const key = `${state.axis}|${state.ids.join(',')}|${state.includeDerived}`;
  let base = todayCache.get(key);
  if (!base) {
    base = (async () => {
      let columns: Column[] = state.ids.map((id) => ({ id, label: id }));
      if (state.ids.length === 0 || state.axis === 'demand') {
        const cols = await client.request<ColumnsData>(state.axis === 'demand' ? allDemandsQuery : allIssuesQuery, {}, { signal });
        const all = state.axis === 'demand' ? (cols.demands?.edges.map((e) => e.node) ?? []) : (cols.issues ?? []);
        columns = state.ids.length === 0 ? all : state.ids.map((id) => all.find((c) => c.id === id) ?? { id, label: id });
      }
      const positions = await fetchPositions(client, state.axis, columns.map((c) => c.id), { asOf: null, includeDerived: state.includeDerived, signal });
      // The demand list knows each demand's issues (for grouping); the positions answer does not.
      for (const p of positions) p.column.issues ??= columns.find((c) => c.id === p.column.id)?.issues;
      return { columns, positions };
    })();
    todayCache.set(key, base);
    base.catch(() => todayCache.delete(key));
  }
  const { positions: todayColumns } = await base;
  const all = todayColumns.flatMap((c) => c.positions);
  const latest = all.map((p) => p.date.iso).sort((a, b) => dateSpan(a).end.localeCompare(dateSpan(b).end)).at(-1) ?? null;
  const asOf = state.asOf ?? latest ?? todayIso();
  const columns = asOf === todayIso() ? todayColumns : await fetchPositions(client, state.axis, todayColumns.map((c) => c.column.id), { asOf, includeDerived: state.includeDerived, signal });
  for (const c of columns) c.column.issues ??= todayColumns.find((t) => t.column.id === c.column.id)?.column.issues;
  const stops = [...new Set(all.flatMap((p) => [p.date.iso, ...(p.via ? [p.via.from.iso] : [])]).map((d) => dateSpan(d).end))].sort();
  let members: Set<string> | null = null;
  if (state.org) {
    const data = await client.request<OrgMembersData>(orgMembersQuery, { id: state.org }, { signal });
    members = new Set([state.org, ...(data.actor?.members.map((m) => m.member.id) ?? [])]);
  }
  return { axis: state.axis, columns, todayColumns, asOf, asOfDay: dateSpan(asOf).end, defaulted: state.asOf === null, today: todayIso(), stops, members };
}
