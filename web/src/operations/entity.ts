/** The generic entity view: any entity's fields and provenance. */
import { fragments, groupFields, labelLanguageFields, reportFields, sourceFullFields, sourceRefFields, statementFragments } from '../api/fragments.js';
import type { EntityModelFactsQuery, EntityPageQuery, FactClaimsQuery } from '../api/__generated__/graphql.js';
import { modelFactsFields } from '../api/__generated__/model-facts.js';
import type { Answered, Merged } from '../api/types.js';

/** The shape EntityData of the answer, as the document selects it (provenance may be null beside the entity). */
export type EntityData = Answered<Pick<EntityPageQuery, 'entity'>> & Pick<EntityPageQuery, 'provenance'>;

/** The entity as one shape: the fields every kind has, and each kind's own as optional. */
export type EntityDetails = Merged<EntityData['entity']>;

/** The operation document (entity). */
export const entityQuery = /* GraphQL */ `
  query EntityPage($id: ID!, $lang: String) {
    entity(id: $id) {
      id entityKind label(lang: $lang) origin note
      ... on Actor { actorKind: kind }
      ... on Stance {
        stanceKind: kind cameoCode date { iso } summaries { ...Texts }
        holder { ...ActorRef } towards { ...ActorRef }
        respondsTo { id label(lang: $lang) entityKind ...LabelLanguage }
        issues { id label(lang: $lang) ...LabelLanguage } reports { ...ReportFields } corroboration { ...CorroborationFields }
      }
      ... on Statement { ...StatementFields issues { id label(lang: $lang) ...LabelLanguage } mentions { ...ActorRef } supports { id label(lang: $lang) entityKind ...LabelLanguage } reports { ...ReportFields } corroboration { ...CorroborationFields } }
      ... on Event {
        eventKind: kind names { ...Texts } date { iso } until { iso } durationMinutes descriptions { ...Texts } status
        claimedBy { ...ActorRef } place { id label(lang: $lang) ...LabelLanguage }
        participants { role actor { ...ActorRef } }
        issues { id label(lang: $lang) ...LabelLanguage } partOf { id label(lang: $lang) ...LabelLanguage } previous { id label(lang: $lang) ...LabelLanguage }
        inResponseTo { id label(lang: $lang) ...LabelLanguage } responses { id label(lang: $lang) ...LabelLanguage }
        causedBy { id label(lang: $lang) ...LabelLanguage } consequences { type consequence { id label(lang: $lang) ...LabelLanguage } }
        statements { id label(lang: $lang) }
        figures { id label(lang: $lang) } reports { ...ReportFields } corroboration { ...CorroborationFields }
      }
      ... on Issue {
        names { ...Texts } descriptions { ...Texts } parent { id label(lang: $lang) ...LabelLanguage } children { id label(lang: $lang) ...LabelLanguage }
        demands { id label(lang: $lang) ...LabelLanguage }
      }
      ... on Source {
        sourceKind: kind titles { ...Texts } language url published { iso }
        publisher { ...ActorRef } cites { id label(lang: $lang) ...LabelLanguage } citedBy { id label(lang: $lang) ...LabelLanguage } mentions { ...ActorRef }
      }
      ... on Place { placeKind: kind names { ...Texts } within { id label(lang: $lang) ...LabelLanguage } events { id label(lang: $lang) ...LabelLanguage } }
      ... on Instrument {
        instrumentKind: kind titles { ...Texts } instrumentPublished: published { iso }
        issuedBy { ...ActorRef } addressedTo { ...ActorRef } demands { id label(lang: $lang) ...LabelLanguage }
      }
      ... on Office { titles { ...Texts } holder { ...ActorRef } organization { ...ActorRef } asOf { iso } }
      ... on Membership { member { ...ActorRef } organization { ...ActorRef } from { iso } until { iso } }
      ... on Figure {
        quantity value unit qualifier status figureAsOf: asOf { iso }
        claimedBy { ...ActorRef } figureEvent: event { id label(lang: $lang) ...LabelLanguage } reports { ...ReportFields } corroboration { ...CorroborationFields }
      }
    }
    provenance(id: $id) {
      sources { ...SourceFull }
      evidence { ...StatementFields }
    }
  }
  fragment Texts on LocalizedText { best(lang: $lang) { lang text } all { lang text } }
  ${fragments(statementFragments, sourceFullFields, labelLanguageFields, reportFields)}
`;

/** The shape FactClaimsData of the answer: who says what of a fact, per claim group (issue 16). */
export type FactClaimsData = FactClaimsQuery;

/**
 * Who says what of a fact (docs/decisions/0044), asked apart from the entity page: with
 * it, the page's estimated cost would pass the server's limit (ten groups of ten
 * alternatives of ten sources are counted).
 */
export const factClaimsQuery = /* GraphQL */ `
  query FactClaims($id: ID!, $lang: String) {
    provenance(id: $id) {
      groups { ...GroupFields }
    }
  }
  ${fragments([sourceRefFields], groupFields)}
`;

/** The shape EntityModelFactsData of the answer: the entity's fields from the model, for a kind without a hand-made page. */
export type EntityModelFactsData = EntityModelFactsQuery;

/**
 * The fields of every kind without a `case` in views/entity-facts.ts, from the model
 * (docs/decisions/0039), asked apart from the entity page: inside it they would add to
 * its aliases and cost (each generated kind adds every field's selection to the
 * estimate) and could clash with the hand-made selections' response keys.
 */
export const entityModelFactsQuery = /* GraphQL */ `
  query EntityModelFacts($id: ID!, $lang: String) {
    entity(id: $id) { ...ModelFacts }
  }
  fragment Texts on LocalizedText { best(lang: $lang) { lang text } all { lang text } }
  ${modelFactsFields}
`;
