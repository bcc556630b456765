// The old floor (issue 18, decision 0062): cypher/read/timeline.cypher as it was before its read started from
// its filters, kept to measure and to test the new read against (test/graph/timeline-from-filter.int.test.ts).
// It scans every item and tests the filters on each. Same $params and RETURN as the read.
// Events, statements and stances in time order. An item falls in the range
// when its period (start to end, by its precision) overlaps the range.
// The sort key is [start, end, id] (a missing date as 9999-12-31: last ascending, as Neo4j puts nulls); a page starts after
// $after in the reading direction (docs/decisions/0034), so items written before a
// page boundary do not move it, and DESC is exactly ASC reversed.
// $params: kinds (list of 'EVENT'|'STATEMENT'|'STANCE'), actorIds (or null), issueIds (or null),
//          from (Date or null), to (Date or null), after (sort key, its dates as Dates, or null),
//          desc (boolean: the reading direction), limit
// RETURN: total, items (list of {props, label, kind, key})
// Two passes over the same items (issue 18): a count, and the page as a top-k sort (ORDER BY
// ... LIMIT keeps only $limit rows). Collecting every item to count and slice them needed
// more than the 1 GiB transaction memory at 10^6 statements. Keep the two item lists equal.
// UNION ALL: the three kinds are different nodes, and UNION's distinct set of every item took
// 377 MB at 10^6 (PROFILE's GlobalMemory; 69 KB with UNION ALL, same total and page, decision 0059).
CALL () {
  CALL () {
    MATCH (e:Event) WHERE 'EVENT' IN $kinds
      AND ($actorIds IS NULL
        OR EXISTS { (e)<-[:PARTICIPATED_IN]-(a:Actor) WHERE a.id IN $actorIds }
        OR EXISTS { (e)-[:CLAIMED_BY]->(a:Actor) WHERE a.id IN $actorIds })
      AND ($issueIds IS NULL OR EXISTS { (e)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    RETURN e AS item, 'EVENT' AS kind, e.date AS start, coalesce(e.untilEnd, e.dateEnd) AS end
    UNION ALL
    MATCH (s:Statement) WHERE 'STATEMENT' IN $kinds
      AND ($actorIds IS NULL
        OR EXISTS { (s)<-[:SAID]-(a:Actor) WHERE a.id IN $actorIds }
        OR EXISTS { (s)-[:ON_BEHALF_OF]->(a:Actor) WHERE a.id IN $actorIds })
      AND ($issueIds IS NULL OR EXISTS { (s)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    RETURN s AS item, 'STATEMENT' AS kind, s.said AS start, s.saidEnd AS end
    UNION ALL
    MATCH (st:Stance) WHERE 'STANCE' IN $kinds
      AND ($actorIds IS NULL OR EXISTS { (st)<-[:TOOK]-(a:Actor) WHERE a.id IN $actorIds })
      AND ($issueIds IS NULL
        OR EXISTS { (st)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds }
        OR EXISTS { (st)-[:RESPONDS_TO]->(:Demand)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    RETURN st AS item, 'STANCE' AS kind, st.date AS start, st.dateEnd AS end
  }
  WITH kind, start, end
  WHERE ($from IS NULL OR end >= $from) AND ($to IS NULL OR start <= $to)
  RETURN count(*) AS total
}
CALL () {
  CALL () {
    MATCH (e:Event) WHERE 'EVENT' IN $kinds
      AND ($actorIds IS NULL
        OR EXISTS { (e)<-[:PARTICIPATED_IN]-(a:Actor) WHERE a.id IN $actorIds }
        OR EXISTS { (e)-[:CLAIMED_BY]->(a:Actor) WHERE a.id IN $actorIds })
      AND ($issueIds IS NULL OR EXISTS { (e)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    RETURN e AS item, 'EVENT' AS kind, e.date AS start, coalesce(e.untilEnd, e.dateEnd) AS end
    UNION ALL
    MATCH (s:Statement) WHERE 'STATEMENT' IN $kinds
      AND ($actorIds IS NULL
        OR EXISTS { (s)<-[:SAID]-(a:Actor) WHERE a.id IN $actorIds }
        OR EXISTS { (s)-[:ON_BEHALF_OF]->(a:Actor) WHERE a.id IN $actorIds })
      AND ($issueIds IS NULL OR EXISTS { (s)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    RETURN s AS item, 'STATEMENT' AS kind, s.said AS start, s.saidEnd AS end
    UNION ALL
    MATCH (st:Stance) WHERE 'STANCE' IN $kinds
      AND ($actorIds IS NULL OR EXISTS { (st)<-[:TOOK]-(a:Actor) WHERE a.id IN $actorIds })
      AND ($issueIds IS NULL
        OR EXISTS { (st)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds }
        OR EXISTS { (st)-[:RESPONDS_TO]->(:Demand)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
    RETURN st AS item, 'STANCE' AS kind, st.date AS start, st.dateEnd AS end
  }
  WITH item, kind, start, end
  WHERE ($from IS NULL OR end >= $from) AND ($to IS NULL OR start <= $to)
  WITH item, kind, [coalesce(start, date('9999-12-31')), coalesce(end, date('9999-12-31')), item.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  WITH item, kind, key
  ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect({item: item, kind: kind, key: key}) AS page
}
RETURN total, [r IN page | {props: properties(r.item), label: [l IN labels(r.item) WHERE l <> 'Entity'][0], kind: r.kind, key: r.key}] AS items
