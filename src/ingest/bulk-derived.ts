/**
 * The derived data of a bulk import, computed from the planned rows instead of rebuilt
 * in Neo4j after the import (docs/decisions/0050-bulk-derived-data-from-the-importer.md):
 * the :TopicPosition nodes (built by src/derived/topic-positions.ts's buildTopicPosition)
 * and each stance's attestation, by the rules of cypher/derived/stance-attestations.cypher.
 * The planner runs in several worker threads, each over its share of the files, and a
 * pair's stances or a statement's speaker may sit in any file: each worker collects the
 * few facts the derived data need (DerivedFacts), and the main thread merges them.
 */
import type { NodeRow, RelRow } from '../seed/plan-graph.js';
import { buildTopicPosition, pairSources, toRow, type PairStance, type TopicPositionProps } from '../derived/topic-positions.js';
import { toPlain } from '../neo4j/values.js';

/** Relationship types the derived data read. */
const FACT_TYPES = ['TOOK', 'RESPONDS_TO', 'CONCERNS', 'TOWARDS', 'MADE_DEMAND', 'EVIDENCED_BY', 'SAID', 'ON_BEHALF_OF', 'PART_OF', 'HOLDS', 'OFFICE_IN'] as const;
type FactType = (typeof FACT_TYPES)[number];
const isFactType = (t: string): t is FactType => (FACT_TYPES as readonly string[]).includes(t);

/** A stance as the derived data read it: kind, date, precision, end (ISO dates), approximate. */
type StanceFact = [kind: string, date: string | null, precision: string | null, end: string | null, approximate: boolean | null];
/** A demand's since, precision, end and approximate (null since: made, but never in force). */
type DemandFact = [since: string | null, precision: string | null, end: string | null, approximate: boolean | null];

/** What one planner thread saw that the derived data need: plain data, cheap to send between threads. */
export interface DerivedFactsData {
  stances: Array<[string, ...StanceFact]>;
  demands: Array<[string, ...DemandFact]>;
  issues: string[];
  actors: string[];
  /** Statement id and mode. */
  statements: Array<[string, string | null]>;
  rels: Record<FactType, Array<[string, string]>>;
}

/** Whose words a stance rests on, as stored on it. */
export interface StanceAttestation {
  attestation: 'OWN_WORDS' | 'ACCOUNT' | 'ANALYSIS';
  attestedById: string | null;
}

const str = (v: unknown): string | null => (v === undefined || v === null ? null : (toPlain(v) as string));
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** Collects, file by file, the facts the derived data are computed from. */
export class DerivedFacts {
  private readonly data: DerivedFactsData = {
    stances: [], demands: [], issues: [], actors: [], statements: [],
    rels: Object.fromEntries(FACT_TYPES.map((t) => [t, []])) as unknown as DerivedFactsData['rels'],
  };

  /** Adds the facts among a file's planned rows. */
  add(nodes: NodeRow[], rels: RelRow[]): void {
    for (const n of nodes) {
      const p = n.props;
      if (n.label === 'Stance') this.data.stances.push([n.id, p.kind as string, str(p.date), str(p.datePrecision), str(p.dateEnd), bool(p.approximate)]);
      else if (n.label === 'Demand') this.data.demands.push([n.id, str(p.since), str(p.sincePrecision), str(p.sinceEnd), bool(p.approximate)]);
      else if (n.label === 'Issue') this.data.issues.push(n.id);
      else if (n.label === 'Actor') this.data.actors.push(n.id);
      else if (n.label === 'Statement') this.data.statements.push([n.id, str(p.mode)]);
    }
    for (const r of rels) if (isFactType(r.type)) this.data.rels[r.type].push([r.from, r.to]);
  }

  /** The facts collected so far, to send to the thread that merges them. */
  toData(): DerivedFactsData {
    return this.data;
  }
}

/** The derived data of a whole corpus. */
export interface DerivedData {
  positions: TopicPositionProps[];
  attestations: Map<string, StanceAttestation>;
}

