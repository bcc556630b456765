/**
 * The Neo4j work of the analytical fields, in cost units, from their arguments: what
 * operation-cost.ts adds for each of them on top of the size of the answer. One unit
 * is about 100 Neo4j db hits; each weight is the worst of the two measured graphs (the
 * seeded graph and the 10^4-statement synthetic corpus, a hub entity where the field
 * has one), and grows past 10^4 statements as fitted to 10^5 and 10^6 (decision 0059).
 * The calibration tables and the commands that measured them are in docs/reliability.md,
 * "Cost calibration", and docs/performance.md, "Cost calibration at 10^6"; rerun them
 * after changing a read query.
 */

import type { ActorItems, GraphScale, LocalSizes, MonthCounts, SizesWanted } from './graph-size.js';
import { NEIGHBOURHOOD_DEPTH1_UNITS, NEIGHBOURHOOD_DEPTH2_UNITS, neighbourhoodFromSizes } from './neighbourhood-work.js';

/** The corpus size (statements) the weights below were measured at: at or below it they stand as they are. */
export const REFERENCE_STATEMENTS = 10_000;

/**
 * How a field's work grows past REFERENCE_STATEMENTS: its weight (not the items of its
 * page) is multiplied by (statements / 10^4)^e. Each e is fitted to the db hits measured
 * from hubs at 10^4, 10^5 and 10^6 statements (decision 0059; docs/performance.md, "Cost
 * calibration at 10^6"), so that the estimate is within 2x of the measurement at all
 * three sizes: neighbourhood, paths and agreement grow with a hub's degree, which grows
 * faster past 10^5; the lists read from their filters (decision 0062): from the actors or
 * issues they grow with those entities' degree, from a date range with the corpus (a range may
 * cover it all), and unfiltered not at all; 0 where the read does not grow with it.
 */
