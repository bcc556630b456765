/**
 * One write through the API, in one transaction: validate the input as the seed
 * loader validates a seed file's entry (same schema, same reference and cross-field
 * checks, with the graph standing in for the other files), plan its node and
 * relationships from the model, compare with what is stored, and write only when
 * something differs, together with a :Change record. Repeating a write with the same
 * id and content changes nothing and says so (UNCHANGED). The steps are pure
 * (write-plan.ts, write-diff.ts, write-mutations.ts); this file does the reads, runs
 * the statements and checks the graph's invariants before commit.
 */
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { Principal } from '../auth/principal.js';
import { checkNodes } from '../check/check-graph.js';
import { refreshAttestations, storedAttestation, structuralEnds, withoutAttestation } from '../derived/attestation.js';
import { refreshTopicPositions } from '../derived/topic-positions.js';
import { refreshMembershipDates } from '../derived/membership-dates.js';
import type { EntityRecord } from '../graph/entity-record.js';
import { cypher } from '../neo4j/cypher.js';
import { executeWriteWithRetry } from '../neo4j/write-retry.js';
import { toPlain } from '../neo4j/values.js';
import { mergeRelationships } from '../seed/load-graph.js';
import { diffWrite, plannedProperties, type StoredEntity, type StoredRel, type WriteOutcome } from './write-diff.js';
import { changeRecordParams, writeMutations, type Mutation } from './write-mutations.js';
import { planWrite, prepareWrite, type KnownEntity } from './write-plan.js';
import { INCOMING_TYPES, SECTION_OF_LABEL, type WritableSection } from './writable-sections.js';
import { WriteInputError } from './write-input-error.js';

export type { WriteOutcome } from './write-diff.js';

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

/** The entities the graph holds under the given ids, with their section, label, kind and origin. */
async function readKnown(tx: ManagedTransaction, ids: string[]): Promise<Map<string, KnownEntity>> {
  const res = await tx.run(cypher('write/api-lookup-ids'), { ids });
  const out = new Map<string, KnownEntity>();
  for (const r of res.records) {
    const label = r.get('label') as string;
    const section = SECTION_OF_LABEL[label];
    if (section) out.set(r.get('id') as string, { section, label, origin: r.get('origin') as string, record: { kind: r.get('kind') as unknown } });
  }
  return out;
}

/** What the graph holds of the entity: its properties and the relationships its own fields made through the API. */
async function readStored(tx: ManagedTransaction, id: string): Promise<StoredEntity> {
  const stored = (await tx.run(cypher('write/api-read-target'), { id, incomingTypes: [...INCOMING_TYPES] })).records[0]!;
  // The attestation is the refresh's, not the input's: left out of the comparison.
  return { props: withoutAttestation(stored.get('props') as Record<string, unknown> | null), rels: stored.get('rels') as StoredRel[] };
}

/** Runs one statement of a write; relationship merges must write every row (a missing endpoint writes nothing and raises nothing). */
async function runMutation(tx: ManagedTransaction, id: string, m: Mutation): Promise<void> {
  if ('query' in m) {
    await tx.run(cypher(m.query), m.params);
    return;
  }
  const written = await mergeRelationships(tx, 'write/merge-relationships', m.mergeRelationships);
  if (written !== m.mergeRelationships.length) throw new Error(`wrote ${written} of ${m.mergeRelationships.length} relationships of ${id}`);
}

/** Runs one write in one transaction (see the module comment); `timeoutMs` bounds the transaction (NEO4J_TX_TIMEOUT). */
export async function writeEntity(driver: Driver, database: string, request: WriteRequest, timeoutMs?: number): Promise<WriteResult> {
  const prepared = prepareWrite(request.section, request.input, request.source);
  const changeId = randomUUID();
  return executeWriteWithRetry(driver, database, async (tx) => {
    // One writer per id at a time: a concurrent write of the same id waits here.
    await tx.run(cypher('write/api-lock-id'), { id: prepared.id });
    const plan = planWrite(prepared, await readKnown(tx, prepared.lookup));
    const stored = await readStored(tx, plan.id);
    const diff = diffWrite(plan, stored);
    if (diff.outcome === 'UNCHANGED') {
      const kept = plan.node.label === 'Stance' ? await storedAttestation(tx, plan.id) : {};
      return { outcome: 'UNCHANGED', entity: { ...(toPlain(stored.props) as Record<string, unknown>), ...kept, __label: plan.node.label } as EntityRecord, change: null };
    }
    for (const m of writeMutations(plan, stored, diff)) await runMutation(tx, plan.id, m);

    // The graph the write leaves behind must hold what validation promises, for the
    // entity written and for everything that depends on it (a quote whose speaker
    // changes kind): checked here, before commit; a refusal rolls the write back.
    // Checking the written node is enough: every relationship it changed touches it
    // (the derived Source-MENTIONS->Actor always joins allowed kinds), a required
    // relationship belongs to the node whose field makes it, and the cross-entity
    // rules are checked from either end. Not checking the other ends keeps a write
    // that names a hub actor from scanning all of the hub's relationships.
    const violations = await checkNodes(tx, [plan.id]);
    // The derived positions (docs/decisions/0035) of what the write touched, in the same transaction.
    await refreshTopicPositions(tx, [plan.id, ...diff.changed.flatMap((r) => [r.from, r.to])], diff.stale);
    await refreshMembershipDates(tx, [plan.id], [...diff.changed, ...diff.stale]); // decision 0054
    // Whose words each stance rests on (decision 0041): a stance left resting only on an analysis is refused.
    for (const id of await refreshAttestations(tx, [plan.id, ...diff.changed.flatMap((r) => [r.from, r.to])], structuralEnds([...diff.changed, ...diff.stale]))) {
      violations.push({ check: 'stance-rests-on-analysis', id, message: `stance ${id} would rest only on ANALYSIS statements: an analysis is never a party's position` });
    }
    if (violations.length > 0) {
      throw new WriteInputError('input', `refused: the graph would no longer be valid: ${violations.map((v) => v.message).join('; ')}`);
    }

    const res = await tx.run(cypher('write/create-change'), changeRecordParams(plan, stored, diff, changeId, request.principal));
    const change = toPlain(res.records[0]!.get('change')) as ChangeRecord;
    const derived = plan.node.label === 'Stance' ? await storedAttestation(tx, plan.id) : {};
    return { outcome: diff.outcome, entity: { ...plannedProperties(plan), ...derived, __label: plan.node.label } as EntityRecord, change };
  }, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
}
