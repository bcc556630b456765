// The entities within $depth hops of one entity (nearest first, at most
// $limit), and the relationships among them, ready to draw.
// $params: id, depth (1-3), limit, labels (list or null), excluded (relationship types)
// RETURN: nodes (list of {props, label}), rels (list of {type, from, to, props}), truncated
MATCH (c:Entity {id: $id})
OPTIONAL MATCH p = (c)-[*1..3]-(m:Entity)
WHERE length(p) <= $depth AND m <> c AND all(r IN relationships(p) WHERE NOT type(r) IN $excluded)
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
WITH c, m, min(length(p)) AS distance
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
