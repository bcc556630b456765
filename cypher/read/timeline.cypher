// Events, statements and stances in time order. An item falls in the range
// when its period (start to end, by its precision) overlaps the range.
// The sort key is [start, end, id] (a missing date as 9999-12-31: last ascending, as Neo4j puts nulls); a page starts after
// $after in the reading direction (docs/decisions/0034), so items written before a
// page boundary do not move it, and DESC is exactly ASC reversed.
// Read from its filters (issue 18, decision 0062): the items are found from the actors, else
// from the issues, else from a date index (fragment/timeline-items); without
// any filter, read/timeline-all reads the count store and the date indexes instead.
// $params: kinds (list of 'EVENT'|'STATEMENT'|'STANCE'), actorIds (or null), issueIds (or null),
//          from (Date or null), to (Date or null), after (sort key, its dates as Dates, or null),
//          desc (boolean: the reading direction), limit,
//          startActorIds, startIssueIds, startFrom (with startUntil), startTo (where to start: one of them set, src/graph/lists.ts)
// RETURN: total, items (list of {props, label, kind, key})
// Two passes over the same items (issue 18): a count, and the page as a top-k sort (ORDER BY
// ... LIMIT keeps only $limit rows). Collecting every item to count and slice them needed
// more than the 1 GiB transaction memory at 10^6 statements.
CALL () {
  INCLUDE fragment/timeline-items
  RETURN count(*) AS total
}
CALL () {
  INCLUDE fragment/timeline-items
  WITH item, kind, [coalesce(start, date('9999-12-31')), coalesce(end, date('9999-12-31')), item.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  WITH item, kind, key
  ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect({item: item, kind: kind, key: key}) AS page
}
RETURN total, [r IN page | {props: properties(r.item), label: [l IN labels(r.item) WHERE l <> 'Entity'][0], kind: r.kind, key: r.key}] AS items
