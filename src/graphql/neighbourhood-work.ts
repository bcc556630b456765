/**
 * A neighbourhood's Neo4j work from its start node's own sizes, read for the request
 * (cypher/read/cost-sizes.cypher; decisions 0068 and 0069), in the cost units of
 * field-work.ts: depth 1 from the start node's relationships and its kept neighbours' outgoing
 * ones, depth 2 from its neighbours' relationships, depth 3 from a sampled second hop. The
 * tables of estimate against measured db hits are in docs/performance.md, "Cost of an issue
 * filter and of neighbourhood depth 2" and "Cost of neighbourhood depths 1 and 3 and of an
 * actor filter".
 */
import { NEIGHBOURS_HOP2, NEIGHBOURS_KEPT, type NodeDegree } from './graph-size.js';

/**
 * neighbourhood at depth 2 from the start node's own size, read for the request (decision 0068;
 * cypher/read/cost-sizes.cypher): a base (the kept nodes' properties and the relationships among
 * them), each relationship of the start node (expanded by both hops' branches) and each
 * relationship of its neighbours (plain: those reached by a relationship that is not provenance;
 * past the NEIGHBOURS_SAMPLED read, extrapolated: see neighbourhoodFromSizes). No growth: the counts are this
 * graph's. Fitted to a power and a state at 10^5 (PROFILE: 2.5 db hits a relationship expanded
 * and filtered), the plain base lowered for a person at 10^6; 0.76-1.49x at 10^5 and 10^6
 * (docs/performance.md, "Cost of an issue filter and of neighbourhood depth 2").
 */
export const NEIGHBOURHOOD_DEPTH2_UNITS = { plain: { base: 120, perStartRel: 0.073, perRel: 0.025 }, provenance: { base: 800, perStartRel: 0.05, perRel: 0.023 } } as const;
/** The share of every relationship's two ends a depth 2 reaches at most (decision 0069: fitted to a state, a power and the hub at 10^6 with provenance). */
export const NEIGHBOURHOOD_SECOND_HOP_OF_GRAPH = 0.22;
/**
 * neighbourhood at depth 1 from the start node's own size (decision 0069; PROFILE at 10^6): a base,
 * each node kept (`limit` of the neighbours: its properties and its relationships' to the others),
 * each relationship of the start node (expanded and its type tested), each one the variant follows
 * (its far end's label and id read for the order: plain, the type tested again), and each outgoing
 * relationship of the start node and of the kept neighbours (the relationships among the kept
 * nodes are read outgoing from each; the sampled neighbours', scaled to the share kept).
 */
export const NEIGHBOURHOOD_DEPTH1_UNITS = {
  plain: { base: 5, perKept: 0.25, perStartRel: 0.02, perFollowed: 0.02, perOut: 0.02 },
  provenance: { base: 5, perKept: 0.25, perStartRel: 0.02, perFollowed: 0.01, perOut: 0.01 },
} as const;
/**
 * neighbourhood at depth 3 from the start node's own size (decision 0069): depth 2's weight and
 * each relationship of the nodes two hops away (`perRel`: expanded by the third hop, tested, its
 * far end's id read), from the second hop's sample (cypher/read/cost-sizes.cypher: the relationships
 * of the distinct nodes its first NEIGHBOURS_HOP2 relationships reach, scaled up by the neighbours'
 * relationships over those read), at most a share `ofGraph` of every relationship's two ends
 * (twice the graph's relationships, count store: what the third hop reaches from a hub).
 */
export const NEIGHBOURHOOD_DEPTH3_UNITS = { plain: { perRel: 0.042, ofGraph: 0.24 }, provenance: { perRel: 0.024, ofGraph: 1 } } as const;

/**
 * A neighbourhood's units from its start node's sizes (decisions 0068, 0069), each depth at least
 * the one below it (the read of depth d runs the branches of the depths below it too).
 */
