// The renderings of facts (issue 16, docs/decisions/0036 §6): each report of a fact,
// and a statement's own text, with the page, its language and the chain's origin
// (the first outlet it came through, else the page itself).
// $params: ids (list of fact ids)
// RETURN: from, props (the source's properties), label, language, origin
UNWIND $ids AS id
MATCH (f:Entity {id: id})
CALL (f) {
  MATCH (r:Report)-[:REPORTS]->(f)
  MATCH (r)-[:REPORTED_IN]->(s:Source)
  OPTIONAL MATCH (r)-[:RELAYED_BY {hop: 1}]->(first:Source)
  RETURN s, r.language AS language, coalesce(first.id, s.id) AS origin
  UNION
  MATCH (f:Statement)-[:REPORTED_IN]->(s:Source)
  OPTIONAL MATCH (f)-[:RELAYED_BY {hop: 1}]->(first:Source)
  RETURN s, f.language AS language, coalesce(first.id, s.id) AS origin
}
RETURN id AS from, properties(s) AS props, 'Source' AS label, language, origin
ORDER BY s.published, s.id
