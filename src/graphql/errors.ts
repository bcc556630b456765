/**
 * The one error path of the GraphQL API: the codes clients see, the constructors
 * resolvers use, and formatError, which turns anything thrown into an answer that
 * never shows Cypher, parameters, hostnames or stack traces.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode, ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger.js';
import { neo4jErrorKind, type Neo4jErrorKind } from '../neo4j/errors.js';

/** The codes carried in `extensions.code` of errors diplograph raises itself. */
export enum ErrorCode {
  /** An id that names nothing; the field is null. */
  NOT_FOUND = 'NOT_FOUND',
  /** An argument the API cannot use; `extensions.argumentName` names it. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** Neo4j did not answer; the request may succeed if repeated shortly. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /**
   * Neo4j answered but the operation needed more memory or time than its transaction
   * limits allow at the moment (often because heavy operations run at once); the request
   * may succeed if repeated later, or if it asks for less.
   */
  DATABASE_LIMIT_REACHED = 'DATABASE_LIMIT_REACHED',
  /**
   * The server or Neo4j is busy (every connection in use, the queue for expensive
   * operations full, or Neo4j's own request limits): not an outage; repeat after
   * `Retry-After` seconds when the answer carries it.
   */
  OVERLOADED = 'OVERLOADED',
  /** The operation ran longer in Neo4j than NEO4J_TX_TIMEOUT allows; ask for less (a smaller depth, limit or page). */
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  /** This client has too many expensive operations running or started this minute (HTTP 429, with Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A fault on our side; the details are in the server log, under the request id. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The operation nests selections deeper than GRAPHQL_MAX_DEPTH. */
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /** The operation uses more aliases than GRAPHQL_MAX_ALIASES. */
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  /** The operation's estimated cost exceeds GRAPHQL_MAX_COST. */
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  /** The operation uses more directives than GRAPHQL_MAX_DIRECTIVES. */
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  /** The operation text has more tokens than GRAPHQL_MAX_TOKENS. */
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  /** The request body is larger than BODY_LIMIT (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** The HTTP request itself is malformed (bad JSON, unknown path). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** No API key where one is needed, or a key that is unknown, malformed or revoked (HTTP 401). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** A valid API key whose scope does not allow the operation (a read key used to write). */
  FORBIDDEN = 'FORBIDDEN',
}

/** The codes of the operation limits in src/graphql/limits.ts. */
export type LimitCode =
  | ErrorCode.QUERY_TOO_DEEP
  | ErrorCode.TOO_MANY_ALIASES
  | ErrorCode.QUERY_TOO_COSTLY
  | ErrorCode.TOO_MANY_DIRECTIVES
  | ErrorCode.TOO_MANY_TOKENS;

const limitCodes: ReadonlySet<string> = new Set<LimitCode>([
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.QUERY_TOO_COSTLY,
  ErrorCode.TOO_MANY_DIRECTIVES,
  ErrorCode.TOO_MANY_TOKENS,
]);

/** Codes whose message was written for clients: ours, and Apollo's request-level ones. */
const clientCodes: ReadonlySet<string> = new Set<string>([
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.PAYLOAD_TOO_LARGE,
  ErrorCode.BAD_REQUEST,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.OVERLOADED,
  ErrorCode.RATE_LIMITED,
  ...limitCodes,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerValidationErrorCode.INTROSPECTION_DISABLED,
  ApolloServerValidationErrorCode.MAX_RECURSIVE_SELECTIONS_EXCEEDED,
]);

/** What clients are told when Neo4j does not answer. */
export const unavailableMessage = 'Neo4j is unavailable; try again shortly';
/** What clients are told about anything not meant for them. */
export const internalMessage = 'Internal server error';

/** What clients are told when every Neo4j connection is busy or Neo4j refuses more work. */
export const overloadedMessage = 'The server is busy (Neo4j is answering other requests); try again in a few seconds';

/** What clients are told when their operation ran past the transaction timeout. */
export const timeoutMessage =
  'The operation ran longer in Neo4j than the server allows (NEO4J_TX_TIMEOUT); ask for less (a smaller depth, limit or page, fewer aliases)';

/** The message of DATABASE_LIMIT_REACHED. */
export const limitReachedMessage =
  "Neo4j ran out of memory or time for this operation (its per-transaction limits); try again later, or ask for less (a page, a date, fewer actors)";

/** The error for an id that names nothing: resolvers throw it and the field becomes null. */
export function notFound(kind: string, id: string): GraphQLError {
  return new GraphQLError(`No ${kind} with id "${id}"`, {
    extensions: { code: ErrorCode.NOT_FOUND, kind, id },
  });
}

/** The error for an argument the API cannot use; the message says what is wrong with it. */
export function badInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName },
  });
}

/** The error for an operation over one of the limits; `limit` names the setting and its value. */
export function limitExceeded(
  code: LimitCode,
  message: string,
  limit: { setting: string; max: number; found?: number },
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit } });
}

/** How formatError treats an error: shown as is, as Neo4j being unavailable or at its limits, or masked. */
export type ErrorDisposition = 'client' | 'unavailable' | 'overloaded' | 'timeout' | 'limit' | 'internal';

