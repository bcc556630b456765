// What an agreement needs, and no more (issue 18, docs/decisions/0048): the row of
// read/actor-positions.cypher, except that the positions of one organisation O that every
// asked actor is or belongs to on the date (the one holding the most positions when
// several do) come only for the topics the answer must compose, plus a count of the rest.
// On a topic where no asked actor other than O holds a position of its own (or made the
// demand), O did not make it while asked, and no other organisation of an asked actor
// holds entries, every asked actor holds exactly O's entries in force ("plain"): its
// verdict follows from those entries alone (src/graph/agreement.ts, compareActors):
// - a demand: MIXED when O's kinds in force both favour it and not, else AGREE;
// - an issue: with aims the actors O's non-favouring entries point at, conflict when an
//   aim is an asked actor or O: MIXED if an entry favours, else DISAGREE; no conflict:
//   AGREE if an entry favours or an aim exists, else MIXED.
// The other topics ("exceptional") are decided here too (docs/decisions/0057), by the rules of
// composeActorPositions and compareActors written in Cypher, and counted per verdict; only the first
// pageSize of each verdict in id order are sent whole, composed and compared in the caller as before.
// With no such organisation every topic is exceptional.
// $params: actorIds, asOf (Date), issueIds (list of ids, or null: no filter),
//          favouring (the favouring stance kinds), pageSize (integer: how many topics of each verdict to send, plain and decided together, in id order)
// RETURN: actors, orgs, memberships as read/actor-positions.cypher, with every holder's entries (O's in its `own` when
//         asked, else in its `held`) only on the topics sent; summaryId (O's id, or null);
//         plain (list of {verdict, count, ids}: per verdict, how many plain topics, and the first pageSize ids in id order);
//         decided (the same for the exceptional topics, decided here); of the ids of both only the first pageSize of each
//         verdict together are sent with their entries
CALL () {
  UNWIND coalesce($issueIds, []) AS id
  MATCH (d:Demand)-[:CONCERNS]->(:Issue {id: id})
  WITH collect(DISTINCT d.id) AS demandIds
  RETURN CASE WHEN $issueIds IS NULL THEN null ELSE $issueIds + demandIds END AS topicIds
}
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:MEMBERSHIP_IN]->(org:Actor)
  WHERE ms.from <= $asOf AND (ms.until IS NULL OR ms.untilEnd >= $asOf)
  RETURN collect([ms.id, org.id]) AS via, collect(properties(ms)) AS mss, collect(org) AS orgs
}
WITH collect({id: actorId, via: via}) AS asked,
  reduce(all = [], x IN collect(mss) | all + x) AS memberships,
  reduce(all = [], x IN collect(orgs) | all + x) AS orgNodes,
  head(collect(topicIds)) AS topicIds
CALL (asked, orgNodes) {
  UNWIND orgNodes AS o
  WITH DISTINCT o
  WHERE all(x IN asked WHERE x.id = o.id OR any(v IN x.via WHERE v[1] = o.id))
  WITH o ORDER BY COUNT { (:TopicPosition {holderId: o.id}) } DESC, o.id
  RETURN head(collect(o.id)) AS summaryId
}
// The asked actors other than O: their own positions, all of them exceptional.
CALL (asked, topicIds, summaryId) {
  UNWIND asked AS x
  WITH x WHERE x.id <> coalesce(summaryId, '')
  CALL (x, topicIds) {
    MATCH (p:TopicPosition {holderId: x.id})
    WHERE p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
    WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live,
      coalesce(p.madeSince <= $asOf, false) AS made
    WHERE size(live) > 0 OR made
    RETURN collect([p.targetId, p.targetLabel,
      [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]],
      CASE WHEN made THEN [toString(p.madeSince), p.madePrecision, toString(p.madeEnd), p.madeApproximate] END]) AS own
  }
  RETURN collect({id: x.id, own: own, via: x.via}) AS others
}
// The organisations other than O: their entries in force, all of them exceptional.
CALL (orgNodes, topicIds, summaryId) {
  UNWIND orgNodes AS org
  WITH DISTINCT org
  WHERE org.id <> coalesce(summaryId, '')
  CALL (org, topicIds) {
    MATCH (p:TopicPosition {holderId: org.id})
    WHERE NOT org.id IN $actorIds AND p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
    WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live
    WHERE size(live) > 0
    RETURN collect([p.targetId, p.targetLabel,
      [i IN live | [p.kinds[i], p.stanceIds[i], toString(p.froms[i]), p.precisions[i], p.ends[i], p.approximates[i], p.towards[i]]]]) AS held
  }
  RETURN collect({id: org.id, props: properties(org), held: held, asked: org.id IN $actorIds}) AS otherOrgs
}
WITH asked, memberships, orgNodes, topicIds, summaryId, others, otherOrgs,
  reduce(ids = [], x IN others | ids + [t IN x.own | t[0]]) + reduce(ids = [], o IN otherOrgs | ids + [t IN o.held | t[0]]) AS exceptional
