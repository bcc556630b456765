// The entities within $depth hops of one entity (nearest first, at most
// $limit), and the relationships among them, ready to draw. Hop by hop, with
// each frontier made distinct, so the cost follows the nodes reached rather
// than the paths to them; a hop beyond $depth is never expanded (the planner
// checks `$depth >= k` before the first expand of that branch).
// $params: id, depth (1-3), limit, labels (list or null), excluded (relationship types)
// RETURN: nodes (list of {props, label}), rels (list of {type, from, to, props}), truncated
MATCH (c:Entity {id: $id})
OPTIONAL CALL (c) {
  MATCH (c)-[r1]-(m:Entity)
  WHERE NOT type(r1) IN $excluded AND m <> c
  RETURN DISTINCT m, 1 AS distance
  UNION
  MATCH (c)-[r1]-(x1:Entity)
  WHERE $depth >= 2 AND NOT type(r1) IN $excluded
  WITH DISTINCT c, x1
  MATCH (x1)-[r2]-(m:Entity)
  WHERE NOT type(r2) IN $excluded AND m <> c
  RETURN DISTINCT m, 2 AS distance
  UNION
  MATCH (c)-[r1]-(x1:Entity)
  WHERE $depth >= 3 AND NOT type(r1) IN $excluded
  WITH DISTINCT c, x1
  MATCH (x1)-[r2]-(x2:Entity)
  WHERE NOT type(r2) IN $excluded AND x2 <> c
  WITH DISTINCT c, x2
  MATCH (x2)-[r3]-(m:Entity)
  WHERE NOT type(r3) IN $excluded AND m <> c
  RETURN DISTINCT m, 3 AS distance
}
WITH c, m, min(distance) AS distance
WHERE m IS NULL OR $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
ORDER BY distance, m.id
WITH c, collect(m) AS found
WITH c, found[..$limit] AS kept, size(found) > $limit AS truncated
WITH [c] + kept AS nodes, truncated
CALL (nodes) {
  UNWIND nodes AS x
  MATCH (x)-[r]->(y:Entity)
  WHERE y IN nodes AND NOT type(r) IN $excluded
  RETURN collect(DISTINCT {type: type(r), from: x.id, to: y.id, props: properties(r)}) AS rels
}
RETURN [n IN nodes | {props: properties(n), label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes, rels, truncated
