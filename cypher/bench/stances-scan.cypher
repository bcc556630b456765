// The old floor (issue 18, decision 0062): cypher/read/stances.cypher as it was before its read started from
// its filters, kept to measure and to test the new read against (test/graph/timeline-from-filter.int.test.ts).
// It scans every item and tests the filters on each. Same $params and RETURN as the read.
// Stances across holders, filtered, in date order (Query.stances, issue 16). An item
// falls in the range when its period (date to dateEnd) overlaps it. The sort key is
// [start, end, id]; a page starts after $after in the reading direction
// (docs/decisions/0034), and DESC is exactly ASC reversed. Roll-ups (sub-issues, parts
// of actors) are expanded into the id lists before (rollup-ids.cypher).
// $params: holderIds (or null), kinds (or null), issueIds (concerned directly or through
//          the demand responded to; or null), sourceIds (sourced from, or rendered by a
//          report on the page; or null), languages (of its evidence's or reports' words; or null),
//          towards (actor id or null), from (Date or null), to (Date or null),
//          after (sort key, its dates as Dates, or null), desc (boolean: the reading direction), limit
// RETURN: total, items (list of {props, label, key})
MATCH (st:Stance)
WHERE ($holderIds IS NULL OR EXISTS { (st)<-[:TOOK]-(a:Actor) WHERE a.id IN $holderIds })
  AND ($kinds IS NULL OR st.kind IN $kinds)
  AND ($issueIds IS NULL
    OR EXISTS { (st)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds }
    OR EXISTS { (st)-[:RESPONDS_TO]->(:Demand)-[:CONCERNS]->(i:Issue) WHERE i.id IN $issueIds })
  AND ($sourceIds IS NULL
    OR EXISTS { (st)-[:SOURCED_FROM]->(src:Source) WHERE src.id IN $sourceIds }
    OR EXISTS { (st)<-[:REPORTS]-(:Report)-[:REPORTED_IN|RELAYED_BY]->(src:Source) WHERE src.id IN $sourceIds })
  AND ($languages IS NULL
    OR EXISTS { (st)-[:EVIDENCED_BY]->(q:Statement) WHERE q.language IN $languages }
    OR EXISTS { (st)<-[:REPORTS]-(r:Report) WHERE r.language IN $languages })
  AND ($towards IS NULL OR EXISTS { (st)-[:TOWARDS]->(:Actor {id: $towards}) })
  AND ($from IS NULL OR st.dateEnd >= $from) AND ($to IS NULL OR st.date <= $to)
WITH st, [coalesce(st.date, date('9999-12-31')), coalesce(st.dateEnd, date('9999-12-31')), st.id] AS key
ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
WITH collect({item: st, key: key}) AS allRows
WITH size(allRows) AS total, [r IN allRows WHERE $after IS NULL OR (CASE WHEN $desc THEN r.key < $after ELSE r.key > $after END)][..$limit] AS page
RETURN total, [r IN page | {props: properties(r.item), label: 'Stance', key: r.key}] AS items
