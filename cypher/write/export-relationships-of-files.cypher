// For the paged export: every relationship of the selected files, found from their nodes
// (entity_origin index) instead of a scan of every relationship. A relationship's origin
// is the file of the entity whose field made it, and that entity is one of its ends: the
// start for most fields, the end for the types below the UNION (a statement's speaker is
// Actor -SAID-> Statement). Each node is expanded only on the side it owns, with the
// types written out, so that a hub in a page (the reference file holds every actor and
// issue; at 10^6 statements an issue has 10^5 statements about it, an actor as many
// SAID) is not read through the relationships other files own. Both type lists are the
// model's (src/model/entities.ts, references by direction), checked by
// test/export/export-relationship-types.test.ts.
// $params: origins (the files' ids and their api:<id> forms)
// RETURN: type, from, to, props
MATCH (n:Entity)
WHERE n.origin IN $origins
CALL (n) {
  MATCH (n)-[r:PUBLISHED_BY|CITES|MENTIONS|PART_OF|WITHIN|SUBISSUE_OF|ISSUED_BY|ADDRESSED_TO|OFFICE_IN|MEMBERSHIP_IN|SET_OUT_IN|ON_BEHALF_OF|REPORTED_IN|RELAYED_BY|SAID_AT|RESPONDS_TO|TOWARDS|TOOK_PLACE_IN|FOLLOWS|IN_RESPONSE_TO|CLAIMED_BY|FIGURE_OF|CONCERNS|EVIDENCED_BY|SOURCED_FROM|SPECIFIES|REPORTS|WORDED_BY|CAUSED_BY|CLAIM_OF|CLAIMED_IN]->(:Entity)
  WHERE r.origin IN $origins
  RETURN r
  UNION
  MATCH (n)<-[r:HOLDS|HAS_MEMBERSHIP|MADE_DEMAND|SAID|TOOK|PARTICIPATED_IN]-(:Entity)
  WHERE r.origin IN $origins
  RETURN r
}
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
ORDER BY from, type, to
