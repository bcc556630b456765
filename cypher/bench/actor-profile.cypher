// Benchmark floor: an actor's profile in one hand-written query, the same
// data as diplograph's `actor { memberships stances(first: 10)
// statements(first: 10, role: SPEAKER) demandsMade(first: 100) }`.
// Newest first, ties by id descending: diplograph's descending order is its ascending one reversed (docs/decisions/0034).
// $params: id
// RETURN: actor (map)
MATCH (a:Actor {id: $id})
RETURN a {
  .id, .name, .kind,
  memberships: [(a)-[:HAS_MEMBERSHIP]->(m:Membership)-[:MEMBERSHIP_IN]->(o:Actor) | {from: m.from, organization: o {.id, .name}}],
  stances: COLLECT { MATCH (a)-[:TOOK]->(s:Stance) RETURN s {.id, .kind, .summary, .date} ORDER BY s.date DESC, s.id DESC LIMIT 10 },
  stanceCount: COUNT { (a)-[:TOOK]->(:Stance) },
  statements: COLLECT { MATCH (a)-[:SAID]->(s:Statement) RETURN s {.id, .text, .said} ORDER BY s.said DESC, s.id DESC LIMIT 10 },
  statementCount: COUNT { (a)-[:SAID]->(:Statement) },
  // WITH before ORDER BY: after `RETURN d {...}` the name d is the map, which has no since.
  demandsMade: COLLECT { MATCH (a)-[:MADE_DEMAND]->(d:Demand) WITH d ORDER BY d.since, d.id LIMIT 100 RETURN d {.id, .summary} }
} AS actor