export const GROWTH = {
  neighbourhood: { plain: [0, 0.67, 0.81, 0.97], provenance: [0, 0.54, 0.92, 0.99] },
  paths: { plain: 0.9, provenance: 0.8 },
  // Counted and paged (decisions 0049, 0054, 0058): 5,225-6,904 db hits direct, 5,679-9,212 with inherited, from 10^4 to 10^6 (decision 0065).
  positions: { direct: 0.05, derived: 0.1 },
  // Decision 0057's read (decision 0065): the base (the hub's demands and verdict spans) grows
  // slower than each actor's stances and organisations' stances.
  agreement: { base: 0.45, perActor: 0.88 },
  // The lists by what they start from (decision 0062): the count store and an ordered page do
  // not grow; a hub's or an issue's items grow with its degree; a date range may read every item.
  // Fitted to 10^4 and 10^5 (synth-org-0; synth-issue-0 and its sub-issues), within 2x at 10^6 measured afterwards (0.7-1.2x).
  timeline: { index: 0, actors: 0.87, issues: 0.85, dated: 1 },
  statements: { index: 0, actors: 0.8, issues: 0.85, dated: 1 },
  stances: { index: 0, actors: 0.85, issues: 0.85, dated: 1 },
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

/** A neighbourhood's depth from its arguments: 1-3 (the schema's default, 1, when not a number). */
export const neighbourhoodDepth = (args: FieldArgs): 1 | 2 | 3 => clamp(Math.round(num(args['depth'], 1)), 1, 3) as 1 | 2 | 3;

/**
 * neighbourhood: by depth (index 1-3), without and with provenance links. The query
 * collects everything within `depth` hops before keeping `limit` nodes, so `limit`
 * changes the answer (counted as its size), not the work.
 */
export const NEIGHBOURHOOD_UNITS = { plain: [0, 300, 600, 2_400], provenance: [0, 450, 1_500, 6_000] } as const;
/**
 * paths: a base and each hop of `maxHops`. The query's pattern explores up to 8 hops
 * whatever maxHops says (the length is filtered afterwards), and measured db hits did
 * not change with it; a little per hop keeps short searches a little cheaper, while
 * 2 and 8 hops both stay within 2x of the measurement (decision 0059).
 */
export const PATHS_UNITS = { plain: { base: 25, perHop: 5 }, provenance: { base: 40, perHop: 5 } } as const;
/** positions: one demand or issue, with or without the positions members inherit (the counts and the first page's read; the page, PositionTable.positions' `first`, is counted as the answer's size). */
export const POSITIONS_UNITS = { direct: 60, derived: 60 } as const;
/**
 * agreement: a base and each actor compared (its stances and its organisations' stances),
 * fitted to 2 and 10 actors from the alliance at 10^4 (17,180 and 26,012 db hits), each
 * growing with its own exponent (GROWTH.agreement; decision 0065).
 * `issueId` is not weighed: it adds one read of the issues' demands (310 db hits, about
 * 3 units, for european-security and its sub-issues on the seeded graph) and narrows
 * what the actors' reads send back.
 */
export const AGREEMENT_UNITS = { base: 150, perActor: 11 } as const;
/**
 * A date range alone, when the graph's dates are known (decision 0065): units for each item its
 * read goes through (`read`: the date index and the test of the range's end) and for each item
 * in the range (`inRange`: its other filters and properties). Fitted at 10^5 to a range
 * reaching to the corpus' end (from 2024-06: every item read out of range), one over every
 * item (1990-2030: every item in range) and the year 2020 (docs/performance.md, "Cost
 * calibration after decisions 0057, 0058 and 0062"); the same units hold for the year 2020
 * read only to its end (decision 0066: 0.97-1.4x of the db hits at 10^4, 10^5 and 10^6).
 */
export const DATED_ITEM_UNITS = {
  timeline: { read: 0.067, inRange: 0.003 },
  statements: { read: 0.042, inRange: 0.029 },
  stances: { read: 0.04, inRange: 0.031 },
} as const;
/**
 * The lists (timeline, statements, stances) by what their read starts from (decision 0062;
 * src/graph/lists.ts: listStart): `index`, nothing filters them (the count store and each
 * kind's date index in order); an actor filter, by its actors' own items when read for the
 * request (`actorSize`: each actor and each relationship its read starts from, its parts' with
 * includeParts; decision 0069: 0.9-1.6x at 10^4, 10^5 and 10^6 from a state, a power and the hub),
 * else `perActor`, each weighed as the hub (its items, found from it, twice: the count and the
 * page); an issue filter, by the issues'
 * own size when read for the request (`issueSize`: each issue and each of their CONCERNS
 * relationships, sub-issues' included unless includeSubIssues is false; decision 0068: fitted at
 * 10^5 to synth-issue-0 with its 24 sub-issues, synth-issue-20 and synth-issue-100), else
 * `perIssue`, each weighed as the synthetic corpus' largest issue with its 24 sub-issues; a date range alone (or a filter without an index), by the items its read
 * goes through when the graph's dates are known (`perDatedItem`, DATED_ITEM_UNITS; decision
 * 0065), else `dated`, as a range over every item. Each item of the page is 15-36 db hits
 * (measured), counted as 30.
 */
export const TIMELINE_UNITS = { index: 20, perActor: 98, actorSize: { base: 5, perRel: 0.09 }, perIssue: 470, issueSize: { base: 5, perConcern: 0.19 }, dated: 1_060, perDatedItem: DATED_ITEM_UNITS.timeline, perItem: 0.3 } as const;
/** statements (issue 16): as TIMELINE_UNITS, over the statements. */
export const STATEMENTS_UNITS = { index: 20, perActor: 20, actorSize: { base: 5, perRel: 0.07 }, perIssue: 160, issueSize: { base: 5, perConcern: 0.068 }, dated: 700, perDatedItem: DATED_ITEM_UNITS.statements, perItem: 0.3 } as const;
/** stances: as TIMELINE_UNITS, over the stances. */
export const STANCES_UNITS = { index: 20, perActor: 66, actorSize: { base: 5, perRel: 0.07 }, perIssue: 255, issueSize: { base: 5, perConcern: 0.105 }, dated: 360, perDatedItem: DATED_ITEM_UNITS.stances, perItem: 0.3 } as const;

type ListUnits = { index: number; perActor: number; actorSize: { base: number; perRel: number }; perIssue: number; issueSize: { base: number; perConcern: number }; dated: number; perDatedItem: { read: number; inRange: number }; perItem: number };

/** The most ids a request's sizes are read for (a filter of more issues is weighed as before). */
export const MAX_SIZED_IDS = 100;

const idsOf = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null);

