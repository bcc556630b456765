/**
 * Whose words a stance rests on (docs/decisions/0041): OWN_WORDS, ACCOUNT or ANALYSIS,
 * derived from its evidence statements and stored on the stance (`attestation`,
 * `attestedById`) in every write's transaction, so positions and agreement filter by it
 * without reading the evidence. Never authored.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../neo4j/cypher.js';

const IDS_PER_QUERY = 1000;

/** Relationship types whose change can change whose words a statement is (PART_OF, offices). */
const STRUCTURAL_TYPES = new Set(['PART_OF', 'HOLDS', 'OFFICE_IN']);

/** The ends of the relationships among `rels` that can change a statement's party (for refreshAttestations). */
export function structuralEnds(rels: Iterable<{ type: string; from: string; to: string }>): string[] {
  const out = new Set<string>();
  for (const r of rels) if (STRUCTURAL_TYPES.has(r.type)) out.add(r.from).add(r.to);
  return [...out];
}

/**
 * Of the relationships a write added, the ends whose stances' attestation they can change:
 * a stance's holder (TOOK) and evidence (EVIDENCED_BY), a statement's speaker (SAID) and
 * principal (ON_BEHALF_OF), given by the stance or statement end; the query reads
 * nothing else of a relationship. Written nodes are touched by themselves (a rewrite
 * clears the stored attestation), PART_OF and offices go through structuralEnds.
 */
export function attestationEnds(rels: Iterable<{ type: string; from: string; to: string }>): string[] {
  const out = new Set<string>();
  for (const r of rels) {
    if (r.type === 'TOOK' || r.type === 'SAID') out.add(r.to);
    else if (r.type === 'EVIDENCED_BY' || r.type === 'ON_BEHALF_OF') out.add(r.from);
  }
  return [...out];
}

/**
 * Refreshes the attestation of every stance a write may have changed (the ids it touched,
 * and the actors whose PART_OF or offices it changed: structuralEnds) and returns the ids
 * of those that now rest only on an analysis, which the caller refuses.
 */
export async function refreshAttestations(tx: ManagedTransaction, ids: Iterable<string>, actorIds: Iterable<string> = []): Promise<string[]> {
  const all = [...new Set(ids)];
  const actors = [...new Set(actorIds)];
  const analysisOnly: string[] = [];
  for (let i = 0; i < Math.max(all.length, actors.length); i += IDS_PER_QUERY) {
    const params = { ids: all.slice(i, i + IDS_PER_QUERY), actorIds: actors.slice(i, i + IDS_PER_QUERY) };
    const res = await tx.run(cypher('derived/stance-attestations'), params);
    analysisOnly.push(...((res.records[0]?.get('analysisOnly') as string[] | undefined) ?? []));
  }
  return analysisOnly;
}

/** Rebuilds every stance's attestation, a page of stances per write transaction (after the bulk import, or on request). */
export async function rebuildAllAttestations(driver: Driver, database: string, stancesPerPage = 2000): Promise<number> {
  const session = driver.session({ database });
  let after: string | null = null;
  let done = 0;
  try {
    for (;;) {
      const from: string | null = after;
      const ids: string[] | undefined = await session.executeRead(async (tx): Promise<string[] | undefined> => (await tx.run(cypher('derived/stance-attestations-page'), { after: from, limit: neo4j.int(stancesPerPage) })).records[0]?.get('ids') as string[]);
      if (!ids || ids.length === 0) break;
      await session.executeWrite((tx) => refreshAttestations(tx, ids));
      done += ids.length;
      after = ids[ids.length - 1]!;
    }
  } finally {
    await session.close();
  }
  return done;
}

/** A node's stored properties without the attestation the refresh maintains: what a seed file or a write input is compared with. */
export function withoutAttestation<T extends Record<string, unknown> | null>(props: T): T {
  if (props === null || !('attestation' in props || 'attestedById' in props)) return props;
  const { attestation: _a, attestedById: _b, ...rest } = props;
  return rest as T;
}

/** The attestation stored on a stance (after refreshAttestations in the same transaction), for a write's answer. */
export async function storedAttestation(tx: ManagedTransaction, id: string): Promise<Record<string, unknown>> {
  const row = (await tx.run(cypher('derived/stance-attestation-of'), { id })).records[0];
  return row ? { attestation: row.get('attestation') as string | null, attestedById: row.get('attestedById') as string | null } : {};
}
