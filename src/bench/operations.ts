/**
 * The five benchmarked operations, each in three forms over the same data:
 * hand-written Cypher through neo4j-driver (the floor), diplograph's GraphQL
 * API, and @neo4j/graphql where it can express the operation. Start ids are
 * drawn from the synthetic corpus's layout, hubs included.
 */
import neo4j from 'neo4j-driver';
import { agreementParams } from '../graph/agreement-read.js';
import { PROVENANCE_TYPES } from '../graph/paths.js';
import { endOfPeriod } from '../graph/dates.js';
import { actorId, corpusLayout, demandId, type CorpusOptions } from '../synth/corpus-layout.js';
import { Random } from '../synth/random.js';

/** One start point of an operation (ids), and whether it starts at a hub. */
export interface Sample {
  vars: Record<string, string>;
  hub: boolean;
}

/** An operation in its three forms. */
export interface Operation {
  name: string;
  /** diplograph's GraphQL query. */
  graphql: string;
  /** GraphQL variables of a sample (same for both GraphQL servers unless neo4jGraphql says otherwise). */
  variables: (s: Sample) => Record<string, unknown>;
  /** The floor: cypher/<file>.cypher (bench/ for the lookups; the API's own read/ query where no hand-written one could be leaner) and its parameters. */
  floor: { file: string; params: (s: Sample) => Record<string, unknown> };
  /** Today's query where derived data replaced it (issue 18): measured beside the new floor. */
  oldFloor?: { file: string; params: (s: Sample) => Record<string, unknown> };
  /** @neo4j/graphql's query, or why it cannot express the operation. */
  neo4jGraphql: { query: string } | { unsupported: string };
  samples: Sample[];
}

const ACTOR_PROFILE = `query ActorProfile($id: ID!) {
  actor(id: $id) {
    id name kind
    memberships { from { iso } organization { id name } }
    stances(first: 10) { totalCount edges { node { id kind summary date { iso } } } }
    statements(first: 10, role: SPEAKER) { totalCount edges { node { id text said { iso } } } }
    demandsMade(first: 100) { id summary }
  }
}`;

const ACTOR_PROFILE_N4G = `query ActorProfile($id: ID!) {
  actors(where: { id: { eq: $id } }) {
    id name kind
    memberships { from organization { id name } }
    stances(limit: 10, sort: [{ date: DESC }, { id: DESC }]) { id kind summary date }
    stancesConnection { totalCount }
    statements(limit: 10, sort: [{ said: DESC }, { id: DESC }]) { id text said }
    statementsConnection { totalCount }
    demandsMade(limit: 100, sort: [{ since: ASC }, { id: ASC }]) { id summary }
  }
}`;

const DEMAND_THREAD = `query DemandThread($id: ID!) {
  demand(id: $id) {
    id summary since { iso }
    by { id name }
    of { id name }
    responses(first: 100) { id kind date { iso } holder { id name } evidence { id text } }
  }
}`;

const DEMAND_THREAD_N4G = `query DemandThread($id: ID!) {
  demands(where: { id: { eq: $id } }) {
    id summary since
    by { id name }
    of { id name }
    responses(limit: 100, sort: [{ date: ASC }, { id: ASC }]) { id kind date holder { id name } evidence { id text } }
  }
}`;

// The counts and the default page (100) of the positions (decision 0049).
const POSITIONS = `query Positions($id: ID!) {
  positions(demandId: $id) { count counts { kind basis count } positions { actor { id name } kind derived basis reasoning } }
}`;

const AGREEMENT = `query Agreement($a: ID!, $b: ID!) {
  agreement(actorIds: [$a, $b]) { agreeCount disagreeCount topics { verdict topic { id } positions { actor { id } kind derived } } }
}`;

const SHORTEST_PATH = `query ShortestPath($from: ID!, $to: ID!) {
  paths(fromId: $from, toId: $to, maxHops: 4, first: 5) { paths { length nodes { id label } edges { type source target } } }
}`;

