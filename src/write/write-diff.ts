/**
 * The pure comparison step of an API write: the planned entity against what the graph
 * holds (its properties and the relationships its fields made), giving the outcome,
 * the relationships to delete and to (re)write, and the fields the audit record names.
 */
import type { RelRow } from '../seed/plan-graph.js';
import { toPlain } from '../neo4j/values.js';
import type { WritePlan } from './write-plan.js';

/** What a write did. */
export type WriteOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

/** A relationship as stored, made by the entity's own fields (cypher/write/api-read-target.cypher). */
export interface StoredRel {
  key: string;
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** What the graph holds of the entity: its properties (null when there is no such node) and its own relationships. */
export interface StoredEntity {
  props: Record<string, unknown> | null;
  rels: StoredRel[];
}

/** How the stored entity must change to hold the plan. */
export interface WriteDiff {
  outcome: WriteOutcome;
  /** Stored relationships the plan no longer makes. */
  stale: StoredRel[];
  /** Planned relationships that are new or whose properties differ. */
  changed: RelRow[];
  /** The properties and relationship types that change, sorted (the audit record's `fields`); empty when unchanged. */
  fields: string[];
}

/** JSON with sorted keys, of plain values: how stored and planned values are compared. */
export function canonical(value: unknown): string {
  return JSON.stringify(toPlain(value), (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The node's properties as stored after the write, as plain values. */
export function plannedProperties(plan: WritePlan): Record<string, unknown> {
  return { ...(toPlain(plan.node.props) as Record<string, unknown>), id: plan.id };
}

/** Compares the plan with what is stored: UNCHANGED when the node and its own relationships are equal. */
export function diffWrite(plan: WritePlan, stored: StoredEntity): WriteDiff {
  const storedByKey = new Map(stored.rels.map((r) => [r.key, canonical(r.props)]));
  const plannedByKey = new Map(plan.owned.map((r) => [r.key, canonical(r.props)]));
  const nodeSame = stored.props !== null && canonical(stored.props) === canonical({ ...plan.node.props, id: plan.id });
  const relsSame = storedByKey.size === plannedByKey.size && [...plannedByKey].every(([k, v]) => storedByKey.get(k) === v);
  if (nodeSame && relsSame) return { outcome: 'UNCHANGED', stale: [], changed: [], fields: [] };

  const after = plannedProperties(plan);
  const before = stored.props === null ? {} : (toPlain(stored.props) as Record<string, unknown>);
  // A relationship type counts as changed when its set of keys or any of their properties differ.
  const relsOfType = (type: string, rows: ReadonlyArray<{ key: string; type: string }>, byKey: Map<string, string>): string =>
    rows.filter((r) => r.type === type).map((r) => `${r.key}=${byKey.get(r.key)}`).sort().join();
  const fields = [
    ...[...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => canonical(before[k]) !== canonical(after[k])),
    ...[...new Set([...stored.rels, ...plan.owned].map((r) => r.type))].filter(
      (t) => relsOfType(t, stored.rels, storedByKey) !== relsOfType(t, plan.owned, plannedByKey),
    ),
  ].sort();
  return {
    outcome: stored.props === null ? 'CREATED' : 'UPDATED',
    stale: stored.rels.filter((r) => !plannedByKey.has(r.key)),
    changed: plan.owned.filter((r) => storedByKey.get(r.key) !== plannedByKey.get(r.key)),
    fields,
  };
}

/** A summary of a node and its relationships for the audit trail: properties without origin, relationship keys sorted. */
export function auditSummary(props: Record<string, unknown>, rels: ReadonlyArray<{ key: string }>): string {
  const { origin: _origin, ...rest } = toPlain(props) as Record<string, unknown>;
  return canonical({ properties: rest, relationships: rels.map((r) => r.key).sort() });
}
