/**
 * The Neo4j work of the analytical fields, in cost units, from their arguments: what
 * operation-cost.ts adds for each of them on top of the size of the answer. One unit
 * is about 100 Neo4j db hits; each weight is the worst of the two measured graphs (the
 * seeded graph and the 10^4-statement synthetic corpus, a hub entity where the field
 * has one). The calibration table and the command that measured it are in
 * docs/reliability.md, "Cost calibration"; rerun it after changing a read query.
 */

/** The corpus size (statements) the weights below were measured at: at or below it they stand as they are. */
export const REFERENCE_STATEMENTS = 10_000;

/**
 * How a field's work grows past REFERENCE_STATEMENTS: its weight is multiplied by
 * (statements / 10^4)^e. Each e is fitted to the db hits measured from hubs at 10^4 and
 * 10^5 (docs/performance.md, "Cost calibration"): neighbourhood and paths grow with a
 * hub's degree (e = log10 of the measured 10^5 / 10^4 ratio); 0 where the read does not
 * grow with the corpus.
 */
export const GROWTH = {
  neighbourhood: { plain: [0, 0.55, 0.74, 0.96], provenance: [0, 0.36, 0.89, 0.99] },
  paths: { plain: 0.84, provenance: 0.7 },
  // The paged read (decision 0049) from the hub demand at 10^5: 14,780 db hits, under the
  // inherited weight measured for the full list at 10^4; direct only keeps the full list's growth.
  positions: { direct: 0.46, derived: 0 },
  agreement: 0,
  timeline: 0.42,
  statements: 0.42,
  stances: 0.42,
  eventChain: 0,
  search: 0,
} as const;

/** The factor a weight measured at REFERENCE_STATEMENTS is multiplied by in a graph of `statements`. */
export function growth(exponent: number, statements: number): number {
  return statements > REFERENCE_STATEMENTS && exponent > 0 ? (statements / REFERENCE_STATEMENTS) ** exponent : 1;
}

/** A field's arguments as plain values (defaults filled in). */
export type FieldArgs = Record<string, unknown>;

/** db hits per cost unit. */
export const DB_HITS_PER_UNIT = 100;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * neighbourhood: by depth (index 1-3), without and with provenance links. The query
 * collects everything within `depth` hops before keeping `limit` nodes, so `limit`
 * changes the answer (counted as its size), not the work.
 */
export const NEIGHBOURHOOD_UNITS = { plain: [0, 300, 600, 2_400], provenance: [0, 450, 1_500, 6_000] } as const;
/**
 * paths: per hop of `maxHops`. The query's pattern explores up to 8 hops whatever
 * maxHops says (the length is filtered afterwards), and measured db hits did not change
 * with it; weighing by hop keeps short searches cheap and costs 8 hops at twice the
 * worst measured.
 */
export const PATHS_UNITS_PER_HOP = { plain: 10, provenance: 15 } as const;
/** positions: one demand or issue, with or without the positions members inherit (measured on the full list; the page, PositionTable.positions' `first`, is counted as the answer's size). */
export const POSITIONS_UNITS = { direct: 70, derived: 380 } as const;
/**
 * agreement: a base and each actor compared (its stances and its organisations' stances).
 * `issueId` is not weighed: it adds one read of the issues' demands (310 db hits, about
 * 3 units, for european-security and its sub-issues on the seeded graph) and narrows
 * what the actors' reads send back.
 */
export const AGREEMENT_UNITS = { base: 330, perActor: 145 } as const;
/** timeline: the scan of events, statements and stances (filters narrow it, the worst is counted), plus each item of the page. */
export const TIMELINE_UNITS = { scan: 2_300, perItem: 1 } as const;
/**
 * statements and stances (issue 16): the scan of one kind, plus each item of the page.
 * Measured on the seeded graph only (docs/reliability.md: 1,894 and 780 db hits); the
 * 10^4 corpus is not measured yet, so statements take the timeline's scan, which holds
 * them (they are most of it).
 */
export const STATEMENTS_UNITS = { scan: 2_300, perItem: 1 } as const;
/** stances: see STATEMENTS_UNITS; stances are fewer than statements, but each filter may follow its evidence. */
export const STANCES_UNITS = { scan: 1_200, perItem: 1 } as const;
/** eventChain: per link of `depth` (the pattern follows only IN_RESPONSE_TO and CAUSED_BY between events); 93 db hits on the seeded graph at depth 3 and 6. */
export const EVENT_CHAIN_UNITS_PER_LINK = 20;
/** search: the full-text query, plus each hit of the page. */
export const SEARCH_UNITS = { scan: 10, perHit: 1 } as const;

/**
 * The work of the field at `coordinate` (`Query.neighbourhood`) with `args` in a graph of
 * `statements` (0: the weights as measured), or undefined for a field that is not
 * analytical (its cost is the size of its answer).
 */
export function fieldWork(coordinate: string, args: FieldArgs, statements = 0): number | undefined {
  const [units, exponent] = baseWork(coordinate, args) ?? [];
  return units === undefined ? undefined : Math.ceil(units * growth(exponent ?? 0, statements));
}

/** The field's weight as measured at REFERENCE_STATEMENTS, and its growth exponent. */
function baseWork(coordinate: string, args: FieldArgs): [number, number] | undefined {
  switch (coordinate) {
    case 'Query.neighbourhood': {
      const depth = clamp(Math.round(num(args['depth'], 1)), 1, 3);
      const variant = args['includeProvenance'] === true ? 'provenance' : 'plain';
      return [NEIGHBOURHOOD_UNITS[variant][depth]!, GROWTH.neighbourhood[variant][depth]!];
    }
    case 'Query.paths': {
      const hops = clamp(Math.round(num(args['maxHops'], 4)), 1, 8);
      const variant = args['includeProvenance'] === true ? 'provenance' : 'plain';
      return [hops * PATHS_UNITS_PER_HOP[variant], GROWTH.paths[variant]];
    }
    case 'Query.positions':
      const variant = args['includeDerived'] === false ? 'direct' : 'derived';
      return [POSITIONS_UNITS[variant], GROWTH.positions[variant]];
    case 'Query.agreement': {
      const actors = Array.isArray(args['actorIds']) ? clamp(args['actorIds'].length, 2, 10) : 2;
      return [AGREEMENT_UNITS.base + actors * AGREEMENT_UNITS.perActor, GROWTH.agreement];
    }
    case 'Query.timeline':
      return [TIMELINE_UNITS.scan + TIMELINE_UNITS.perItem * clamp(num(args['first'] ?? args['last'], 50), 1, 200), GROWTH.timeline];
    case 'Query.statements':
      return [STATEMENTS_UNITS.scan + STATEMENTS_UNITS.perItem * clamp(num(args['first'] ?? args['last'], 50), 1, 200), GROWTH.statements];
    case 'Query.stances':
      return [STANCES_UNITS.scan + STANCES_UNITS.perItem * clamp(num(args['first'] ?? args['last'], 50), 1, 200), GROWTH.stances];
    case 'Query.eventChain':
      return [EVENT_CHAIN_UNITS_PER_LINK * clamp(Math.round(num(args['depth'], 3)), 1, 6), GROWTH.eventChain];
    case 'Query.search':
      return [SEARCH_UNITS.scan + SEARCH_UNITS.perHit * clamp(num(args['first'], 20), 1, 100), GROWTH.search];
    default:
      return undefined;
  }
}