function multiMap(pairs: Iterable<[string, string]>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    const list = m.get(a);
    if (list) list.push(b);
    else m.set(a, [b]);
  }
  return m;
}

function* allRels(parts: DerivedFactsData[], type: FactType): Generator<[string, string]> {
  for (const p of parts) yield* p.rels[type];
}

/**
 * Computes the topic positions and attestations of the corpus whose facts `parts` hold
 * (one part per planner thread): the same values the rebuild in src/derived/ writes.
 */
export function computeDerivedData(parts: DerivedFactsData[]): DerivedData {
  const stances = new Map<string, StanceFact>();
  const demands = new Map<string, DemandFact>();
  const issues = new Set<string>();
  const actors = new Set<string>();
  const modes = new Map<string, string | null>();
  for (const p of parts) {
    for (const [id, ...f] of p.stances) stances.set(id, f);
    for (const [id, ...f] of p.demands) demands.set(id, f);
    for (const id of p.issues) issues.add(id);
    for (const id of p.actors) actors.add(id);
    for (const [id, mode] of p.statements) modes.set(id, mode);
  }
  const rel = (type: FactType): Map<string, string[]> => multiMap(allRels(parts, type));
  const inverse = (type: FactType): Map<string, string[]> => multiMap([...allRels(parts, type)].map(([a, b]) => [b, a] as [string, string]));
  const holdersOf = inverse('TOOK');
  const respondsTo = rel('RESPONDS_TO');
  const concerns = rel('CONCERNS');
  const towards = rel('TOWARDS');
  return {
    positions: topicPositions(parts, stances, demands, issues, actors, { holdersOf, respondsTo, concerns, towards }),
    attestations: attestations(stances, modes, actors, {
      holdersOf, evidence: rel('EVIDENCED_BY'), speakers: inverse('SAID'), onBehalfOf: rel('ON_BEHALF_OF'),
      partOf: rel('PART_OF'), holds: rel('HOLDS'), officeIn: rel('OFFICE_IN'),
    }),
  };
}

/** Per (holder, topic) pair the stances and the demand made, as cypher/derived/pair-stances-by-holder.cypher and pair-made.cypher read them. */
function topicPositions(
  parts: DerivedFactsData[],
  stances: Map<string, StanceFact>,
  demands: Map<string, DemandFact>,
  issues: Set<string>,
  actors: Set<string>,
  r: { holdersOf: Map<string, string[]>; respondsTo: Map<string, string[]>; concerns: Map<string, string[]>; towards: Map<string, string[]> },
): TopicPositionProps[] {
  const { pairs, source } = pairSources();
  for (const [id, [kind, date, precision, end, approximate]] of stances) {
    const holders = (r.holdersOf.get(id) ?? []).filter((h) => actors.has(h));
    if (holders.length === 0) continue;
    const onDemands = (r.respondsTo.get(id) ?? []).filter((t) => demands.has(t));
    const onIssues = (r.concerns.get(id) ?? []).filter((t) => issues.has(t));
    const towardsId = (r.towards.get(id) ?? []).find((t) => actors.has(t)) ?? null;
    const stance = (answersDemand: boolean): PairStance | null =>
      date === null ? null : { id, kind, date, precision, end, approximate, towardsId, answersDemand };
    for (const h of holders) {
      for (const d of onDemands) {
        const s = stance(false);
        const src = source(h, d, 'Demand');
        if (s) src.stances.push(s);
      }
      for (const i of onIssues) {
        const s = stance(onDemands.length > 0);
        const src = source(h, i, 'Issue');
        if (s) src.stances.push(s);
      }
    }
  }
  for (const [h, d] of allRels(parts, 'MADE_DEMAND')) {
    const demand = demands.get(d);
    if (!demand || !actors.has(h)) continue;
    const src = source(h, d, 'Demand');
    const [since, precision, end, approximate] = demand;
    if (since !== null) src.made = { since, precision, end, approximate };
  }
  const out: TopicPositionProps[] = [];
  for (const src of pairs.values()) {
    const built = buildTopicPosition(src);
    if (built) out.push(built);
  }
  return out;
}

