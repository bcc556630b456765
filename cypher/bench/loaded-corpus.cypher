// What `npm run bench -- --loaded` reads to decide whether the graph in the database is
// the synthetic corpus it would otherwise load: counts from Neo4j's count store, the
// note the reference source carries (the synth command's options), and a sample of
// statements whose words depend on the corpus's seed.
// $params: referenceId, sampleIds
// RETURN: statements, actors, topicPositions, note, samples (list of {id, text, gloss})
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (t:TopicPosition) RETURN count(t) AS topicPositions }
OPTIONAL MATCH (r:Source {id: $referenceId})
RETURN statements, actors, topicPositions, r.note AS note,
  COLLECT { UNWIND $sampleIds AS sid MATCH (s:Statement {id: sid}) RETURN s {.id, .text, .gloss} } AS samples
