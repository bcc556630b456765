/**
 * One write through the API, in one transaction: validate the input as the seed
 * loader validates a seed file's entry (same schema, same reference and cross-field
 * checks, with the graph standing in for the other files), plan its node and
 * relationships from the model (planEntity, as the seed loader does), compare with what is stored, and write only
 * when something differs, together with a :Change record. Repeating a write with the
 * same id and content changes nothing and says so (UNCHANGED).
 */
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { Principal } from '../auth/principal.js';
import { checkNodes } from '../check/check-graph.js';
import type { EntityRecord } from '../graph/entity-record.js';
import { cypher } from '../neo4j/cypher.js';
import { executeWriteWithRetry } from '../neo4j/write-retry.js';
import { toPlain } from '../neo4j/values.js';
import { mergeRelationships } from '../seed/load-graph.js';
import { FILE_MENTIONS } from '../model/entities.js';
import { planEntity, type NodeRow, type RelRow } from '../seed/plan-graph.js';
import { formatPath } from '../seed/seed-issue.js';
import { idSchema } from '../seed/seed-schema.js';
import { describeSchemaIssue, entityIssues, type DefinedEntity } from '../seed/validate-seeds.js';
import {
  API_ORIGIN_PREFIX,
  fileOfOrigin,
  INCOMING_TYPES,
  inputPathOf,
  MENTION_TYPES,
  OPERATION_OF,
  SECTION_OF_LABEL,
  seedRecordOfInput,
  WRITABLE_SECTIONS,
  type WritableSection,
} from './writable-sections.js';
import { WriteInputError } from './write-input-error.js';

/** What a write did. */
export type WriteOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

/** An audit record, as stored and returned. */
export interface ChangeRecord {
  id: string;
  at: string;
  operation: string;
  outcome: Exclude<WriteOutcome, 'UNCHANGED'>;
  entityId: string;
  entityKind: string;
  origin: string;
  keyId: string;
  keyName: string;
  fields: string[];
  before: string | null;
  after: string;
}

/** The result of one write: the outcome, the entity as stored, and its audit record (null when unchanged). */
export interface WriteResult {
  outcome: WriteOutcome;
  entity: EntityRecord;
  change: ChangeRecord | null;
}

/** One write request. */
export interface WriteRequest {
  section: WritableSection;
  /** The mutation's `input`, as GraphQL delivered it (nulls allowed). */
  input: Record<string, unknown>;
  /** The document the fact comes from (every section but sources and statements). */
  source?: string | null;
  principal: Principal;
}

