/**
 * "Did you mean ..." hints removed from every error a production server sends. Apollo's
 * hideSchemaDetailsFromClientErrors strips them from validation errors only; graphql-js
 * also suggests names when it coerces variables (an enum value or an input field in
 * `variables`), and those reach clients as BAD_USER_INPUT with the hint intact.
 */
import type { GraphQLFormattedError } from 'graphql';

// graphql-js's didYouMean(): ` Did you mean "a"?`, `... "a", "b", or "c"?`, `... the enum
// value "A"?`, and `Did you mean to use an inline fragment on "T"?`. Names cannot hold "?".
const suggestion = / ?Did you mean [^?]*\?/g;

/** A message without graphql-js's suggestions. */
export function withoutSuggestions(message: string): string {
  return message.replace(suggestion, '');
}

/** Wraps a formatError so that no message it returns carries a suggestion. */
export function hidingSuggestions(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const out = format(formatted, error);
    const message = withoutSuggestions(out.message);
    return message === out.message ? out : { ...out, message };
  };
}
