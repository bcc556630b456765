/**
 * A write the API refuses because of its input, naming the argument path at fault
 * (`input.evidence`, `input.participants[0].actor`, `source`). Resolvers turn it into
 * BAD_USER_INPUT; nothing has been written when it is thrown.
 */
export class WriteInputError extends Error {
  override name = 'WriteInputError';
  constructor(
    readonly argumentName: string,
    message: string,
  ) {
    super(message);
  }
}
