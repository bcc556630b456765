/** The actor view: an actor's profile with its statements. */
import { statementFields } from '../api/fragments.js';
import type { ActorPageQuery, ActorStatementsQuery } from '../api/__generated__/graphql.js';
import type { Answered } from '../api/types.js';

/** The shape ActorData of the answer, as the document selects it. */
export type ActorData = Answered<ActorPageQuery>;

/** The shape DemandRow of the answer, as the document selects it. */
export type DemandRow = ActorData['actor']['demandsMade'][number];

/** The operation document (actor). */
export const actorQuery = /* GraphQL */ `
  query ActorPage($id: ID!) {
    actor(id: $id) {
      id label kind name names { all { lang text } } aliases countryCode description note
      partOf { id label }
      offices { id title titles { all { lang text } } organization { id label } asOf { iso } }
      officials { id title holder { id label } asOf { iso } }
      speaksFor { id label }
      memberships { id organization { id label } from { iso } until { iso } }
      members { id member { id label } from { iso } until { iso } }
      demandsMade { id summary summaries { all { lang text } } since { iso } by { id label } of { id label } }
      demandsReceived { id summary summaries { all { lang text } } since { iso } by { id label } of { id label } }
      stances(first: 50) {
        totalCount
        edges { node { id kind summary date { iso } respondsTo { id label entityKind } towards { id label } } }
      }
      events(first: 50) { totalCount edges { node { role event { id label kind date { iso } } } } }
    }
  }
`;

/** The shape ActorStatementsData of the answer, as the document selects it. */
export type ActorStatementsData = Answered<ActorStatementsQuery>;

/** The operation document (actor statements): loaded apart from the profile, which would exceed the cost limit with them. */
export const actorStatementsQuery = /* GraphQL */ `
  query ActorStatements($id: ID!) {
    actor(id: $id) {
      id
      statements(first: 50) { totalCount edges { node { ...StatementFields } } }
    }
  }
  ${statementFields}
`;
