// Replaces the derived positions of the given pairs: deletes every stored one among
// `keys`, then creates `rows` (the pairs that still hold a position).
// $params: keys (holderId|targetId), rows (list of maps: the TopicPosition's properties)
// RETURN: written
CALL () {
  UNWIND $keys AS key
  MATCH (p:TopicPosition {key: key})
  DELETE p
}
CALL () {
  UNWIND $rows AS row
  CREATE (p:TopicPosition)
  SET p = row
  RETURN count(p) AS written
}
RETURN written
