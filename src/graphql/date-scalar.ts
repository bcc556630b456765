/** The Date scalar: YYYY, YYYY-MM or YYYY-MM-DD, checked against the calendar. */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidPartialDate } from '../seed/seed-schema.js';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isValidPartialDate(value)) {
    throw new GraphQLError(`Date must be YYYY, YYYY-MM or YYYY-MM-DD and a real calendar date (got ${JSON.stringify(value)})`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A date at the precision the source gives. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.',
  serialize: (v) => String(v),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