interface StoredRel {
  key: string;
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** Drops nulls (GraphQL's "not given"), recursively, so the seed schema sees absent fields. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

/** JSON with sorted keys, of plain values: how stored and planned values are compared. */
function canonical(value: unknown): string {
  return JSON.stringify(toPlain(value), (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Validates the input against the section's seed schema; the first problem names its path. */
function parseInput(section: WritableSection, input: Record<string, unknown>): Record<string, unknown> {
  const given = withoutNulls(input) as Record<string, unknown>;
  const data = seedRecordOfInput(section, given);
  const result = WRITABLE_SECTIONS[section].safeParse(data);
  if (result.success) return result.data as Record<string, unknown>;
  const issue = describeSchemaIssue(result.error.issues[0]!, data);
  const path = inputPathOf(section, given, issue.path);
  throw new WriteInputError(path.length > 0 ? `input.${formatPath(path)}` : 'input', issue.message);
}

/** Every id the record refers to, by the seed reference rules. */
function referencedIds(section: WritableSection, record: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  entityIssues(section, record, (id) => {
    ids.add(id);
    return undefined;
  });
  return [...ids];
}

async function lookupIds(tx: ManagedTransaction, ids: string[]): Promise<Map<string, DefinedEntity & { origin: string; label: string }>> {
  const res = await tx.run(cypher('write/api-lookup-ids'), { ids });
  const out = new Map<string, DefinedEntity & { origin: string; label: string }>();
  for (const r of res.records) {
    const label = r.get('label') as string;
    const section = SECTION_OF_LABEL[label];
    if (section) out.set(r.get('id') as string, { section, label, origin: r.get('origin') as string, record: { kind: r.get('kind') as unknown } });
  }
  return out;
}

/** A summary of a node and its relationships for the audit trail. */
function summary(props: Record<string, unknown>, rels: Array<{ key: string }>): string {
  const { origin: _origin, ...rest } = toPlain(props) as Record<string, unknown>;
  return canonical({ properties: rest, relationships: rels.map((r) => r.key).sort() });
}

/** Runs one write in one transaction (see the module comment); `timeoutMs` bounds the transaction (NEO4J_TX_TIMEOUT). */
export async function writeEntity(driver: Driver, database: string, request: WriteRequest, timeoutMs?: number): Promise<WriteResult> {
  const { section, principal } = request;
  const record = parseInput(section, request.input);
  const id = record.id as string;
  if (section !== 'sources' && section !== 'statements') {
    if (request.source === undefined || request.source === null) throw new WriteInputError('source', 'required: the id of the source document this comes from');
    const ok = idSchema.safeParse(request.source);
    if (!ok.success) throw new WriteInputError('source', ok.error.issues[0]!.message);
  }
  const changeId = randomUUID();
  return executeWriteWithRetry(driver, database, async (tx) => {
    // One writer per id at a time: a concurrent write of the same id waits here.
    await tx.run(cypher('write/api-lock-id'), { id });
    // ── validate against the graph ────────────────────────────────────────
    const document = section === 'sources' ? id : section === 'statements' ? (record.source as string) : request.source!;
    const known = await lookupIds(tx, [...new Set([...referencedIds(section, record), document, id])]);
    const itself: DefinedEntity = { section, record };
    const problems = entityIssues(section, record, (ref) => known.get(ref) ?? (ref === id ? itself : undefined), 'in the graph');
    if (problems.length > 0) throw new WriteInputError(`input.${formatPath(problems[0]!.path)}`, problems[0]!.message);
    const self = known.get(id);
    if (self && !self.origin.startsWith(API_ORIGIN_PREFIX)) {
      throw new WriteInputError('input.id', `"${id}" is defined in the seed file of source "${self.origin}": correct it there (seed files own their facts)`);
    }
    if (self && self.section !== section) throw new WriteInputError('input.id', `"${id}" is already used by ${self.label === 'Actor' ? 'an' : 'a'} ${self.label}`);
    let file: string;
    if (section === 'sources') file = id;
    else {
      const doc = known.get(document);
      if (!doc || doc.section !== 'sources') {
        throw new WriteInputError(section === 'statements' ? 'input.source' : 'source', `unknown source "${document}" (no source with this id in the graph)`);
      }
      file = fileOfOrigin(doc.origin);
    }
    const origin = `${API_ORIGIN_PREFIX}${file}`;

    // ── plan from the model ──────────────────────────────────────────────
    const planned = { ...record };
    if (section !== 'sources' && section !== 'statements' && section !== 'actors' && document !== file) {
      planned.sources = [...new Set([document, ...((planned.sources as string[] | undefined) ?? [])])];
    }
    const plan = planEntity(section, planned, origin, file);
    const node: NodeRow = plan.node;
    const owned: RelRow[] = plan.rels;
    // The file's source mentions the actors the entity names (a source's own mentions are its file's).
    const derived: RelRow[] = section === 'sources' ? [] : [...new Set(plan.mentioned)].map((actor) => {
      const key = `${FILE_MENTIONS.type}|${file}|${actor}`;
      return { key, type: FILE_MENTIONS.type, from: file, to: actor, props: { origin, key } };
    });

    // ── compare with what is stored ──────────────────────────────────────
    const stored = (await tx.run(cypher('write/api-read-target'), { id, incomingTypes: [...INCOMING_TYPES] })).records[0]!;
    const storedProps = stored.get('props') as Record<string, unknown> | null;
    const storedRels = (stored.get('rels') as StoredRel[]).map((r) => ({ ...r, props: r.props }));
    const storedByKey = new Map(storedRels.map((r) => [r.key, canonical(r.props)]));
    const plannedByKey = new Map(owned.map((r) => [r.key, canonical(r.props)]));
    const nodeSame = storedProps !== null && canonical(storedProps) === canonical({ ...node.props, id });
    const relsSame = storedByKey.size === plannedByKey.size && [...plannedByKey].every(([k, v]) => storedByKey.get(k) === v);
    if (nodeSame && relsSame) {
      return { outcome: 'UNCHANGED', entity: { ...(toPlain(storedProps) as Record<string, unknown>), __label: node.label } as EntityRecord, change: null };
    }

    // ── write ────────────────────────────────────────────────────────────
    const stale = storedRels.filter((r) => plannedByKey.get(r.key) === undefined);
    if (stale.length > 0) await tx.run(cypher('write/delete-relationships'), { rows: stale.map(({ key, from, to }) => ({ key, from, to })) });
    await tx.run(cypher('write/merge-nodes'), { rows: [node] });
    const changedRels = owned.filter((r) => storedByKey.get(r.key) !== plannedByKey.get(r.key));
    if (changedRels.length > 0) {
      const written = await mergeRelationships(tx, 'write/merge-relationships', changedRels);
      if (written !== changedRels.length) throw new Error(`wrote ${written} of ${changedRels.length} relationships of ${id}`);
    }
    if (derived.length > 0) await tx.run(cypher('write/api-merge-mentions'), { rows: derived });
    if (storedProps !== null) {
      // A correction may leave the old file's source mentioning actors nothing names any more.
      const mentionTypes = new Set<string>(MENTION_TYPES);
      const candidates = storedRels.filter((r) => mentionTypes.has(r.type)).map((r) => (r.from === id ? r.to : r.from));
      if (node.label === 'Actor') candidates.push(id);
      if (candidates.length > 0) {
        await tx.run(cypher('write/api-prune-mentions'), {
          file: fileOfOrigin(String(storedProps.origin)),
          actorIds: [...new Set(candidates)],
          mentionTypes: [...MENTION_TYPES],
        });
      }
    }

    // The graph the write leaves behind must hold what validation promises, for the
    // entity written and for everything that depends on it (a quote whose speaker
    // changes kind): checked here, before commit; a refusal rolls the write back.
    // Checking the written node is enough: every relationship it changed touches it
    // (the derived Source-MENTIONS->Actor always joins allowed kinds), a required
    // relationship belongs to the node whose field makes it, and the cross-entity
    // rules are checked from either end. Not checking the other ends keeps a write
    // that names a hub actor from scanning all of the hub's relationships.
    const violations = await checkNodes(tx, [id]);
    if (violations.length > 0) {
      throw new WriteInputError('input', `refused: the graph would no longer be valid: ${violations.map((v) => v.message).join('; ')}`);
    }

    const outcome = storedProps === null ? 'CREATED' : 'UPDATED';
    const after: Record<string, unknown> = { ...(toPlain(node.props) as Record<string, unknown>), id };
    const before = storedProps === null ? {} : (toPlain(storedProps) as Record<string, unknown>);
    const fields = [
      ...[...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => canonical(before[k]) !== canonical(after[k])),
      ...[...new Set([...storedRels, ...owned].map((r) => r.type))].filter((t) => {
        const keys = (rows: Array<{ key: string; type: string }>, m: Map<string, string>) => rows.filter((r) => r.type === t).map((r) => `${r.key}=${m.get(r.key)}`).sort().join();
        return keys(storedRels, storedByKey) !== keys(owned, plannedByKey);
      }),
    ].sort();
    const res = await tx.run(cypher('write/create-change'), {
      id: changeId,
      operation: OPERATION_OF[section],
      outcome,
      entityId: id,
      entityKind: node.label.toUpperCase(),
      origin,
      keyId: principal.keyId,
      keyName: principal.name,
      fields,
      before: storedProps === null ? null : summary(storedProps, storedRels),
      after: summary(node.props, owned),
    });
    const change = toPlain(res.records[0]!.get('change')) as ChangeRecord;
    return { outcome, entity: { ...after, __label: node.label } as EntityRecord, change };
  }, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
}
