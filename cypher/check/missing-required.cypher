// Invariant: every node has the relationships its seed section requires (a stance its
// holder and evidence, a demand its maker and addressee, a statement its speaker and
// source...). The rules are derived from the planner and the seed schema
// (src/check/model-rules.ts), never restated here.
// $params: ids (list of node ids to check), rules (list of {label, type, outgoing, field})
// RETURN: id, label, field, type, outgoing
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
UNWIND [rule IN $rules WHERE rule.label = label] AS rule
WITH n, label, rule
WHERE (rule.outgoing AND NOT EXISTS { MATCH (n)-[r]->(:Entity) WHERE type(r) = rule.type })
   OR (NOT rule.outgoing AND NOT EXISTS { MATCH (n)<-[r]-(:Entity) WHERE type(r) = rule.type })
RETURN n.id AS id, label, rule.field AS field, rule.type AS type, rule.outgoing AS outgoing