/** The actor filter's argument of each list. */
const ACTORS_ARG: Readonly<Record<string, 'actorIds' | 'speakerIds' | 'holderIds'>> = { 'Query.timeline': 'actorIds', 'Query.statements': 'speakerIds', 'Query.stances': 'holderIds' };

/**
 * The ids whose own size weighs the field (decisions 0068, 0069), read for the request before the
 * estimate (src/graphql/operation-budget-plugin.ts): a neighbourhood's start node, the actors a
 * list starts from (an actor filter), else the issues it starts from (an issue filter); none for
 * the others, nor for a filter of more than MAX_SIZED_IDS ids.
 */
export function sizesWanted(coordinate: string, args: FieldArgs): SizesWanted {
  const none = (): SizesWanted => ({ entities: [], issues: [], actors: [] });
  if (coordinate === 'Query.neighbourhood') return typeof args['id'] === 'string' ? { ...none(), entities: [args['id']] } : none();
  const actorsArg = ACTORS_ARG[coordinate];
  if (actorsArg === undefined) return none();
  const filter = (args['filter'] ?? {}) as Record<string, unknown>;
  const actors = idsOf(filter[actorsArg]);
  // An actor filter is where the read starts: its issues are only tested.
  if (actors !== null) return actors.length > MAX_SIZED_IDS ? none() : { ...none(), actors };
  const issues = idsOf(filter['issueIds']);
  return issues === null || issues.length > MAX_SIZED_IDS ? none() : { ...none(), issues };
}

/** The relationships of each kind of item a list's actor filter reads (cypher/fragment/timeline-items, statement-items, stance-items). */
const ACTOR_ITEMS: Readonly<Record<string, (a: ActorItems) => number>> = {
  'Query.timeline': (a) => a.events + a.said + a.onBehalfOf + a.took,
  'Query.statements': (a) => a.said + a.onBehalfOf,
  'Query.stances': (a) => a.took,
};

/** The relationships a list filtered by `actors` starts from (their parts' too with includeParts), or undefined when their sizes were not read. */
function actorRels(coordinate: string, actors: readonly string[], filter: Record<string, unknown>, local: LocalSizes | undefined): number | undefined {
  const items = ACTOR_ITEMS[coordinate];
  if (!local?.actors || !items || actors.length > MAX_SIZED_IDS) return undefined;
  let rels = 0;
  // An id the read did not find is no actor of this graph: it adds no items.
  for (const id of new Set(actors)) {
    const size = local.actors[id];
    if (size) rels += items(size.own) + (filter['includeParts'] === true ? items(size.parts) : 0);
  }
  return rels;
}

/** The CONCERNS relationships a list filtered by `issues` starts from (their sub-issues' too unless includeSubIssues is false), or undefined when their sizes were not read. */
function issueConcerns(issues: readonly string[], filter: Record<string, unknown>, local: LocalSizes | undefined): number | undefined {
  if (!local || issues.length > MAX_SIZED_IDS) return undefined;
  let concerns = 0;
  // An id the read did not find is no issue of this graph: it adds no items.
  for (const id of new Set(issues)) concerns += (local.issues[id]?.own ?? 0) + (filter['includeSubIssues'] === false ? 0 : (local.issues[id]?.subIssues ?? 0));
  return concerns;
}
type ListGrowth = { index: number; actors: number; issues: number; dated: number };
type DatedKind = 'statements' | 'stances' | 'events';

