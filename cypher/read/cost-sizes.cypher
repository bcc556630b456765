// What the operation cost limit weighs a neighbourhood (decision 0068 at depth 2, 0069 at depths
// 1 and 3), an issue filter (0068) and an actor filter (0069) by: read per request, before the
// estimate, only for the requests that have them (src/graphql/graph-size.ts: readLocalSizes). A count of one node's relationships with
// no label on the far end (COUNT { (c)--() }) is read from Neo4j's degree store on a dense
// node, by walking the relationships of a sparse one (at most 50).
// degrees: each start node's relationships, and the relationships of the Entity neighbours its
// first $sample relationships reach (`around`; `aroundPlain`, those reached by a relationship that
// is not in $excluded): read/neighbourhood at depth 2 goes through every relationship of the start
// node and of each neighbour. Exact up to $sample relationships (about 4 db hits each); past it
// src/graphql/field-work.ts scales the sample up by degree / sampled, and the plain part adds
// the graph's mean degree for each plain relationship not sampled (a dense node keeps its
// relationships by type: the first ones read can all be of one kind, and reach larger nodes).
// `neighbours` and `neighboursPlain`: the distinct Entity neighbours those sampled relationships
// reach; `aroundOut` and `aroundOutPlain`, their outgoing relationships (the kept nodes' relationships
// among them are read outgoing); `outDegree`, the start node's; `keptOut` and `keptOutPlain`, those of
// the first $kept of them by id (the nodes a depth 1 keeps). `hop2` and `reach` (`hop2Plain`,
// `reachPlain`): the second hop, sampled (at most $hop2 relationships; see the subquery).
// issues: each issue's CONCERNS relationships (the statements, stances, events and demands
// about it), its own and its sub-issues' (read/timeline, statements, stances start from them).
// actors: each actor's relationships an actor filter's read starts from (cypher/fragment/
// timeline-items, statement-items, stance-items): events it PARTICIPATED_IN or is CLAIMED_BY,
// statements it SAID or that were said ON_BEHALF_OF it, stances it TOOK; its own and its parts'
// (PART_OF at any depth, which includeParts adds). Degree store, by type and direction.
// $params: entityIds (list), issueIds (list), actorIds (list), excluded (the relationship types a plain neighbourhood leaves out), sample, kept, hop2 (integers)
// RETURN: degrees (list of maps: id and the counts named above, with degree, plainDegree),
//         issues (list of [id, own, subIssues]), actors (list of [id, events, said, onBehalfOf, took, and the same four of its parts]),
//         meanDegree, relationships (the graph's, count store)
CALL () {
  UNWIND $entityIds AS id
  MATCH (c:Entity {id: id})
  CALL (c) {
    MATCH (c)-[r]-(x)
    WITH r, x LIMIT $sample
    WITH x, count(r) AS rels, sum(CASE WHEN type(r) IN $excluded THEN 0 ELSE 1 END) AS plainRels
    WITH rels, plainRels, CASE WHEN x:Entity THEN COUNT { (x)--() } ELSE 0 END AS degree, CASE WHEN x:Entity THEN COUNT { (x)-->() } ELSE 0 END AS out
    RETURN sum(rels) AS sampled, sum(plainRels) AS sampledPlain, sum(degree) AS around,
      sum(CASE WHEN plainRels > 0 THEN degree ELSE 0 END) AS aroundPlain,
      sum(out) AS aroundOut, sum(CASE WHEN plainRels > 0 THEN out ELSE 0 END) AS aroundOutPlain,
      sum(CASE WHEN degree > 0 THEN 1 ELSE 0 END) AS neighbours,
      sum(CASE WHEN degree > 0 AND plainRels > 0 THEN 1 ELSE 0 END) AS neighboursPlain
  }
  // The neighbours a depth 1 keeps (at most $kept, by id: read/neighbourhood's order) among those
  // the first $sample relationships reach, and their outgoing relationships (read from each kept node).
  CALL (c) {
    MATCH (c)-[r]-(x)
    WITH r, x LIMIT $sample
    WITH DISTINCT x WHERE x:Entity AND x <> c
    WITH x ORDER BY x.id LIMIT $kept
    RETURN sum(COUNT { (x)-->() }) AS keptOut
  }
  CALL (c) {
    MATCH (c)-[r]-(x)
    WITH r, x LIMIT $sample
    WITH r, x WHERE x:Entity AND x <> c AND NOT type(r) IN $excluded
    WITH DISTINCT x
    WITH x ORDER BY x.id LIMIT $kept
    RETURN sum(COUNT { (x)-->() }) AS keptOutPlain
  }
  // The second hop (depth 3's third hop expands every relationship of the nodes it reaches): from
  // the neighbours the first $sample relationships reach, their first $hop2 relationships to other
  // Entity nodes, and the relationships of the distinct nodes those reach; plain, through
  // relationships not in $excluded only (a dense node's first relationships can all be provenance:
  // the sample bounds the read, field-work.ts scales it up).
  CALL (c) {
    MATCH (c)-[r1]-(x1)
    WITH r1, x1 LIMIT $sample
    WITH DISTINCT x1 WHERE x1:Entity AND x1 <> c
    MATCH (x1)-[]-(x2:Entity) WHERE x2 <> c
    WITH x2 LIMIT $hop2
    WITH x2, count(*) AS rels
    RETURN sum(rels) AS hop2, sum(COUNT { (x2)--() }) AS reach
  }
  CALL (c) {
    MATCH (c)-[r1]-(x1)
    WITH r1, x1 LIMIT $sample
    WITH r1, x1 WHERE x1:Entity AND x1 <> c AND NOT type(r1) IN $excluded
    WITH DISTINCT x1
    MATCH (x1)-[r2]-(x2:Entity) WHERE x2 <> c AND NOT type(r2) IN $excluded
    WITH x2 LIMIT $hop2
    WITH x2, count(*) AS rels
    RETURN sum(rels) AS hop2Plain, sum(COUNT { (x2)--() }) AS reachPlain
  }
  // The relationships a plain neighbourhood follows: all but provenance (src/graph/paths.ts:
  // PROVENANCE_TYPES, the same list as $excluded), counted by type from the degree store.
  WITH id, c, sampled, sampledPlain, around, aroundPlain, aroundOut, aroundOutPlain, neighbours, neighboursPlain, keptOut, keptOutPlain, hop2, reach, hop2Plain, reachPlain,
    COUNT { (c)--() } AS degree, COUNT { (c)-->() } AS outDegree,
    COUNT { (c)-[:SOURCED_FROM|REPORTED_IN|RELAYED_BY|MENTIONS|CITES|PUBLISHED_BY|EVIDENCED_BY|CLAIM_OF|CLAIMED_IN]-() } AS provenance
  RETURN collect({id: id, degree: degree, plainDegree: degree - provenance, outDegree: outDegree, sampled: sampled, sampledPlain: sampledPlain,
    around: around, aroundPlain: aroundPlain, aroundOut: aroundOut, aroundOutPlain: aroundOutPlain, neighbours: neighbours, neighboursPlain: neighboursPlain,
    keptOut: keptOut, keptOutPlain: keptOutPlain,
    hop2: hop2, reach: reach, hop2Plain: hop2Plain, reachPlain: reachPlain}) AS degrees
}
CALL () {
  UNWIND $issueIds AS id
  MATCH (i:Issue {id: id})
  CALL (i) {
    OPTIONAL MATCH (i)<-[:SUBISSUE_OF*1..10]-(sub:Issue)
    WITH DISTINCT sub
    RETURN sum(CASE WHEN sub IS NULL THEN 0 ELSE COUNT { (sub)<-[:CONCERNS]-() } END) AS subIssues
  }
  RETURN collect([id, COUNT { (i)<-[:CONCERNS]-() }, subIssues]) AS issues
}
CALL () {
  UNWIND $actorIds AS id
  MATCH (a:Actor {id: id})
  CALL (a) {
    OPTIONAL MATCH (a)<-[:PART_OF*1..10]-(part:Actor)
    WITH DISTINCT part WHERE part IS NOT NULL
    RETURN sum(COUNT { (part)-[:PARTICIPATED_IN]->() } + COUNT { (part)<-[:CLAIMED_BY]-() }) AS events,
      sum(COUNT { (part)-[:SAID]->() }) AS said, sum(COUNT { (part)<-[:ON_BEHALF_OF]-() }) AS onBehalfOf,
      sum(COUNT { (part)-[:TOOK]->() }) AS took
  }
  RETURN collect([id, COUNT { (a)-[:PARTICIPATED_IN]->() } + COUNT { (a)<-[:CLAIMED_BY]-() }, COUNT { (a)-[:SAID]->() },
    COUNT { (a)<-[:ON_BEHALF_OF]-() }, COUNT { (a)-[:TOOK]->() }, events, said, onBehalfOf, took]) AS actors
}
// The graph's mean degree (count store): what a plain relationship not sampled is taken to reach.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN degrees, issues, actors, CASE WHEN nodes = 0 THEN 0.0 ELSE 2.0 * relationships / nodes END AS meanDegree, relationships
