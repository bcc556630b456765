// The timeline without filters (issue 18, decision 0062): read/timeline's answer when no
// actor, issue or date filters it. The total comes from Neo4j's count store (a label's count,
// no predicate: one db hit), and the page from the date indexes in the reading direction:
// each kind's first $limit items after $after (a top-k sorted only within equal start dates),
// then the first $limit of the three. A seek bound that is null finds nothing, so the branch of
// the other direction and of a kind not asked for read nothing. Start dates are required
// (src/model/entities.ts), so every item is in its kind's date index.
// $params: kinds, after (sort key, its dates as Dates, or null), desc (boolean), limit
// RETURN: total, items (list of {props, label, kind, key}), as read/timeline
CALL () {
  MATCH (e:Event) WITH count(e) AS n RETURN CASE WHEN 'EVENT' IN $kinds THEN n ELSE 0 END AS n
  UNION ALL
  MATCH (s:Statement) WITH count(s) AS n RETURN CASE WHEN 'STATEMENT' IN $kinds THEN n ELSE 0 END AS n
  UNION ALL
  MATCH (st:Stance) WITH count(st) AS n RETURN CASE WHEN 'STANCE' IN $kinds THEN n ELSE 0 END AS n
}
WITH sum(n) AS total
CALL () {
  CALL () {
    MATCH (e:Event) WHERE e.date >= CASE WHEN NOT $desc AND 'EVENT' IN $kinds THEN coalesce($after[0], date('-999999999-01-01')) END
    WITH e, [e.date, coalesce(e.untilEnd, e.dateEnd, date('9999-12-31')), e.id] AS key WHERE $after IS NULL OR key > $after
    WITH e, key ORDER BY e.date, key[1], e.id LIMIT $limit
    RETURN e AS item, 'EVENT' AS kind, key
    UNION ALL
    MATCH (e:Event) WHERE e.date <= CASE WHEN $desc AND 'EVENT' IN $kinds THEN coalesce($after[0], date('+999999999-12-31')) END
    WITH e, [e.date, coalesce(e.untilEnd, e.dateEnd, date('9999-12-31')), e.id] AS key WHERE $after IS NULL OR key < $after
    WITH e, key ORDER BY e.date DESC, key[1] DESC, e.id DESC LIMIT $limit
    RETURN e AS item, 'EVENT' AS kind, key
    UNION ALL
    MATCH (s:Statement) WHERE s.said >= CASE WHEN NOT $desc AND 'STATEMENT' IN $kinds THEN coalesce($after[0], date('-999999999-01-01')) END
    WITH s, [s.said, coalesce(s.saidEnd, date('9999-12-31')), s.id] AS key WHERE $after IS NULL OR key > $after
    WITH s, key ORDER BY s.said, key[1], s.id LIMIT $limit
    RETURN s AS item, 'STATEMENT' AS kind, key
    UNION ALL
    MATCH (s:Statement) WHERE s.said <= CASE WHEN $desc AND 'STATEMENT' IN $kinds THEN coalesce($after[0], date('+999999999-12-31')) END
    WITH s, [s.said, coalesce(s.saidEnd, date('9999-12-31')), s.id] AS key WHERE $after IS NULL OR key < $after
    WITH s, key ORDER BY s.said DESC, key[1] DESC, s.id DESC LIMIT $limit
    RETURN s AS item, 'STATEMENT' AS kind, key
    UNION ALL
    MATCH (st:Stance) WHERE st.date >= CASE WHEN NOT $desc AND 'STANCE' IN $kinds THEN coalesce($after[0], date('-999999999-01-01')) END
    WITH st, [st.date, coalesce(st.dateEnd, date('9999-12-31')), st.id] AS key WHERE $after IS NULL OR key > $after
    WITH st, key ORDER BY st.date, key[1], st.id LIMIT $limit
    RETURN st AS item, 'STANCE' AS kind, key
    UNION ALL
    MATCH (st:Stance) WHERE st.date <= CASE WHEN $desc AND 'STANCE' IN $kinds THEN coalesce($after[0], date('+999999999-12-31')) END
    WITH st, [st.date, coalesce(st.dateEnd, date('9999-12-31')), st.id] AS key WHERE $after IS NULL OR key < $after
    WITH st, key ORDER BY st.date DESC, key[1] DESC, st.id DESC LIMIT $limit
    RETURN st AS item, 'STANCE' AS kind, key
  }
  WITH item, kind, key
  ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  LIMIT $limit
  RETURN collect({item: item, kind: kind, key: key}) AS page
}
RETURN total, [r IN page | {props: properties(r.item), label: [l IN labels(r.item) WHERE l <> 'Entity'][0], kind: r.kind, key: r.key}] AS items
