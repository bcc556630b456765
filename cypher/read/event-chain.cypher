// An event's chain of consequences or causes (Query.eventChain, issue 16): the links
// IN_RESPONSE_TO and CAUSED_BY (each from the later event to the earlier one) within
// $depth of the event, each link once at its nearest distance. The bound of the pattern
// is the API's largest depth (6); $depth narrows it.
// $params: id (the event), consequences (boolean: follow towards later events, else earlier), depth (1-6)
// RETURN: one row per link, nearest first: cause (properties), consequence (properties), type, depth
MATCH (start:Event {id: $id})
CALL (start) {
  MATCH p = (start)<-[:IN_RESPONSE_TO|CAUSED_BY*1..6]-(:Event)
  WHERE $consequences AND length(p) <= $depth AND all(n IN nodes(p) WHERE n:Event)
  RETURN p
  UNION
  MATCH p = (start)-[:IN_RESPONSE_TO|CAUSED_BY*1..6]->(:Event)
  WHERE NOT $consequences AND length(p) <= $depth AND all(n IN nodes(p) WHERE n:Event)
  RETURN p
}
UNWIND range(0, length(p) - 1) AS i
WITH relationships(p)[i] AS r, i + 1 AS d
WITH r, min(d) AS depth
WITH startNode(r) AS consequence, endNode(r) AS cause, type(r) AS type, depth
ORDER BY depth, cause.date, consequence.date, cause.id, consequence.id
RETURN properties(cause) AS cause, properties(consequence) AS consequence, type, depth
