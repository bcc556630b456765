/** The actor view: an actor's profile with its statements. */
import { statementFields } from '../api/fragments.js';
import type { ActorRef, DateIso, EntityKind, StatementFull } from '../api/types.js';

/** The shape DemandRow of the answer, as the document selects it. */
export interface DemandRow {
  id: string;
  summary: string;
  summaryId: string | null;
  since: DateIso;
  by: ActorRef[];
  of: ActorRef[];
}

/** The shape ActorData of the answer, as the document selects it. */
export interface ActorData {
  actor: ActorRef & {
    kind: string;
    name: string;
    nameId: string | null;
    aliases: string[];
    countryCode: string | null;
    description: string | null;
    note: string | null;
    partOf: ActorRef | null;
    offices: { id: string; title: string; titleId: string | null; organization: ActorRef; asOf: DateIso }[];
    officials: { id: string; title: string; holder: ActorRef; asOf: DateIso }[];
    speaksFor: ActorRef[];
    memberships: { id: string; organization: ActorRef; from: DateIso; until: DateIso | null }[];
    members: { id: string; member: ActorRef; from: DateIso; until: DateIso | null }[];
    demandsMade: DemandRow[];
    demandsReceived: DemandRow[];
    /** Null when only this part failed. */
    stances: {
      totalCount: number;
      edges: { node: { id: string; kind: string; summary: string; date: DateIso; respondsTo: { id: string; label: string; entityKind: EntityKind } | null; towards: ActorRef | null } }[];
    } | null;
    /** Null when only this part failed. */
    events: { totalCount: number; edges: { node: { role: string; event: { id: string; label: string; kind: string; date: DateIso } } }[] } | null;
  };
}

/** The operation document (actor). */
export const actorQuery = /* GraphQL */ `
  query ActorPage($id: ID!) {
    actor(id: $id) {
      id label kind name nameId aliases countryCode description note
      partOf { id label }
      offices { id title titleId organization { id label } asOf { iso } }
      officials { id title holder { id label } asOf { iso } }
      speaksFor { id label }
      memberships { id organization { id label } from { iso } until { iso } }
      members { id member { id label } from { iso } until { iso } }
      demandsMade { id summary summaryId since { iso } by { id label } of { id label } }
      demandsReceived { id summary summaryId since { iso } by { id label } of { id label } }
      stances(first: 50) {
        totalCount
        edges { node { id kind summary date { iso } respondsTo { id label entityKind } towards { id label } } }
      }
      events(first: 50) { totalCount edges { node { role event { id label kind date { iso } } } } }
    }
  }
`;

/** The shape ActorStatementsData of the answer, as the document selects it. */
export interface ActorStatementsData {
  actor: { id: string; statements: { totalCount: number; edges: { node: StatementFull }[] } };
}

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
