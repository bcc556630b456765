// The stored derived positions of the given pairs (decision 0063: a write that only adds
// stances updates a pair from its stored lists instead of reading all its stances again).
// $params: keys (holderId|targetId)
// RETURN: position (the TopicPosition's properties)
UNWIND $keys AS key
MATCH (p:TopicPosition {key: key})
RETURN properties(p) AS position