export function neighbourhoodFromSizes(depth: 1 | 2 | 3, variant: 'plain' | 'provenance', start: NodeDegree, limit: number): number {
  const plain = variant === 'plain';
  const exact = start.sampled >= start.degree;
  // Past the sample: with provenance, the sample scaled up to every relationship; plain, the
  // graph's mean degree for each plain relationship not sampled (a dense node keeps its
  // relationships by type: the sampled ones can all be of one kind, reaching larger nodes).
  const around = plain
    ? start.aroundPlain + (exact ? 0 : Math.max(0, start.plainDegree - start.sampledPlain) * (start.meanDegree ?? start.around / Math.max(start.sampled, 1)))
    : start.around * (exact ? 1 : start.degree / Math.max(start.sampled, 1));
  // The variant's relationships over those sampled: the distinct neighbours and their outgoing relationships scale with it.
  const scaleUp = exact ? 1 : plain ? start.plainDegree / Math.max(start.sampledPlain, 1) : start.degree / Math.max(start.sampled, 1);
  // (A read before decision 0069 counted no neighbours: one a relationship; no outgoing relationships: all of them.)
  const neighbours = (plain ? (start.neighboursPlain ?? start.sampledPlain) : (start.neighbours ?? start.sampled)) * scaleUp;
  const kept = Math.min(limit, neighbours);
  // The kept neighbours' outgoing relationships: those of the first NEIGHBOURS_KEPT by id (read), a share of them for a smaller limit.
  const firstOut = plain ? start.keptOutPlain : start.keptOut;
  const keptOut =
    firstOut !== undefined
      ? firstOut * Math.min(1, limit / NEIGHBOURS_KEPT)
      : (plain ? (start.aroundOutPlain ?? start.aroundPlain) : (start.aroundOut ?? start.around)) * scaleUp * Math.min(1, limit / Math.max(neighbours, 1));
  const u1 = NEIGHBOURHOOD_DEPTH1_UNITS[variant];
  const followed = plain ? start.plainDegree : start.degree;
  const d1 = u1.base + u1.perKept * kept + u1.perStartRel * start.degree + u1.perFollowed * followed + u1.perOut * ((start.outDegree ?? start.degree) + keptOut);
  if (depth === 1) return d1;
  // What the second hop reaches is at most a share of every relationship's two ends (twice the
  // graph's relationships, count store): a dense node's sample, scaled up, can count its largest
  // neighbours many times (decision 0069: 0.9-1.2x at 10^6 from a state, a power and the hub with provenance).
  const secondHop = Math.min(around, start.relationships !== undefined ? NEIGHBOURHOOD_SECOND_HOP_OF_GRAPH * 2 * start.relationships : Infinity);
  const u2 = NEIGHBOURHOOD_DEPTH2_UNITS[variant];
  const d2 = Math.max(d1, u2.base + u2.perStartRel * start.degree + u2.perRel * secondHop);
  if (depth === 2) return d2;
  // The second hop's nodes' relationships: the sample, scaled up to the neighbours' relationships
  // when it stopped at NEIGHBOURS_HOP2, else when the neighbours were sampled, by those not read.
  const [hop2, reached, sampledAround] = plain ? [start.hop2Plain, start.reachPlain, start.aroundPlain] : [start.hop2, start.reach, start.around];
  const u3 = NEIGHBOURHOOD_DEPTH3_UNITS[variant];
  const all = start.relationships !== undefined ? u3.ofGraph * 2 * start.relationships : Infinity;
  const scale = hop2 !== undefined && hop2 >= NEIGHBOURS_HOP2 ? around / hop2 : exact ? 1 : around / Math.max(sampledAround, 1);
  // Without the second hop's sample (a read before decision 0069): every relationship the graph allows.
  const reach = hop2 === undefined || reached === undefined ? all : reached * Math.max(1, scale);
  return d2 + u3.perRel * Math.min(reach, all);
}
