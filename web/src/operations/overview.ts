/** The overview (`#/`): demands with their standing, issues, actors. */
import type { ActorRef } from '../api/types.js';

/** The shape OverviewData of the answer, as the document selects it. */
export interface OverviewData {
  demands: {
    totalCount: number;
    edges: { node: { id: string; summary: string; since: { iso: string }; by: ActorRef[]; of: ActorRef[]; status: { state: string } } }[];
  };
  issues: { id: string; name: string; nameId: string | null; parent: { id: string } | null }[];
  actors: { totalCount: number; edges: { node: ActorRef & { kind: string } }[] };
}

/** The operation document (overview). */
export const overviewQuery = /* GraphQL */ `
  query Overview {
    demands(first: 50) {
      totalCount
      edges { node { id summary since { iso } by { id label } of { id label } status { state } } }
    }
    issues { id name nameId parent { id } }
    actors(first: 200) { totalCount edges { node { id label kind } } }
  }
`;
