// What the operation cost limit weighs a neighbourhood at depth 2 and an issue filter by
// (decision 0068): read per request, before the estimate, only for the requests that have
// them (src/graphql/graph-size.ts: readLocalSizes). A count of one node's relationships with
// no label on the far end (COUNT { (c)--() }) is read from Neo4j's degree store on a dense
// node, by walking the relationships of a sparse one (at most 50).
// degrees: each start node's relationships, and the relationships of the Entity neighbours its
// first $sample relationships reach (`around`; `aroundPlain`, those reached by a relationship that
// is not in $excluded): read/neighbourhood at depth 2 goes through every relationship of the start
// node and of each neighbour. Exact up to $sample relationships (about 4 db hits each); past it
// src/graphql/field-work.ts scales the sample up by degree / sampled, and the plain part adds
// the graph's mean degree for each plain relationship not sampled (a dense node keeps its
// relationships by type: the first ones read can all be of one kind, and reach larger nodes).
// issues: each issue's CONCERNS relationships (the statements, stances, events and demands
// about it), its own and its sub-issues' (read/timeline, statements, stances start from them).
// $params: entityIds (list), issueIds (list), excluded (the relationship types a plain neighbourhood leaves out), sample (an integer)
// RETURN: degrees (list of [id, degree, plainDegree, sampled, sampledPlain, around, aroundPlain]), issues (list of [id, own, subIssues]), meanDegree
CALL () {
  UNWIND $entityIds AS id
  MATCH (c:Entity {id: id})
  CALL (c) {
    MATCH (c)-[r]-(x)
    WITH r, x LIMIT $sample
    WITH x, count(r) AS rels, sum(CASE WHEN type(r) IN $excluded THEN 0 ELSE 1 END) AS plainRels
    WITH rels, plainRels, CASE WHEN x:Entity THEN COUNT { (x)--() } ELSE 0 END AS degree
    RETURN sum(rels) AS sampled, sum(plainRels) AS sampledPlain, sum(degree) AS around,
      sum(CASE WHEN plainRels > 0 THEN degree ELSE 0 END) AS aroundPlain
  }
  // The relationships a plain neighbourhood follows: all but provenance (src/graph/paths.ts:
  // PROVENANCE_TYPES, the same list as $excluded), counted by type from the degree store.
  WITH id, c, sampled, sampledPlain, around, aroundPlain, COUNT { (c)--() } AS degree,
    COUNT { (c)-[:SOURCED_FROM|REPORTED_IN|RELAYED_BY|MENTIONS|CITES|PUBLISHED_BY|EVIDENCED_BY|CLAIM_OF|CLAIMED_IN]-() } AS provenance
  RETURN collect([id, degree, degree - provenance, sampled, sampledPlain, around, aroundPlain]) AS degrees
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
// The graph's mean degree (count store): what a plain relationship not sampled is taken to reach.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN degrees, issues, CASE WHEN nodes = 0 THEN 0.0 ELSE 2.0 * relationships / nodes END AS meanDegree
