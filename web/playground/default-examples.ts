/**
 * The playground's examples while docs/queries holds no .graphql file. Each runs as is:
 * its variables have defaults.
 */

/** One example: a tab in GraphiQL and an entry of the Examples list. */
export interface Example {
  name: string;
  query: string;
  variables?: string;
}

/** Used only while docs/queries holds no .graphql file. */
export const defaultExamples: readonly Example[] = [
  {
    name: 'search',
    query: `# Full-text search across everything, in English or Indonesian.
query Search($text: String! = "Rusia") {
  search(text: $text, first: 10) {
    totalCount
    edges { kind score matchedText node { id label } }
  }
}
`,
  },
  {
    name: 'demand-thread',
    query: `# A demand, its standing and every response with its quotes.
query DemandThread($id: ID! = "demand-nato-stop-enlargement") {
  demand(id: $id) {
    summary
    summaryId
    since { iso }
    by { label }
    of { label }
    status { state counts { kind direct derived } }
    responses {
      kind
      date { iso }
      holder { label }
      evidence { text gloss speaker { label } source { title } }
    }
  }
}
`,
  },
  {
    name: 'positions',
    query: `# Every actor's position on a demand; member states inherit NATO's.
query Positions($demandId: ID = "demand-nato-stop-enlargement") {
  positions(demandId: $demandId) {
    asOf
    positions { actor { label } kind derived reasoning }
  }
}
`,
  },
  {
    name: 'paths',
    query: `# How two people are connected.
query Paths($from: ID! = "jens-stoltenberg", $to: ID! = "alexander-grushko") {
  paths(fromId: $from, toId: $to) {
    paths { length nodes { label kind } edges { type } }
  }
}
`,
  },
  {
    name: 'timeline',
    query: `# What Russia said and did, in time order.
query Timeline {
  timeline(filter: { actorIds: ["russia"] }, first: 20) {
    totalCount
    edges { node { kind date { iso } title } }
  }
}
`,
  },
];
