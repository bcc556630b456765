/** The demand thread: the demand, its status and its responses. */
import { reportFields, statementFields } from '../api/fragments.js';
import type { DemandThreadQuery } from '../api/__generated__/graphql.js';
import type { Answered } from '../api/types.js';

/** The shape DemandData of the answer, as the document selects it. */
export type DemandData = Answered<DemandThreadQuery>;

/** The shape DemandResponse of the answer, as the document selects it. */
export type DemandResponse = DemandData['demand']['responses'][number];

/** The operation document (demand). */
export const demandQuery = /* GraphQL */ `
  query DemandThread($id: ID!, $asOf: Date) {
    demand(id: $id) {
      id label summary summaries { all { lang text } } since { iso } cameoCode note
      by { id label }
      of { id label }
      instrument { id label kind title titles { all { lang text } } published { iso } }
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
        sources { id title url published { iso } }
      }
      evidence { ...StatementFields }
      sources { id title url published { iso } } reports { ...ReportFields } corroboration { ...CorroborationFields }
    }
  }
  ${statementFields}
  ${reportFields}
`;
