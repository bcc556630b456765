// Statements without filters (issue 18, decision 0062): read/statements' answer when nothing
// filters them. The total comes from Neo4j's count store, the page from the said index in the
// reading direction (a top-k sorted only within equal dates; the branch of the other direction
// has a null bound and reads nothing). `said` is required, so every statement is in the index.
// $params: after (sort key, its dates as Dates, or null), desc (boolean), limit
// RETURN: total, items (list of {props, label, key}), as read/statements
CALL () {
  MATCH (s:Statement) RETURN count(s) AS total
}
CALL () {
  CALL () {
    MATCH (s:Statement) WHERE s.said >= CASE WHEN NOT $desc THEN coalesce($after[0], date('-999999999-01-01')) END
    WITH s, [s.said, coalesce(s.saidEnd, date('9999-12-31')), s.id] AS key WHERE $after IS NULL OR key > $after
    WITH s, key ORDER BY s.said, key[1], s.id LIMIT $limit
    RETURN s, key
    UNION ALL
    MATCH (s:Statement) WHERE s.said <= CASE WHEN $desc THEN coalesce($after[0], date('+999999999-12-31')) END
    WITH s, [s.said, coalesce(s.saidEnd, date('9999-12-31')), s.id] AS key WHERE $after IS NULL OR key < $after
    WITH s, key ORDER BY s.said DESC, key[1] DESC, s.id DESC LIMIT $limit
    RETURN s, key
  }
  RETURN collect({item: s, key: key}) AS page
}
RETURN total, [r IN page | {props: properties(r.item), label: 'Statement', key: r.key}] AS items
