/** The actor view: an actor's profile with its statements. */
import { actorRefFields, fragments, labelLanguageFields, statementFragments } from '../api/fragments.js';
import type { ActorPageQuery, ActorStatementsQuery } from '../api/__generated__/graphql.js';
import type { Answered } from '../api/types.js';

/** The shape ActorData of the answer, as the document selects it. */
export type ActorData = Answered<ActorPageQuery>;

/** The shape DemandRow of the answer, as the document selects it. */
export type DemandRow = ActorData['actor']['demandsMade'][number];

/** The operation document (actor). */
export const actorQuery = /* GraphQL */ `
  query ActorPage($id: ID!, $lang: String) {
    actor(id: $id) {
      id kind aliases countryCode note
      names { best(lang: $lang) { lang text } all { lang text } }
      descriptions { best(lang: $lang) { lang text } all { lang text } }
      partOf { ...ActorRef }
      offices { id titles { best(lang: $lang) { lang text } } organization { ...ActorRef } asOf { iso } }
      officials { id titles { best(lang: $lang) { lang text } } holder { ...ActorRef } asOf { iso } }
      speaksFor { ...ActorRef }
      memberships { id organization { ...ActorRef } from { iso } until { iso } }
      members { id member { ...ActorRef } from { iso } until { iso } }
      demandsMade { ...DemandRow }
      demandsReceived { ...DemandRow }
      stances(first: 50) {
        totalCount
        edges { node { id kind summaries { best(lang: $lang) { lang text } } date { iso } respondsTo { id label(lang: $lang) entityKind ...LabelLanguage } towards { ...ActorRef } } }
      }
      events(first: 50) { totalCount edges { node { role event { id label(lang: $lang) kind date { iso } names { best(lang: $lang) { lang } } } } } }
    }
  }
  fragment DemandRow on Demand { id summaries { best(lang: $lang) { lang text } } since { iso } by { ...ActorRef } of { ...ActorRef } }
  ${fragments(actorRefFields, labelLanguageFields)}
`;

/** The shape ActorStatementsData of the answer, as the document selects it. */
export type ActorStatementsData = Answered<ActorStatementsQuery>;

/** The operation document (actor statements): loaded apart from the profile, which would exceed the cost limit with them. */
export const actorStatementsQuery = /* GraphQL */ `
  query ActorStatements($id: ID!, $lang: String) {
    actor(id: $id) {
      id
      statements(first: 50) { totalCount edges { node { ...StatementFields } } }
    }
  }
  ${fragments(statementFragments)}
`;
