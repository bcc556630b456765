/**
 * The pure last step of an API write: the statements that make the graph hold the
 * plan, in the order they must run, and the audit record's parameters. The runner
 * (write-entity.ts) executes them; every one is safe to repeat (MERGE on keys).
 */
import type { Principal } from '../auth/principal.js';
import { MENTION_TYPES } from '../model/entities.js';
import type { RelRow } from '../seed/plan-graph.js';
import { auditSummary, type StoredEntity, type WriteDiff } from './write-diff.js';
import type { WritePlan } from './write-plan.js';
import { fileOfOrigin, OPERATION_OF } from './writable-sections.js';

/** One statement of a write: a catalogue query with its parameters, or relationships merged by type, each of which must be written. */
export type Mutation = { query: string; params: Record<string, unknown> } | { mergeRelationships: RelRow[] };

/**
 * The statements of a changed write: stale relationships deleted, the node merged,
 * new or changed relationships merged, the file's mentions added, and (for a
 * correction) mentions that nothing names any more pruned from the old file's source.
 */
export function writeMutations(plan: WritePlan, stored: StoredEntity, diff: WriteDiff): Mutation[] {
  const out: Mutation[] = [];
  if (diff.stale.length > 0) out.push({ query: 'write/delete-relationships', params: { rows: diff.stale.map(({ key, from, to }) => ({ key, from, to })) } });
  out.push({ query: 'write/merge-nodes', params: { rows: [plan.node] } });
  if (diff.changed.length > 0) out.push({ mergeRelationships: diff.changed });
  if (plan.derived.length > 0) out.push({ query: 'write/api-merge-mentions', params: { rows: plan.derived } });
  if (stored.props !== null) {
    const mentionTypes = new Set<string>(MENTION_TYPES);
    const candidates = stored.rels.filter((r) => mentionTypes.has(r.type)).map((r) => (r.from === plan.id ? r.to : r.from));
    if (plan.mentionedByFile) candidates.push(plan.id);
    if (candidates.length > 0) {
      out.push({
        query: 'write/api-prune-mentions',
        params: { file: fileOfOrigin(String(stored.props.origin)), actorIds: [...new Set(candidates)], mentionTypes: [...MENTION_TYPES] },
      });
    }
  }
  return out;
}

/** The parameters of the audit record of a changed write (cypher/write/create-change.cypher). */
export function changeRecordParams(plan: WritePlan, stored: StoredEntity, diff: WriteDiff, changeId: string, principal: Principal): Record<string, unknown> {
  return {
    id: changeId,
    operation: OPERATION_OF[plan.section],
    outcome: diff.outcome,
    entityId: plan.id,
    entityKind: plan.node.label.toUpperCase(),
    origin: plan.origin,
    keyId: principal.keyId,
    keyName: principal.name,
    fields: diff.fields,
    before: stored.props === null ? null : auditSummary(stored.props, stored.rels),
    after: auditSummary(plan.node.props, plan.owned),
  };
}
