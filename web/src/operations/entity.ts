/** The generic entity view: any entity's fields and provenance. */
import { reportFields, statementFields } from '../api/fragments.js';
import type { EntityPageQuery } from '../api/__generated__/graphql.js';
import type { Answered, Merged } from '../api/types.js';

/** The shape EntityData of the answer, as the document selects it (provenance may be null beside the entity). */
export type EntityData = Answered<Pick<EntityPageQuery, 'entity'>> & Pick<EntityPageQuery, 'provenance'>;

/** The entity as one shape: the fields every kind has, and each kind's own as optional. */
export type EntityDetails = Merged<EntityData['entity']>;

/** The operation document (entity). */
export const entityQuery = /* GraphQL */ `
  query EntityPage($id: ID!) {
    entity(id: $id) {
      id entityKind label origin note
      ... on Actor { actorKind: kind }
      ... on Demand { summary }
      ... on Stance {
        stanceKind: kind cameoCode date { iso } summary
        holder { id label } towards { id label }
        respondsTo { id label entityKind }
        issues { id label } reports { ...ReportFields } corroboration { ...CorroborationFields }
      }
      ... on Statement { ...StatementFields issues { id label } mentions { id label } supports { id label entityKind } reports { ...ReportFields } corroboration { ...CorroborationFields } }
      ... on Event {
        eventKind: kind name names { all { lang text } } date { iso } until { iso } durationMinutes description status
        claimedBy { id label } place { id label }
        participants { role actor { id label } }
        issues { id label } partOf { id label } previous { id label }
        inResponseTo { id label } responses { id label }
        statements { id label }
        figures { id label } reports { ...ReportFields } corroboration { ...CorroborationFields }
      }
      ... on Issue {
        name names { all { lang text } } description parent { id label } children { id label }
        demands { id label }
      }
      ... on Source {
        sourceKind: kind title titles { all { lang text } } language url published { iso }
        publisher { id label } cites { id label } citedBy { id label } mentions { id label }
      }
      ... on Place { placeKind: kind name names { all { lang text } } within { id label } events { id label } }
      ... on Instrument {
        instrumentKind: kind title titles { all { lang text } } instrumentPublished: published { iso }
        issuedBy { id label } addressedTo { id label } demands { id label }
      }
      ... on Office { title titles { all { lang text } } holder { id label } organization { id label } asOf { iso } }
      ... on Membership { member { id label } organization { id label } from { iso } until { iso } }
      ... on Figure {
        quantity value unit qualifier status figureAsOf: asOf { iso }
        claimedBy { id label } figureEvent: event { id label } reports { ...ReportFields } corroboration { ...CorroborationFields }
      }
    }
    provenance(id: $id) {
      sources { id title url published { iso } }
      evidence { ...StatementFields }
    }
  }
  ${statementFields}
  ${reportFields}
`;