/** The month (year * 12 + month - 1) of a Date argument (YYYY, YYYY-MM or YYYY-MM-DD): its first month, or with `last` its last; undefined when it is not one. */
export function monthOf(date: unknown, last = false): number | undefined {
  const m = typeof date === 'string' ? /^(\d{4})(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return undefined;
  const month = m[2] !== undefined ? Number(m[2]) - 1 : last ? 11 : 0;
  return Number(m[1]) * 12 + month;
}

/**
 * The items a list filtered by a date range alone goes through, from how its kinds' items spread
 * over the months (cypher/read/graph-dates.cypher), as the read seeks them (src/graph/lists.ts:
 * startParams): with a start, statements and stances through the end-date index from the range's
 * start up to the last day of its end's year (an item ends within the year it starts in; decision
 * 0066), to the corpus' end without an end; events, which have no end-date index, from the corpus'
 * start up to the range's end (every event without one); with only an end, the start-date index
 * up to it. `inRange`, those in the range's months. Whole months: an item of the start's month
 * before the range is counted (the estimate errs high). Undefined without the dates or a readable
 * range (the range is then weighed as every item).
 */
export function datedItems(kinds: readonly DatedKind[], filter: Record<string, unknown>, scale: GraphScale): { read: number; inRange: number } | undefined {
  if (!scale.dates) return undefined;
  const from = filter['from'] === null || filter['from'] === undefined ? undefined : monthOf(filter['from']);
  const to = filter['to'] === null || filter['to'] === undefined ? undefined : monthOf(filter['to'], true);
  if (from === undefined && to === undefined) return undefined;
  // The last month an item starting by the range's end can end in: its year's December.
  const lastEnd = to === undefined ? Infinity : Math.floor(to / 12) * 12 + 11;
  let read = 0;
  let inRange = 0;
  for (const kind of kinds) {
    const [lo, hi] = from === undefined || kind === 'events' ? [-Infinity, to ?? Infinity] : [from, lastEnd];
    for (const [month, count] of scale.dates[kind] as MonthCounts) {
      if (month < lo || month > hi) continue;
      read += count;
      if ((from === undefined || month >= from) && (to === undefined || month <= to)) inRange += count;
    }
  }
  return { read, inRange };
}

/**
 * A list's weight, growth and page units from the filter its read starts from (src/graph/lists.ts:
 * listStart); `unfiltering`, the filter's fields that leave it unfiltered (the timeline's kinds).
 * A date range alone is weighed by the items its read goes through when the graph's dates are
 * known (decision 0065: perDatedItem, at least the unfiltered read's units, no growth: the
 * counts are this graph's; a page of at most the items in range), else as a range over every item.
 */
function listWork(coordinate: string, args: FieldArgs, units: ListUnits, growth: ListGrowth, unfiltering: readonly string[], kinds: readonly DatedKind[], scale: GraphScale): [number, number, number] {
  const filter = (args['filter'] ?? {}) as Record<string, unknown>;
  const actorIds = idsOf(filter[ACTORS_ARG[coordinate]!]);
  const issueIds = idsOf(filter['issueIds']);
  const first = clamp(num(args['first'] ?? args['last'], 50), 1, 200);
  const page = units.perItem * first;
  if (actorIds !== null) {
    const actors = actorIds.length;
    // The actors' own relationships when read for the request (decision 0069), else the hub's.
    const rels = actorRels(coordinate, actorIds, filter, scale.local);
    // The page holds at most the items found (each relationship at most one).
    if (rels !== undefined) return [Math.max(units.index, units.actorSize.base * Math.max(actors, 1) + units.actorSize.perRel * rels), 0, units.perItem * Math.min(first, rels)];
    return [units.perActor * Math.max(actors, 1), growth.actors, page];
  }
  if (issueIds !== null) {
    const issues = issueIds.length;
    // The issues' own size when read for the request (decision 0068), else the largest issue's.
    const concerns = issueConcerns(issueIds, filter, scale.local);
    if (concerns !== undefined) return [Math.max(units.index, units.issueSize.base * Math.max(issues, 1) + units.issueSize.perConcern * concerns), 0, page];
    return [units.perIssue * Math.max(issues, 1), growth.issues, page];
  }
  const filtered = Object.entries(filter).some(([k, v]) => v !== null && v !== undefined && !unfiltering.includes(k));
  if (!filtered) return [units.index, growth.index, page];
  // Other filters (modes, sources, languages, mentions, a stance's kind) read what the range lets through, or every item without one.
  const items = datedItems(kinds, filter, scale);
  if (items === undefined) return [units.dated, growth.dated, page];
  // The page holds at most the items in the range.
  return [Math.max(units.index, units.perDatedItem.read * items.read + units.perDatedItem.inRange * items.inRange), 0, units.perItem * Math.min(first, items.inRange)];
}
/** eventChain: per link of `depth` (the pattern follows only IN_RESPONSE_TO and CAUSED_BY between events); 93 db hits on the seeded graph at depth 3 and 6. */
export const EVENT_CHAIN_UNITS_PER_LINK = 20;
/** search: the full-text query, plus each hit of the page. */
export const SEARCH_UNITS = { scan: 10, perHit: 1 } as const;

/**
 * The work of the field at `coordinate` (`Query.neighbourhood`) with `args` in a graph of
 * `statements` (0: the weights as measured; a GraphScale also says how the dated items spread,
 * for a date range's share), or undefined for a field that is not analytical (its cost is the
 * size of its answer).
 */
export function fieldWork(coordinate: string, args: FieldArgs, statements: number | GraphScale = 0): number | undefined {
  const scale = typeof statements === 'number' ? { statements } : statements;
  const [units, exponent, pageUnits = 0] = baseWork(coordinate, args, scale) ?? [];
  return units === undefined ? undefined : Math.ceil(units * growth(exponent ?? 0, scale.statements) + pageUnits);
}

/** The field's weight as measured at REFERENCE_STATEMENTS, its growth exponent, and the units of its page's items (which do not grow with the graph). */
function baseWork(coordinate: string, args: FieldArgs, scale: GraphScale): [number, number, number?] | undefined {
  switch (coordinate) {
    case 'Query.neighbourhood': {
      const depth = neighbourhoodDepth(args);
      const variant = args['includeProvenance'] === true ? 'provenance' : 'plain';
      // The start node's own size when read for the request (decisions 0068, 0069), else the hub's.
      if (scale.local && typeof args['id'] === 'string') {
        const start = scale.local.degrees[args['id']];
        // A node not found: the read finds nothing (its floor).
        if (!start) return [depth === 1 ? NEIGHBOURHOOD_DEPTH1_UNITS[variant].base : NEIGHBOURHOOD_DEPTH2_UNITS[variant].base, 0];
        return [neighbourhoodFromSizes(depth, variant, start, clamp(num(args['limit'], 100), 1, 500)), 0];
      }
      return [NEIGHBOURHOOD_UNITS[variant][depth]!, GROWTH.neighbourhood[variant][depth]!];
    }
    case 'Query.paths': {
      const hops = clamp(Math.round(num(args['maxHops'], 4)), 1, 8);
      const variant = args['includeProvenance'] === true ? 'provenance' : 'plain';
      return [PATHS_UNITS[variant].base + hops * PATHS_UNITS[variant].perHop, GROWTH.paths[variant]];
    }
    case 'Query.positions':
      const variant = args['includeDerived'] === false ? 'direct' : 'derived';
      return [POSITIONS_UNITS[variant], GROWTH.positions[variant]];
    case 'Query.agreement': {
      const actors = Array.isArray(args['actorIds']) ? clamp(args['actorIds'].length, 2, 10) : 2;
      const units = AGREEMENT_UNITS.base * growth(GROWTH.agreement.base, scale.statements) + actors * AGREEMENT_UNITS.perActor * growth(GROWTH.agreement.perActor, scale.statements);
      return [units, 0];
    }
    case 'Query.timeline':
      return listWork(coordinate, args, TIMELINE_UNITS, GROWTH.timeline, ['kinds', 'includeParts', 'includeSubIssues'], ['events', 'statements', 'stances'], scale);
    case 'Query.statements':
      return listWork(coordinate, args, STATEMENTS_UNITS, GROWTH.statements, ['includeParts', 'includeSubIssues'], ['statements'], scale);
    case 'Query.stances':
      return listWork(coordinate, args, STANCES_UNITS, GROWTH.stances, ['includeParts', 'includeSubIssues'], ['stances'], scale);
    case 'Query.eventChain':
      return [EVENT_CHAIN_UNITS_PER_LINK * clamp(Math.round(num(args['depth'], 3)), 1, 6), GROWTH.eventChain];
    case 'Query.search':
      return [SEARCH_UNITS.scan, GROWTH.search, SEARCH_UNITS.perHit * clamp(num(args['first'], 20), 1, 100)];
    default:
      return undefined;
  }
}
