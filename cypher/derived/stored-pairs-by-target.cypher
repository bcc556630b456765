// The stored (holder, topic) pairs on the given topics whose holder is one of the given
// actors (used when holders x topics is too many keys to look up one by one).
// $params: targetIds, holderIds
// RETURN: key
UNWIND $targetIds AS targetId
MATCH (p:TopicPosition {targetId: targetId})
WHERE p.holderId IN $holderIds
RETURN p.key AS key
