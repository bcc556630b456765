// The stances of read/stances (decision 0062): read from the filter the caller chose to
// start at (src/graph/fact-lists.ts sets one of $startActorIds, $startIssueIds, $startFrom,
// $startTo and leaves the others null: a seek on a null finds nothing), then tested on the
// other filters as the old scan tested every stance (cypher/bench/stances-scan.cypher), so
// the stances are the same. The holders' stances are those of the holder filter; the issues
// (concerned directly or through the demand responded to) are a start only without holders,
// a date index only without either. Each stance once.
// Included by INCLUDE (src/neo4j/cypher.ts) as a whole CALL, twice by read/stances; not runnable alone.
// Out: st (one row a stance that passes every filter)
CALL () {
  MATCH (a:Actor) USING INDEX a:Actor(id) WHERE a.id IN $startActorIds
  MATCH (a)-[:TOOK]->(st:Stance)
  WITH DISTINCT st
  WHERE $issueIds IS NULL
    OR EXISTS { (st)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds }
    OR EXISTS { (st)-[:RESPONDS_TO]->(:Demand)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds }
  RETURN st
  UNION ALL
  MATCH (i:Issue) USING INDEX i:Issue(id) WHERE i.id IN $startIssueIds
  CALL (i) {
    MATCH (i)<-[:CONCERNS]-(st:Stance) RETURN st
    UNION ALL
    MATCH (i)<-[:CONCERNS]-(:Demand)<-[:RESPONDS_TO]-(st:Stance) RETURN st
  }
  WITH DISTINCT st
  RETURN st
  UNION ALL
  // A range's start: the end-date index up to $startUntil (the last end an item starting by the
  // range's end can have: its year's last day; decision 0066).
  MATCH (st:Stance) WHERE st.dateEnd >= $startFrom AND st.dateEnd <= $startUntil RETURN st
  UNION ALL
  MATCH (st:Stance) WHERE st.date <= $startTo RETURN st
}
WITH st
WHERE ($kinds IS NULL OR st.kind IN $kinds)
  AND ($sourceIds IS NULL
    OR EXISTS { (st)-[:SOURCED_FROM]->(src:Source) WHERE src.id IN $sourceIds }
    OR EXISTS { (st)<-[:REPORTS]-(:Report)-[:REPORTED_IN|RELAYED_BY]->(src:Source) WHERE src.id IN $sourceIds })
  AND ($languages IS NULL
    OR EXISTS { (st)-[:EVIDENCED_BY]->(q:Statement) WHERE q.language IN $languages }
    OR EXISTS { (st)<-[:REPORTS]-(r:Report) WHERE r.language IN $languages })
  AND ($towards IS NULL OR EXISTS { (st)-[:TOWARDS]->(:Actor {id: $towards}) })
  AND ($from IS NULL OR st.dateEnd >= $from) AND ($to IS NULL OR st.date <= $to)
