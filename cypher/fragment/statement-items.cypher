// The statements of read/statements (decision 0062): read from the filter the caller chose
// to start at (src/graph/fact-lists.ts sets one of $startActorIds, $startIssueIds,
// $startFrom, $startTo and leaves the others null: a seek on a null finds nothing), then
// tested on the other filters as the old scan tested every statement
// (cypher/bench/statements-scan.cypher), so the statements are the same. The speakers'
// statements are those of the speaker filter; the issues are a start only without speakers,
// a date index only without either. Each statement once (said by one of the speakers on
// behalf of another is found twice).
// Included by INCLUDE (src/neo4j/cypher.ts) as a whole CALL, twice by read/statements; not runnable alone.
// Out: s (one row a statement that passes every filter)
CALL () {
  MATCH (a:Actor) USING INDEX a:Actor(id) WHERE a.id IN $startActorIds
  CALL (a) {
    MATCH (a)-[:SAID]->(s:Statement) WHERE $speakerRole <> 'ON_BEHALF_OF' RETURN s
    UNION ALL
    MATCH (a)<-[:ON_BEHALF_OF]-(s:Statement) WHERE $speakerRole <> 'SPEAKER' RETURN s
  }
  WITH DISTINCT s
  WHERE $issueIds IS NULL OR EXISTS { (s)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds }
  RETURN s
  UNION ALL
  MATCH (i:Issue) USING INDEX i:Issue(id) WHERE i.id IN $startIssueIds
  MATCH (i)<-[:CONCERNS]-(s:Statement)
  WITH DISTINCT s
  RETURN s
  UNION ALL
  // A range's start: the end-date index up to $startUntil (the last end an item starting by the
  // range's end can have: its year's last day; decision 0066).
  MATCH (s:Statement) WHERE s.saidEnd >= $startFrom AND s.saidEnd <= $startUntil RETURN s
  UNION ALL
  MATCH (s:Statement) WHERE s.said <= $startTo RETURN s
}
WITH s
WHERE ($modes IS NULL OR s.mode IN $modes)
  AND ($sourceIds IS NULL
    OR EXISTS { (s)-[:REPORTED_IN|RELAYED_BY]->(src:Source) WHERE src.id IN $sourceIds }
    OR EXISTS { (s)<-[:REPORTS]-(:Report)-[:REPORTED_IN|RELAYED_BY]->(src:Source) WHERE src.id IN $sourceIds })
  AND ($languages IS NULL OR s.language IN $languages
    OR EXISTS { (s)<-[:REPORTS]-(r:Report) WHERE r.language IN $languages })
  AND ($mentions IS NULL OR EXISTS { (s)-[:MENTIONS]->(:Actor {id: $mentions}) })
  AND ($from IS NULL OR s.saidEnd >= $from) AND ($to IS NULL OR s.said <= $to)
