// Stances without filters (issue 18, decision 0062): read/stances' answer when nothing
// filters them. The total comes from Neo4j's count store, the page from the date index in the
// reading direction (a top-k sorted only within equal dates; the branch of the other direction
// has a null bound and reads nothing). `date` is required, so every statement is in the index.
// $params: after (sort key, its dates as Dates, or null), desc (boolean), limit
// RETURN: total, items (list of {props, label, key}), as read/stances
CALL () {
  MATCH (s:Stance) RETURN count(s) AS total
}
CALL () {
  CALL () {
    MATCH (s:Stance) WHERE s.date >= CASE WHEN NOT $desc THEN coalesce($after[0], date('-999999999-01-01')) END
    WITH s, [s.date, coalesce(s.dateEnd, date('9999-12-31')), s.id] AS key WHERE $after IS NULL OR key > $after
    WITH s, key ORDER BY s.date, key[1], s.id LIMIT $limit
    RETURN s, key
    UNION ALL
    MATCH (s:Stance) WHERE s.date <= CASE WHEN $desc THEN coalesce($after[0], date('+999999999-12-31')) END
    WITH s, [s.date, coalesce(s.dateEnd, date('9999-12-31')), s.id] AS key WHERE $after IS NULL OR key < $after
    WITH s, key ORDER BY s.date DESC, key[1] DESC, s.id DESC LIMIT $limit
    RETURN s, key
  }
  RETURN collect({item: s, key: key}) AS page
}
RETURN total, [r IN page | {props: properties(r.item), label: 'Stance', key: r.key}] AS items