/** Picks start points: a quarter at hubs (the big alliance, great powers), the rest across the corpus. */
function sampleIds(opts: CorpusOptions, count: number): { actors: Sample[]; demands: Sample[]; pairs: Sample[]; paths: Sample[] } {
  const l = corpusLayout(opts);
  const rng = Random.for(opts.seed, 0xbe7c);
  const hubs = l.orgs + l.great;
  const actors: Sample[] = [];
  const demands: Sample[] = [];
  const pairs: Sample[] = [];
  const paths: Sample[] = [];
  const anyActor = (): number => (rng.chance(0.5) ? l.orgs + rng.int(l.statesEnd - l.orgs) : l.mediaEnd + rng.int(l.actors - l.mediaEnd));
  const state = (): number => l.orgs + rng.int(l.statesEnd - l.orgs);
  const anyDemand = (): string => {
    const j = 1 + rng.int(l.reports - (l.reports > 1 ? 1 : 0));
    return demandId(j, rng.int(l.demandsPerReport));
  };
  for (let i = 0; i < count; i++) {
    const hub = i % 4 === 0;
    actors.push({ hub, vars: { id: actorId(l, hub ? rng.int(hubs) : anyActor()) } });
    // The first report's demands gather the longest response threads.
    demands.push({ hub, vars: { id: hub ? demandId(1, rng.int(Math.min(l.demandsPerReport, opts.statements))) : anyDemand() } });
    pairs.push({ hub, vars: hub ? { a: actorId(l, 0), b: actorId(l, l.orgs + rng.int(l.great)) } : { a: actorId(l, state()), b: actorId(l, state()) } });
    paths.push({ hub, vars: hub ? { from: actorId(l, 0), to: actorId(l, 1 + rng.int(hubs - 1)) } : { from: actorId(l, anyActor()), to: actorId(l, anyActor()) } });
  }
  for (const p of [...pairs, ...paths]) {
    const [x, y] = Object.keys(p.vars) as [string, string];
    if (p.vars[x] === p.vars[y]) p.vars[y] = actorId(l, p.vars[x] === actorId(l, 0) ? 1 : 0);
  }
  return { actors, demands, pairs, paths };
}

/** The five operations with start points for a corpus. */
export function benchOperations(opts: CorpusOptions, samples: number): Operation[] {
  const s = sampleIds(opts, samples);
  const asOf = endOfPeriod(null);
  return [
    {
      name: 'actor profile',
      graphql: ACTOR_PROFILE,
      variables: (x) => x.vars,
      floor: { file: 'bench/actor-profile', params: (x) => x.vars },
      neo4jGraphql: { query: ACTOR_PROFILE_N4G },
      samples: s.actors,
    },
    {
      name: 'demand thread',
      graphql: DEMAND_THREAD,
      variables: (x) => x.vars,
      floor: { file: 'bench/demand-thread', params: (x) => x.vars },
      neo4jGraphql: { query: DEMAND_THREAD_N4G },
      samples: s.demands,
    },
    {
      name: 'positions (inherited)',
      graphql: POSITIONS,
      variables: (x) => x.vars,
      floor: {
        file: 'read/positions-page',
        params: (x) => ({ targetIds: [x.vars.id], asOf, includeDerived: true, attestation: null, bases: null, offset: neo4j.int(0), first: neo4j.int(100) }),
      },
      oldFloor: { file: 'bench/positions-expanded', params: (x) => ({ targetIds: [x.vars.id], asOf, includeDerived: true }) },
      neo4jGraphql: {
        unsupported:
          'inherited positions need a membership valid on a date and the absence of the member\'s own stance (negation over a path); @neo4j/graphql filters cannot express it, only an @cypher field holding the floor query',
      },
      samples: s.demands,
    },
    {
      name: 'agreement of two actors',
      graphql: AGREEMENT,
      variables: (x) => x.vars,
      // What the API runs: every topic counted in the query, the 100 of a first page per verdict sent (decisions 0048, 0057).
      floor: { file: 'read/agreement', params: (x) => agreementParams([x.vars.a!, x.vars.b!], asOf, null, 100) },
      oldFloor: { file: 'bench/actor-positions-expanded', params: (x) => ({ actorIds: [x.vars.a, x.vars.b], asOf, issueIds: null }) },
      neo4jGraphql: { unsupported: 'grouping two actors\' stated and inherited positions by topic is not a read @neo4j/graphql generates; only @cypher could' },
      samples: s.pairs,
    },
    {
      name: 'shortest path',
      graphql: SHORTEST_PATH,
      variables: (x) => x.vars,
      floor: {
        file: 'read/shortest-paths',
        params: (x) => ({ fromId: x.vars.from, toId: x.vars.to, maxHops: neo4j.int(4), first: neo4j.int(5), excluded: PROVENANCE_TYPES }),
      },
      neo4jGraphql: { unsupported: '@neo4j/graphql has no shortest-path query; only @cypher could' },
      samples: s.paths,
    },
  ];
}