/** Decides how an error thrown anywhere in an operation is shown to the client. */
export function errorDisposition(error: unknown): ErrorDisposition {
  const original = unwrapResolverError(error);
  if (isGraphQLError(original)) {
    const code = original.extensions['code'];
    if (typeof code === 'string' && clientCodes.has(code)) return 'client';
  }
  const kinds = causes(original).map((e) => neo4jErrorKind(e));
  if (kinds.includes('unavailable')) return 'unavailable';
  if (kinds.includes('overloaded')) return 'overloaded';
  if (kinds.includes('timeout')) return 'timeout';
  return kinds.includes('resources') ? 'limit' : 'internal';
}

/**
 * Whether a value is a GraphQLError, by its toStringTag rather than instanceof: graphql
 * ships CommonJS and ESM builds, and both can be loaded in one process (under vitest our
 * code gets the ESM build while Apollo gets the CommonJS one).
 */
function isGraphQLError(value: unknown): value is GraphQLError {
  return Object.prototype.toString.call(value) === '[object GraphQLError]';
}

/** What a resolver threw, for an error graphql-js wrapped with the field's path (Apollo's unwrapResolverError, without instanceof). */
function unwrapResolverError(error: unknown): unknown {
  return isGraphQLError(error) && error.path && error.originalError ? error.originalError : error;
}

/** The error and what it wraps (originalError, cause), a few levels deep. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 5 && !chain.includes(current)) {
    chain.push(current);
    const e = current as { originalError?: unknown; cause?: unknown };
    current = e.originalError ?? e.cause;
  }
  return chain;
}

// graphql 16 writes "more that"; accept the corrected spelling too.
const tooManyTokens = /Document contains more (?:that|than) (\d+) tokens/;

/**
 * Apollo's formatError: client errors keep their message and code (a limit keeps its own
 * code rather than Apollo's generic GRAPHQL_VALIDATION_FAILED); an unreachable Neo4j
 * becomes SERVICE_UNAVAILABLE; Neo4j's transaction memory or time limit
 * DATABASE_LIMIT_REACHED; everything else becomes "Internal server error" (the
 * logging plugin below records the real error). Stack traces never leave the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  switch (errorDisposition(error)) {
    case 'unavailable':
      return { message: unavailableMessage, ...where, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
    case 'overloaded':
      return { message: overloadedMessage, ...where, extensions: { code: ErrorCode.OVERLOADED } };
    case 'timeout':
      return { message: timeoutMessage, ...where, extensions: { code: ErrorCode.QUERY_TIMEOUT } };
    case 'limit':
      return { message: limitReachedMessage, ...where, extensions: { code: ErrorCode.DATABASE_LIMIT_REACHED } };
    case 'internal':
      return { message: internalMessage, ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    case 'client':
      break;
  }
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  const limitCode = originalLimitCode(error);
  if (limitCode) return { ...formatted, extensions: { ...extensions, code: limitCode } };
  const tokens = extensions['code'] === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED ? tooManyTokens.exec(formatted.message) : null;
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      message: `Query has too many tokens: the limit is ${max} (GRAPHQL_MAX_TOKENS); parsing stopped there`,
      extensions: { code: ErrorCode.TOO_MANY_TOKENS, limit: { setting: 'GRAPHQL_MAX_TOKENS', max } },
    };
  }
  return { ...formatted, extensions };
}

/** The limit code of an error raised by a limit rule, which Apollo wraps as a validation error. */
function originalLimitCode(error: unknown): LimitCode | undefined {
  for (const e of causes(error)) {
    const code = isGraphQLError(e) ? e.extensions['code'] : undefined;
    if (typeof code === 'string' && limitCodes.has(code)) return code as LimitCode;
  }
  return undefined;
}

/**
 * Logs what formatError hides, with its context: the operation name, the field path and
 * the request id (the x-request-id header, which the HTTP layer always sets). Internal
 * errors are logged in full at error level; an unreachable Neo4j once per request at warn.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<BaseContext> {
  return {
    async contextCreationDidFail({ error }) {
      logger.error({ err: error }, 'creating the GraphQL context failed');
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      const requestId = requestContext.request.http?.headers.get('x-request-id');
      logger.error({ err: error, reqId: requestId }, 'unexpected error processing a GraphQL request');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors(requestContext) {
          const requestId = requestContext.request.http?.headers.get('x-request-id');
          const operationName = requestContext.operationName ?? requestContext.request.operationName ?? null;
          let unavailableLogged = false;
          for (const error of requestContext.errors) {
            const disposition = errorDisposition(error);
            const context = { reqId: requestId, operationName, path: error.path?.join('.') };
            // The driver's message of the Neo4j error behind a disposition, for the log.
            const neo4jMessage = (kind: Neo4jErrorKind) => (causes(unwrapResolverError(error)).find((e) => neo4jErrorKind(e) === kind) as Error | undefined)?.message;
            if (disposition === 'internal') {
              logger.error({ ...context, err: unwrapResolverError(error) }, 'GraphQL operation failed: internal error');
            } else if (disposition === 'overloaded' || disposition === 'timeout') {
              logger.warn({ ...context, neo4j: neo4jMessage(disposition) }, `GraphQL operation failed: Neo4j ${disposition === 'timeout' ? 'transaction timed out' : 'overloaded'}`);
            } else if (disposition === 'limit') {
              logger.warn({ ...context, neo4j: neo4jMessage('resources') }, 'GraphQL operation failed: Neo4j transaction limit reached');
            } else if (disposition === 'unavailable' && !unavailableLogged) {
              unavailableLogged = true;
              logger.warn({ ...context, neo4j: neo4jMessage('unavailable') }, 'GraphQL operation failed: Neo4j unavailable');
            }
          }
        },
      };
    },
  };
}
