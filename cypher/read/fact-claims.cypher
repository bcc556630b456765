// What provenance per fact needs (issue 16, docs/decisions/0036 §6, 0043): each fact's
// properties and label (working values, origin, outsideGroups), its claims with the
// claiming source's id, and its claimed relationships with the sources asserting them
// (`sources`, filled by the loader where claims or an outside mark make a difference;
// null: the relationship's own origin asserts it).
// $params: ids (list of fact ids), types (the relationship types claim groups make)
// RETURN: from, label, props, claims (list of { props, source }), rels (list of { type, out, other, role, sources, origin })
UNWIND $ids AS id
MATCH (f:Entity {id: id})
RETURN id AS from,
  [l IN labels(f) WHERE l <> 'Entity'][0] AS label,
  properties(f) AS props,
  COLLECT {
    MATCH (c:Claim)-[:CLAIM_OF]->(f)
    MATCH (c)-[:CLAIMED_IN]->(s:Source)
    WITH c, s ORDER BY s.published, s.id, c.id
    RETURN { props: properties(c), source: s.id }
  } AS claims,
  COLLECT {
    MATCH (f)-[r]-(o:Entity)
    WHERE type(r) IN $types
    WITH r, o ORDER BY type(r), o.id
    RETURN { type: type(r), out: startNode(r) = f, other: o.id, role: r.role, sources: r.sources, origin: r.origin }
  } AS rels
