// The timeline's items (decision 0062): read from the filter the caller chose to start at
// (src/graph/lists.ts sets one of $startActorIds, $startIssueIds, $startFrom, $startTo and leaves the
// others null: a seek on a null finds nothing). What the start reads is what its filter
// lets through in the old scan (cypher/bench/timeline-scan.cypher): the actors' items
// are the items of those actors, tested then on the issues; the issues are a start only
// without actors, and the date index only without either; the range and kinds are tested
// on every item. Each item once: an event two of the actors took part in is found twice,
// so the actors' and the issues' items are made distinct; the date index finds each once.
// Included by INCLUDE (src/neo4j/cypher.ts) as a whole CALL, twice by read/timeline; not runnable alone.
// In scope: $startActorIds, $startIssueIds, $startFrom, $startUntil, $startTo, $kinds, $actorIds, $issueIds, $from, $to
// Out: item, kind, start, end (one row an item, within the range)
CALL () {
  CALL () {
    MATCH (a:Actor) USING INDEX a:Actor(id) WHERE a.id IN $startActorIds
    CALL (a) {
      MATCH (a)-[:PARTICIPATED_IN]->(e:Event) RETURN e AS item, 'EVENT' AS kind
      UNION ALL
      MATCH (a)<-[:CLAIMED_BY]-(e:Event) RETURN e AS item, 'EVENT' AS kind
      UNION ALL
      MATCH (a)-[:SAID]->(s:Statement) RETURN s AS item, 'STATEMENT' AS kind
      UNION ALL
      MATCH (a)<-[:ON_BEHALF_OF]-(s:Statement) RETURN s AS item, 'STATEMENT' AS kind
      UNION ALL
      MATCH (a)-[:TOOK]->(st:Stance) RETURN st AS item, 'STANCE' AS kind
    }
    WITH DISTINCT item, kind
    WHERE $issueIds IS NULL OR EXISTS { (item)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds }
      OR (kind = 'STANCE' AND EXISTS { (item)-[:RESPONDS_TO]->(:Demand)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    RETURN item, kind
    UNION ALL
    MATCH (i:Issue) USING INDEX i:Issue(id) WHERE i.id IN $startIssueIds
    CALL (i) {
      MATCH (i)<-[:CONCERNS]-(x:Event|Statement|Stance)
      RETURN x AS item, CASE WHEN x:Event THEN 'EVENT' WHEN x:Statement THEN 'STATEMENT' ELSE 'STANCE' END AS kind
      UNION ALL
      MATCH (i)<-[:CONCERNS]-(:Demand)<-[:RESPONDS_TO]-(st:Stance) RETURN st AS item, 'STANCE' AS kind
    }
    RETURN DISTINCT item, kind
  }
  RETURN item, kind
  UNION ALL
  // The date range: from the end-date index when it has a start (up to $startUntil, the last end an
  // item starting by the range's end can have), else from the start-date index (events have only
  // the latter, read up to the range's end; their end is until's or the date's).
  MATCH (e:Event) WHERE e.date <= CASE WHEN $startFrom IS NOT NULL OR $startTo IS NOT NULL THEN coalesce($to, date('9999-12-31')) END
  RETURN e AS item, 'EVENT' AS kind
  UNION ALL
  MATCH (s:Statement) WHERE s.saidEnd >= $startFrom AND s.saidEnd <= $startUntil RETURN s AS item, 'STATEMENT' AS kind
  UNION ALL
  MATCH (s:Statement) WHERE s.said <= $startTo RETURN s AS item, 'STATEMENT' AS kind
  UNION ALL
  MATCH (st:Stance) WHERE st.dateEnd >= $startFrom AND st.dateEnd <= $startUntil RETURN st AS item, 'STANCE' AS kind
  UNION ALL
  MATCH (st:Stance) WHERE st.date <= $startTo RETURN st AS item, 'STANCE' AS kind
}
WITH item, kind WHERE kind IN $kinds
WITH item, kind,
  CASE kind WHEN 'STATEMENT' THEN item.said ELSE item.date END AS start,
  CASE kind WHEN 'EVENT' THEN coalesce(item.untilEnd, item.dateEnd) WHEN 'STATEMENT' THEN item.saidEnd ELSE item.dateEnd END AS end
WHERE ($from IS NULL OR end >= $from) AND ($to IS NULL OR start <= $to)
