// One page of the entities that reach each given entity over an incoming
// relationship type, sorted by a date property, with the total count. The
// type and sort field come from the fixed map in src/graph/relations.ts.
// Only the page's rows are materialised (ORDER BY ... SKIP/LIMIT keeps the top
// rows only), and the total is a COUNT, read from the degree store when no
// label is required: a hub's page costs its degree in sort-key reads, not in
// whole property maps.
// $params: ids, type, label (or null), kind (the other end's `kind`, or null for any), sortField, desc (boolean), skip, limit
// RETURN: from, total, items (list of {rel, props, label})
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)<-[r:$($type)]-(m:Entity)
  WHERE ($label IS NULL OR $label IN labels(m)) AND ($kind IS NULL OR m.kind = $kind)
  WITH r, m
  ORDER BY CASE WHEN $desc THEN m[$sortField] END DESC, CASE WHEN $desc THEN null ELSE m[$sortField] END ASC, m.id
  SKIP $skip LIMIT $limit
  RETURN collect({rel: properties(r), props: properties(m), label: [l IN labels(m) WHERE l <> 'Entity'][0]}) AS items
}
RETURN id AS from, items,
  CASE WHEN $label IS NULL AND $kind IS NULL THEN COUNT { (n)<-[:$($type)]-() } ELSE COUNT { (n)<-[:$($type)]-(m) WHERE ($label IS NULL OR $label IN labels(m)) AND ($kind IS NULL OR m.kind = $kind) } END AS total
