/**
 * The positions view's state, all of it in the URL: columns (`demand=a,b`, `issue=x`,
 * `axis=issue`), date (`asOf`), filters (`kind`, `org`, `derived=0` for stated
 * positions only) and the selected cell (`cell=actor~column`).
 */
import type { Route } from '../app/router.js';
import type { Axis } from './positions-data.js';

/** What the positions view shows. */
export interface PositionsState {
  axis: Axis;
  /** Explicit columns, or empty for all of the axis. */
  ids: string[];
  /** The date asked for, or null: then the view picks the latest dated fact it shows. */
  asOf: string | null;
  includeDerived: boolean;
  /** Only actors of this kind (ActorKind), or null. */
  kind: string | null;
  /** Only this organisation and its members, or null. */
  org: string | null;
  /** The selected cell, or null. */
  cell: { actor: string; column: string } | null;
}

const partialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const code = /^[A-Z_]+$/;

/** Reads the state from a route. */
export function stateOf(route: Route): PositionsState {
  const q = route.query;
  const list = (v: string | null): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const demands = list(q.get('demand'));
  const issues = list(q.get('issue'));
  const axis: Axis = demands.length > 0 ? 'demand' : issues.length > 0 ? 'issue' : q.get('axis') === 'issue' ? 'issue' : 'demand';
  const asOf = q.get('asOf');
  const kind = q.get('kind');
  const [actor, column] = (q.get('cell') ?? '').split('~');
  return {
    axis,
    ids: axis === 'demand' ? demands : issues,
    asOf: asOf && partialDate.test(asOf) ? asOf : null,
    includeDerived: q.get('derived') !== '0',
    kind: kind && code.test(kind) ? kind : null,
    org: q.get('org') || null,
    cell: actor && column ? { actor, column } : null,
  };
}

/** The query parameters of a state (defaults left out, so that links stay short). */
export function queryOf(s: PositionsState): Record<string, string | undefined> {
  const explicit = s.ids.length > 0 ? s.ids.join(',') : undefined;
  return {
    [s.axis]: explicit,
    axis: !explicit && s.axis === 'issue' ? 'issue' : undefined,
    asOf: s.asOf ?? undefined,
    derived: s.includeDerived ? undefined : '0',
    kind: s.kind ?? undefined,
    org: s.org ?? undefined,
    cell: s.cell ? `${s.cell.actor}~${s.cell.column}` : undefined,
  };
}