/**
 * Each stance's strongest evidence: OWN_WORDS when the statement's party (the actor it
 * speaks for, else its speaker) is the holder, is PART_OF it (transitively), or holds an
 * office in it or in a part of it; ANALYSIS for an analysis; ACCOUNT otherwise. Ties go
 * to the smallest party id (cypher/derived/stance-attestations.cypher).
 */
function attestations(
  stances: Map<string, StanceFact>,
  modes: Map<string, string | null>,
  actors: Set<string>,
  r: {
    holdersOf: Map<string, string[]>; evidence: Map<string, string[]>; speakers: Map<string, string[]>; onBehalfOf: Map<string, string[]>;
    partOf: Map<string, string[]>; holds: Map<string, string[]>; officeIn: Map<string, string[]>;
  },
): Map<string, StanceAttestation> {
  const ancestors = new Map<string, Set<string>>();
  const ancestorsOf = (actor: string): Set<string> => {
    let set = ancestors.get(actor);
    if (set) return set;
    set = new Set<string>();
    const todo = [...(r.partOf.get(actor) ?? [])];
    while (todo.length > 0) {
      const a = todo.pop()!;
      if (set.has(a)) continue;
      set.add(a);
      todo.push(...(r.partOf.get(a) ?? []));
    }
    ancestors.set(actor, set);
    return set;
  };
  const speaksFor = (party: string, holder: string): boolean =>
    party === holder ||
    ancestorsOf(party).has(holder) ||
    (r.holds.get(party) ?? []).some((office) => (r.officeIn.get(office) ?? []).some((o) => actors.has(o) && (o === holder || ancestorsOf(o).has(holder))));
  const out = new Map<string, StanceAttestation>();
  for (const id of stances.keys()) {
    const holder = (r.holdersOf.get(id) ?? []).find((h) => actors.has(h)) ?? null;
    let best: { rank: number; party: string } | null = null;
    for (const st of r.evidence.get(id) ?? []) {
      if (!modes.has(st)) continue;
      for (const speaker of (r.speakers.get(st) ?? []).filter((a) => actors.has(a))) {
        const obo = (r.onBehalfOf.get(st) ?? []).filter((a) => actors.has(a));
        for (const party of obo.length > 0 ? obo : [speaker]) {
          const rank = modes.get(st) === 'ANALYSIS' ? 3 : holder !== null && speaksFor(party, holder) ? 1 : 2;
          if (best === null || rank < best.rank || (rank === best.rank && party < best.party)) best = { rank, party };
        }
      }
    }
    if (best) out.set(id, { attestation: best.rank === 1 ? 'OWN_WORDS' : best.rank === 2 ? 'ACCOUNT' : 'ANALYSIS', attestedById: best.party });
  }
  return out;
}

/**
 * A position as a CSV row: the rebuild's row without the lists the importer reads as no
 * value (an empty list, or a list of one empty string); cypher/ingest/bulk-fill-empty-lists.cypher
 * sets them after the import.
 */
export function topicPositionCsvRow(p: TopicPositionProps): Record<string, unknown> {
  const row = toRow(p);
  for (const [k, v] of Object.entries(row)) if (Array.isArray(v) && (v.length === 0 || (v.length === 1 && v[0] === ''))) delete row[k];
  return row;
}

/** The columns a stance row gets once the derived data are computed (BulkCsvWriter.holdNodes). */
export const STANCE_TRAILING = ['attestation', 'attestedById'] as const;

/** A stance's values of STANCE_TRAILING (undefined: no attestation, both left out). */
export function attestationColumns(a: StanceAttestation | undefined): [string, string | null] | undefined {
  return a === undefined ? undefined : [a.attestation, a.attestedById];
}
