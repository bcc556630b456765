// The stored (holder, topic) pairs among the given keys (holderId|targetId).
// $params: keys
// RETURN: key
UNWIND $keys AS key
MATCH (p:TopicPosition {key: key})
RETURN p.key AS key
