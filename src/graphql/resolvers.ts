/** Every resolver of schema.graphql, assembled for Apollo Server. */
import { DateScalar } from './date-scalar.js';
import { positionResolvers } from './resolvers/analysis.js';
import { positionTableResolvers } from './resolvers/position-table.js';
import { entityTypeResolvers } from './resolvers/entity-types.js';
import { changesQuery, changeTypeResolvers } from './resolvers/changes.js';
import { claimResolvers } from './resolvers/claims.js';
import { mutationResolvers } from './resolvers/mutation.js';
import { queryResolvers } from './resolvers/query.js';
import { rollupResolvers } from './resolvers/rollups.js';

/** The resolver map of the API. */
export const resolvers = {
  Date: DateScalar,
  ...queryResolvers,
  ...entityTypeResolvers,
  ...positionResolvers,
  ...positionTableResolvers,
  Query: { ...queryResolvers.Query, ...rollupResolvers.Query, changes: changesQuery },
  ...mutationResolvers,
  ...changeTypeResolvers,
  ...claimResolvers,
};
