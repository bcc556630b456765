/** The demand thread: the demand, its status and its responses. */
import { statementFields } from '../api/fragments.js';
import type { ActorRef, DateIso, SourceRef, StanceKind, StatementFull } from '../api/types.js';

/** The shape DemandResponse of the answer, as the document selects it. */
export interface DemandResponse {
  id: string;
  kind: StanceKind;
  cameoCode: string;
  date: DateIso;
  summary: string;
  note: string | null;
  holder: ActorRef;
  towards: ActorRef | null;
  evidence: StatementFull[];
  sources: SourceRef[];
}

/** The shape DemandData of the answer, as the document selects it. */
export interface DemandData {
  demand: {
    id: string;
    label: string;
    summary: string;
    summaryId: string | null;
    since: DateIso;
    cameoCode: string;
    note: string | null;
    by: ActorRef[];
    of: ActorRef[];
    instrument: { id: string; label: string; kind: string; title: string; titleId: string | null; published: DateIso } | null;
    issues: { id: string; label: string }[];
    status: {
      asOf: string;
      state: string;
      counts: { kind: StanceKind; direct: number; derived: number }[];
      latestResponse: { id: string; kind: StanceKind; date: DateIso; holder: ActorRef } | null;
    };
    responses: DemandResponse[];
    evidence: StatementFull[];
    sources: SourceRef[];
  };
}

/** The operation document (demand). */
export const demandQuery = /* GraphQL */ `
  query DemandThread($id: ID!, $asOf: Date) {
    demand(id: $id) {
      id label summary summaryId since { iso } cameoCode note
      by { id label }
      of { id label }
      instrument { id label kind title titleId published { iso } }
      issues { id label }
      status(asOf: $asOf) {
        asOf state
        counts { kind direct derived }
        latestResponse { id kind date { iso } holder { id label } }
      }
      responses {
        id kind cameoCode date { iso } summary note
        holder { id label }
        towards { id label }
        evidence { ...StatementFields }
        sources { id title titleEnglish url published { iso } }
      }
      evidence { ...StatementFields }
      sources { id title titleEnglish url published { iso } }
    }
  }
  ${statementFields}
`;
