// One page of the entities that reach each given entity over an incoming
// relationship type, sorted by a date property, with the total count. The
// type and sort field come from the fixed map in src/graph/relations.ts.
// Only the page's rows are materialised (ORDER BY ... SKIP/LIMIT keeps the top
// rows only), and the total is a COUNT, read from the degree store when no
// label is required: a hub's page costs its degree in sort-key reads, not in
// whole property maps.
// Connections page by keyset: the sort key is [date, id] (a missing date as 9999-12-31: last ascending, as Neo4j puts nulls)
// and a page starts after $after in the reading direction (docs/decisions/0034);
// plain lists page by $skip with $after null.
// $params: ids, type, label (or null), kind (the other end's `kind`, or null for any), sortField,
//          after (sort key, its dates as Dates, or null), desc (boolean: the reading direction), skip, limit
// RETURN: from, total, items (list of {rel, props, label, key})
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)<-[r:$($type)]-(m:Entity)
  WHERE ($label IS NULL OR $label IN labels(m)) AND ($kind IS NULL OR m.kind = $kind)
  WITH r, m, [coalesce(m[$sortField], date('9999-12-31')), m.id] AS key
  WHERE $after IS NULL OR (CASE WHEN $desc THEN key < $after ELSE key > $after END)
  ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN $desc THEN null ELSE key END ASC
  SKIP $skip LIMIT $limit
  RETURN collect({rel: properties(r), props: properties(m), label: [l IN labels(m) WHERE l <> 'Entity'][0], key: key}) AS items
}
RETURN id AS from, items,
  CASE WHEN $label IS NULL AND $kind IS NULL THEN COUNT { (n)<-[:$($type)]-() } ELSE COUNT { (n)<-[:$($type)]-(m) WHERE ($label IS NULL OR $label IN labels(m)) AND ($kind IS NULL OR m.kind = $kind) } END AS total
