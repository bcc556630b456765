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
//          desc (boolean: the reading direction), limit,
//          startActorIds (the speakers), startIssueIds, startFrom (with startUntil), startTo (where to start: one set, src/graph/fact-lists.ts)
// RETURN: total, items (list of {props, label, key})
// Read from its filters (issue 18, decision 0062; fragment/statement-items); without any
// filter, read/statements-all reads the count store and the date index instead.
// Two passes (issue 18), as read/timeline.cypher: a count, and the page as a top-k sort;
// collecting every statement needed more than the 1 GiB transaction memory at 10^6.
CALL () {
  INCLUDE fragment/statement-items
  RETURN count(*) AS total
}
CALL () {
  INCLUDE fragment/statement-items
  WITH s, [coalesce(s.said, date('9999-12-31')), coalesce(s.saidEnd, date('9999-12-31')), s.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  WITH s, key
  ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect({item: s, key: key}) AS page
}
RETURN total, [r IN page | {props: properties(r.item), label: 'Statement', key: r.key}] AS items
