// Benchmark floor: shortest paths between two entities without provenance
// links, the query behind diplograph's Query.paths (cypher/read/shortest-paths.cypher).
// $params: fromId, toId, maxHops, first, excluded (list of relationship types)
// RETURN: nodes (list of {props, label}), rels (list of {type, from, to, props})
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE all(r IN relationships(p) WHERE NOT type(r) IN $excluded)
WITH p WHERE length(p) <= $maxHops
WITH p LIMIT $first
RETURN [n IN nodes(p) | {props: properties(n), label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
  [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels
