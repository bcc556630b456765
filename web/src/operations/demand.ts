/** The demand thread: the demand, its status and its responses. */
import { fragments, reportFields, sourceFullFields, statementFragments } from '../api/fragments.js';
import type { DemandThreadQuery } from '../api/__generated__/graphql.js';
import type { Answered } from '../api/types.js';

/** The shape DemandData of the answer, as the document selects it. */
export type DemandData = Answered<DemandThreadQuery>;

/** The shape DemandResponse of the answer, as the document selects it. */
export type DemandResponse = DemandData['demand']['responses'][number];

/** The operation document (demand). */
export const demandQuery = /* GraphQL */ `
  query DemandThread($id: ID!, $asOf: Date, $lang: String) {
    demand(id: $id) {
      id since { iso } cameoCode note
      summaries { best(lang: $lang) { lang text } all { lang text } }
      by { ...ActorRef }
      of { ...ActorRef }
      instrument { id kind titles { best(lang: $lang) { lang text } } published { iso } }
      issues { id label(lang: $lang) names { best(lang: $lang) { lang } } }
      status(asOf: $asOf) {
        asOf state
        counts { kind direct derived }
        latestResponse { id kind date { iso } holder { ...ActorRef } }
      }
      responses {
        id kind cameoCode date { iso } note
        summaries { best(lang: $lang) { lang text } }
        holder { ...ActorRef }
        towards { ...ActorRef }
        evidence { ...StatementFields }
        sources { ...SourceFull }
      }
      evidence { ...StatementFields }
      sources { ...SourceFull } reports { ...ReportFields } corroboration { ...CorroborationFields }
    }
  }
  ${fragments(statementFragments, sourceFullFields, reportFields)}
`;
