/**
 * Bounds on what one GraphQL operation may ask for, checked before anything runs:
 * tokens while parsing, then depth, aliases and directives while validating (the
 * estimated cost, which needs the variables, right after: operation-budget-plugin.ts).
 * A rejected operation never reaches a resolver, so never reaches Neo4j.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import type { GraphqlLimits } from '../config.js';
import { ErrorCode, limitExceeded, type LimitCode } from './errors.js';

/** The Apollo Server options that enforce the limits. */
export interface OperationLimits {
  /** Apollo stops the parser past maxTokens, before a huge document is built. */
  parseOptions: ParseOptions;
  /** graphql-armor's depth, alias and directive rules. */
  validationRules: ValidationRule[];
}

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type Reject = (context: ValidationContext | null, error: GraphQLError) => void;

/**
 * Builds the limit rules from configuration. Named, inline and cyclic fragments are
 * followed, not skipped: graphql-armor's max-depth >= 2.4.2 counts through fragments,
 * and graphql-js rejects fragment cycles. A fragment is no level of its own
 * (`flattenFragments: true`): the depth is that of the fields, however the selection
 * is written (without it an inline fragment counted one level and a spread two, so
 * the dashboard's fragments were refused where the same fields inline passed).
 */
export function operationLimits(limits: GraphqlLimits): OperationLimits {
  const armor = new ApolloArmor({
    // Apollo's own hideSchemaDetailsFromClientErrors hides "Did you mean" in production.
    blockFieldSuggestion: { enabled: false },
    // Apollo's parseOptions.maxTokens stops the parser itself (armor's would parse twice).
    maxTokens: { enabled: false },
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...reportAs(ErrorCode.QUERY_TOO_DEEP, 'GRAPHQL_MAX_DEPTH', limits.maxDepth, (found) =>
        `Query is too deep: ${found ?? 'more'} levels of nested fields, the limit is ${limits.maxDepth} (GRAPHQL_MAX_DEPTH)`,
      ),
    },
    maxAliases: {
      n: limits.maxAliases,
      ...reportAs(ErrorCode.TOO_MANY_ALIASES, 'GRAPHQL_MAX_ALIASES', limits.maxAliases, (found) =>
        `Query uses too many aliases: ${found ?? 'more'}, the limit is ${limits.maxAliases} (GRAPHQL_MAX_ALIASES)`,
      ),
    },
    maxDirectives: {
      n: limits.maxDirectives,
      ...reportAs(ErrorCode.TOO_MANY_DIRECTIVES, 'GRAPHQL_MAX_DIRECTIVES', limits.maxDirectives, (found) =>
        `Query uses too many directives: ${found ?? 'more'}, the limit is ${limits.maxDirectives} (GRAPHQL_MAX_DIRECTIVES)`,
      ),
    },
    // The cost is estimated once the variables are known, from what each field will do
    // (src/graphql/operation-budget-plugin.ts); armor's estimate ignores first/limit/depth.
    costLimit: { enabled: false },
  } satisfies ArmorConfig);
  const { validationRules } = armor.protect();
  return { parseOptions: { maxTokens: limits.maxTokens }, validationRules };
}

/**
 * Armor callbacks that report a rejection as our own error (armor's message begins
 * "Syntax Error:" and its code would be BAD_USER_INPUT). The count armor found is
 * taken from its message.
 */
function reportAs(
  code: LimitCode,
  setting: string,
  max: number,
  message: (found: number | undefined) => string,
): { propagateOnRejection: false; onReject: Reject[] } {
  const reject: Reject = (context, error) => {
    const match = /found (\d+(?:\.\d+)?)/.exec(error.message);
    const found = match ? Math.ceil(Number(match[1])) : undefined;
    context?.reportError(limitExceeded(code, message(found), { setting, max, ...(found === undefined ? {} : { found }) }));
  };
  return { propagateOnRejection: false, onReject: [reject] };
}
