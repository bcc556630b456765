// The old floor (issue 18, decision 0062): cypher/read/statements.cypher as it was before its read started from
// its filters, kept to measure and to test the new read against (test/graph/timeline-from-filter.int.test.ts).
// It scans every item and tests the filters on each. Same $params and RETURN as the read.
// Statements across speakers, filtered, in date order (Query.statements, issue 16). An
// item falls in the range when its period (said to saidEnd) overlaps it. The sort key
// is [start, end, id]; a page starts after $after in the reading direction
// (docs/decisions/0034), and DESC is exactly ASC reversed. Roll-ups (sub-issues,
// parts of actors) are expanded into the id lists before (rollup-ids.cypher).
// $params: speakerIds (said by or on behalf of any, or null), speakerRole ('SPEAKER', 'ON_BEHALF_OF' or 'ANY':
//          which link to speakerIds counts), modes (or null), issueIds (or null),
//          sourceIds (reported in, relayed by, or rendered by a report on the page; or null),
//          languages (the statement's or a report's language; or null), mentions (actor id or null),
//          from (Date or null), to (Date or null), after (sort key, its dates as Dates, or null),
//          desc (boolean: the reading direction), limit
// RETURN: total, items (list of {props, label, key})
// Two passes (issue 18), as read/timeline.cypher: a count, and the page as a top-k sort;
// collecting every statement needed more than the 1 GiB transaction memory at 10^6. Keep the two filters equal.
CALL () {
  MATCH (s:Statement)
  WHERE ($speakerIds IS NULL
      OR ($speakerRole <> 'ON_BEHALF_OF' AND EXISTS { (s)<-[:SAID]-(a:Actor) WHERE a.id IN $speakerIds })
      OR ($speakerRole <> 'SPEAKER' AND EXISTS { (s)-[:ON_BEHALF_OF]->(a:Actor) WHERE a.id IN $speakerIds }))
    AND ($modes IS NULL OR s.mode IN $modes)
    AND ($issueIds IS NULL OR EXISTS { (s)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    AND ($sourceIds IS NULL
      OR EXISTS { (s)-[:REPORTED_IN|RELAYED_BY]->(src:Source) WHERE src.id IN $sourceIds }
      OR EXISTS { (s)<-[:REPORTS]-(:Report)-[:REPORTED_IN|RELAYED_BY]->(src:Source) WHERE src.id IN $sourceIds })
    AND ($languages IS NULL OR s.language IN $languages
      OR EXISTS { (s)<-[:REPORTS]-(r:Report) WHERE r.language IN $languages })
    AND ($mentions IS NULL OR EXISTS { (s)-[:MENTIONS]->(:Actor {id: $mentions}) })
    AND ($from IS NULL OR s.saidEnd >= $from) AND ($to IS NULL OR s.said <= $to)
  RETURN count(*) AS total
}
CALL () {
  MATCH (s:Statement)
  WHERE ($speakerIds IS NULL
      OR ($speakerRole <> 'ON_BEHALF_OF' AND EXISTS { (s)<-[:SAID]-(a:Actor) WHERE a.id IN $speakerIds })
      OR ($speakerRole <> 'SPEAKER' AND EXISTS { (s)-[:ON_BEHALF_OF]->(a:Actor) WHERE a.id IN $speakerIds }))
    AND ($modes IS NULL OR s.mode IN $modes)
    AND ($issueIds IS NULL OR EXISTS { (s)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    AND ($sourceIds IS NULL
      OR EXISTS { (s)-[:REPORTED_IN|RELAYED_BY]->(src:Source) WHERE src.id IN $sourceIds }
      OR EXISTS { (s)<-[:REPORTS]-(:Report)-[:REPORTED_IN|RELAYED_BY]->(src:Source) WHERE src.id IN $sourceIds })
    AND ($languages IS NULL OR s.language IN $languages
      OR EXISTS { (s)<-[:REPORTS]-(r:Report) WHERE r.language IN $languages })
    AND ($mentions IS NULL OR EXISTS { (s)-[:MENTIONS]->(:Actor {id: $mentions}) })
    AND ($from IS NULL OR s.saidEnd >= $from) AND ($to IS NULL OR s.said <= $to)
  WITH s, [coalesce(s.said, date('9999-12-31')), coalesce(s.saidEnd, date('9999-12-31')), s.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  WITH s, key
  ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect({item: s, key: key}) AS page
}
RETURN total, [r IN page | {props: properties(r.item), label: 'Statement', key: r.key}] AS items
