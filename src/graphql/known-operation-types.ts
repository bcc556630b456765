/**
 * A validation rule graphql-js 16 lacks (17 has KnownOperationTypesRule): an operation of
 * a type the schema has no root for is refused while validating, as a client error,
 * instead of failing at execution ("Schema is not configured to execute subscription
 * operation") as an internal error logged at error level. diplograph has no subscriptions.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/** The rule: reports every operation whose root type (query, mutation, subscription) the schema does not define. */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  const answered = (['query', 'mutation', 'subscription'] as const).filter((t) => roots[t]).map((t) => `${t === 'query' ? 'querie' : t}s`);
  return {
    OperationDefinition(node) {
      if (roots[node.operation]) return;
      context.reportError(new GraphQLError(`This API has no ${node.operation}s: it answers ${answered.join(' and ')} only.`, { nodes: node }));
    },
  };
}