// O, in one scan of its positions: each plain topic's verdict, and the entries of the exceptional ones.
CALL (summaryId, topicIds, exceptional) {
  MATCH (p:TopicPosition {holderId: summaryId})
  WHERE p.since <= $asOf AND (topicIds IS NULL OR p.targetId IN topicIds)
  WITH p, [i IN range(0, size(p.kinds) - 1) WHERE p.froms[i] <= $asOf AND p.untils[i] > $asOf] AS live,
    summaryId IN $actorIds AND coalesce(p.madeSince <= $asOf, false) AS made
  WHERE size(live) > 0 OR made
  WITH p, live, made,
    CASE
      // A demand O made while asked: O's own position has the made SUPPORTS, its members' do not.
      WHEN made OR p.targetId IN exceptional THEN null
      WHEN p.targetLabel = 'Demand' THEN
        CASE WHEN any(i IN live WHERE p.kinds[i] IN $favouring) AND any(i IN live WHERE NOT p.kinds[i] IN $favouring) THEN 'MIXED' ELSE 'AGREE' END
      WHEN any(i IN live WHERE NOT p.kinds[i] IN $favouring AND (p.towards[i] IN $actorIds OR p.towards[i] = summaryId)) THEN
        CASE WHEN any(i IN live WHERE p.kinds[i] IN $favouring) THEN 'MIXED' ELSE 'DISAGREE' END
      WHEN any(i IN live WHERE p.kinds[i] IN $favouring OR p.towards[i] <> '') THEN 'AGREE'
      ELSE 'MIXED'
    END AS verdict
  ORDER BY p.targetId
  WITH verdict, collect([p, live, made]) AS rows
  WITH verdict, size(rows) AS n, CASE WHEN verdict IS NULL THEN rows ELSE rows[0..$pageSize] END AS sent
  RETURN collect({verdict: verdict, count: n, ids: [s IN sent | s[0].targetId]}) AS plain,
    reduce(out = [], s IN collect(sent) | out + [x IN s | [x[0].targetId, x[0].targetLabel,
      [i IN x[1] | [x[0].kinds[i], x[0].stanceIds[i], toString(x[0].froms[i]), x[0].precisions[i], x[0].ends[i], x[0].approximates[i], x[0].towards[i]]],
      CASE WHEN x[2] THEN [toString(x[0].madeSince), x[0].madePrecision, toString(x[0].madeEnd), x[0].madeApproximate] END]]) AS summaryEntries
}
// The exceptional topics decided here (decision 0057), by the rules of src/graph/actor-positions.ts and
// src/graph/agreement.ts: per asked actor its own entries (and the demand it made) when it holds a position,
// else the entries of the organisations it belongs to on the date; of those the latest of each kind (later,
// a stance before a demand made, then the smaller stance id); a topic at least two asked actors hold.
// Only the topics a page can show (the first pageSize of each verdict in id order) are sent whole.
CALL (asked, others, otherOrgs, summaryId, summaryEntries, plain) {
  WITH asked, [x IN others | {h: x.id, rows: x.own}] + [o IN otherOrgs WHERE NOT o.asked | {h: o.id, rows: o.held}] +
    [{h: summaryId, rows: [t IN summaryEntries WHERE NOT t[0] IN reduce(ids = [], v IN [v IN plain WHERE v.verdict IS NOT NULL] | ids + v.ids)]}] AS holders
  // Grouped by topic in a subquery of its own: the asked actors are no part of the grouping key.
  CALL (holders) {
    UNWIND holders AS holder
    UNWIND holder.rows AS t
    RETURN t[0] AS topicId, t[1] AS label, collect({h: holder.h, e: t[2], m: t[3]}) AS rows
  }
  WITH topicId, label, [x IN asked |
    CASE WHEN any(r IN rows WHERE r.h = x.id)
      THEN reduce(c = [], r IN [r IN rows WHERE r.h = x.id] |
        c + [e IN r.e | {k: e[0], s: e[1], d: e[2], w: e[6], o: null}] + CASE WHEN r.m IS NULL THEN [] ELSE [{k: 'SUPPORTS', s: null, d: r.m[0], w: '', o: null}] END)
      ELSE reduce(c = [], r IN [r IN rows WHERE any(v IN x.via WHERE v[0] IS NOT NULL AND v[1] = r.h)] | c + [e IN r.e | {k: e[0], s: e[1], d: e[2], w: e[6], o: r.h}])
    END] AS candidates, [x IN asked | x.id] AS ids
  WITH topicId, label, [i IN range(0, size(ids) - 1) WHERE size(candidates[i]) > 0 | {id: ids[i], c: candidates[i]}] AS held
  WHERE size(held) >= 2
  WITH topicId, label, [a IN held | {id: a.id, p: [k IN reduce(ks = [], c IN a.c | CASE WHEN c.k IN ks THEN ks ELSE ks + c.k END) |
    reduce(b = null, c IN a.c | CASE WHEN c.k <> k THEN b
      WHEN b IS NULL OR c.d > b.d OR (c.d = b.d AND c.s IS NOT NULL AND (b.s IS NULL OR c.s < b.s)) THEN c ELSE b END)]}] AS held
  WITH topicId, CASE
    WHEN label <> 'Issue' THEN
      CASE
        WHEN all(a IN held WHERE all(c IN a.p WHERE c.k IN $favouring)) OR all(a IN held WHERE none(c IN a.p WHERE c.k IN $favouring)) THEN 'AGREE'
        WHEN any(a IN held WHERE all(c IN a.p WHERE c.k IN $favouring)) AND any(a IN held WHERE none(c IN a.p WHERE c.k IN $favouring)) THEN 'DISAGREE'
        ELSE 'MIXED'
      END
    ELSE
      CASE
        WHEN any(i IN range(0, size(held) - 1) WHERE any(j IN range(0, size(held) - 1) WHERE i <> j AND
          any(c IN held[i].p WHERE NOT c.k IN $favouring AND coalesce(c.w, '') <> '' AND (c.w = held[j].id OR any(q IN held[j].p WHERE q.o = c.w)))))
        THEN CASE WHEN all(a IN held WHERE any(c IN a.p WHERE c.k IN $favouring)) THEN 'MIXED' ELSE 'DISAGREE' END
        WHEN all(a IN held WHERE any(c IN a.p WHERE c.k IN $favouring)) THEN 'AGREE'
        WHEN any(c IN held[0].p WHERE NOT c.k IN $favouring AND coalesce(c.w, '') <> '' AND
          all(a IN held[1..] WHERE any(q IN a.p WHERE NOT q.k IN $favouring AND q.w = c.w))) THEN 'AGREE'
        ELSE 'MIXED'
      END
  END AS verdict
  // An aggregation first, so that the rows sorted hold an id and a verdict, not the lists they came from (sorting
  // those took 189 MB of the transaction pool from a hub at 10^6, 149 MB for two states).
  WITH topicId, verdict, count(*) AS one
  ORDER BY topicId
  WITH verdict, collect(topicId) AS ids
  RETURN collect({verdict: verdict, count: size(ids), ids: ids[0..$pageSize]}) AS decided
}
// The topics sent: per verdict the first pageSize of the plain and the decided ones together, in id order.
CALL (plain, decided) {
  UNWIND [v IN plain WHERE v.verdict IS NOT NULL] + decided AS v
  UNWIND v.ids AS id
  WITH v.verdict AS verdict, id ORDER BY id
  WITH verdict, collect(id)[0..$pageSize] AS ids
  RETURN reduce(all = [], x IN collect(ids) | all + x) AS sent
}
WITH asked, memberships, orgNodes, summaryId, plain, decided,
  [x IN others | {id: x.id, own: [t IN x.own WHERE t[0] IN sent], via: x.via}] AS others,
  [o IN otherOrgs | {id: o.id, props: o.props, held: [t IN o.held WHERE t[0] IN sent], asked: o.asked}] AS otherOrgs,
  [t IN summaryEntries WHERE t[0] IN sent] AS summaryEntries
RETURN
  others + [x IN asked WHERE x.id = summaryId | {id: x.id, own: summaryEntries, via: x.via}] AS actors,
  otherOrgs + [o IN orgNodes WHERE o.id = summaryId | {id: o.id, props: properties(o), held: CASE WHEN o.id IN $actorIds THEN [] ELSE summaryEntries END, asked: o.id IN $actorIds}][0..1] AS orgs,
  memberships, summaryId,
  [v IN plain WHERE v.verdict IS NOT NULL] AS plain, decided
