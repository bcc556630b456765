// Stances across holders, filtered, in date order (Query.stances, issue 16). An item
// falls in the range when its period (date to dateEnd) overlaps it. The sort key is
// [start, end, id]; a page starts after $after in the reading direction
// (docs/decisions/0034), and DESC is exactly ASC reversed. Roll-ups (sub-issues, parts
// of actors) are expanded into the id lists before (rollup-ids.cypher).
// $params: holderIds (or null), kinds (or null), issueIds (concerned directly or through
//          the demand responded to; or null), sourceIds (sourced from, or rendered by a
//          report on the page; or null), languages (of its evidence's or reports' words; or null),
//          towards (actor id or null), from (Date or null), to (Date or null),
//          after (sort key, its dates as Dates, or null), desc (boolean: the reading direction), limit,
//          startActorIds (the holders), startIssueIds, startFrom (with startUntil), startTo (where to start: one set, src/graph/fact-lists.ts)
// RETURN: total, items (list of {props, label, key})
// Read from its filters (issue 18, decision 0062; fragment/stance-items); without any
// filter, read/stances-all reads the count store and the date index instead. Two passes, as
// read/statements: a count, and the page as a top-k sort (it collected every stance before).
CALL () {
  INCLUDE fragment/stance-items
  RETURN count(*) AS total
}
CALL () {
  INCLUDE fragment/stance-items
  WITH st, [coalesce(st.date, date('9999-12-31')), coalesce(st.dateEnd, date('9999-12-31')), st.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  WITH st, key
  ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect({item: st, key: key}) AS page
}
RETURN total, [r IN page | {props: properties(r.item), label: 'Stance', key: r.key}] AS items
