// Whose words each stance rests on (docs/decisions/0041), stored on the stance: the
// strongest of its evidence statements. A statement whose party (the actor it speaks on
// behalf of, else its speaker) is the holder, is PART_OF it, or holds an office in it or
// in a part of it gives OWN_WORDS; an ANALYSIS statement gives ANALYSIS; any other gives
// ACCOUNT. attestedById names the party of the strongest evidence (ties: smallest id).
// Refreshes the stances the write touched, those evidenced by a touched statement, and
// those evidenced by a statement said by or for an actor whose PART_OF or offices the
// write changed (only those: a hub actor named by every ingest batch is not one).
// $params: ids (what the write touched: its nodes and both ends of every relationship it wrote),
//          actorIds (the ends of the PART_OF, HOLDS and OFFICE_IN relationships it wrote or removed)
// RETURN: analysisOnly (ids of stances whose strongest evidence is an ANALYSIS)
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  CALL (n) {
    WITH n WHERE n:Stance
    RETURN n AS s
    UNION
    MATCH (n:Statement)<-[:EVIDENCED_BY]-(s:Stance)
    RETURN s
  }
  RETURN s
  UNION
  UNWIND $actorIds AS id
  MATCH (:Actor {id: id})-[:SAID|ON_BEHALF_OF]-(:Statement)<-[:EVIDENCED_BY]-(s:Stance)
  RETURN s
}
WITH DISTINCT s
CALL (s) {
  OPTIONAL MATCH (h:Actor)-[:TOOK]->(s)
  OPTIONAL MATCH (s)-[:EVIDENCED_BY]->(st:Statement)<-[:SAID]-(sp:Actor)
  OPTIONAL MATCH (st)-[:ON_BEHALF_OF]->(obo:Actor)
  WITH h, st, coalesce(obo, sp) AS party
  WITH party, CASE
    WHEN st IS NULL THEN null
    WHEN st.mode = 'ANALYSIS' THEN 3
    WHEN h IS NOT NULL AND (party = h OR EXISTS { (party)-[:PART_OF*1..]->(h) }
      OR EXISTS { (party)-[:HOLDS]->(:Office)-[:OFFICE_IN]->(o:Actor) WHERE o = h OR EXISTS { (o)-[:PART_OF*1..]->(h) } }) THEN 1
    ELSE 2
  END AS rank
  ORDER BY rank, party.id
  RETURN head(collect({rank: rank, party: party.id})) AS best
}
SET s.attestation = CASE best.rank WHEN 1 THEN 'OWN_WORDS' WHEN 2 THEN 'ACCOUNT' WHEN 3 THEN 'ANALYSIS' END,
  s.attestedById = best.party
WITH s WHERE s.attestation = 'ANALYSIS'
RETURN collect(s.id) AS analysisOnly
