/**
 * The Apollo plugin that enforces key scopes once the operation is known, before
 * anything runs: mutations need a write-scoped key; queries need a key only when
 * READS_REQUIRE_KEY is set. The caller's principal (and, when a key was sent but not
 * accepted, the reason) comes from the context.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../graphql/errors.js';
import type { Principal } from './principal.js';

/** The error for a request that needs an API key and has none (HTTP 401). */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** The error for a key whose scope does not allow the operation (HTTP 403). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}

/** What the access checks read from a GraphQL context. */
export interface AccessContext {
  principal?: Principal | null;
  /** Why the key sent was refused; null when none was sent. */
  authFailure?: string | null;
}

/** Checks that a principal may write; throws UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireWriteKey(principal: Principal | null | undefined, authFailure?: string | null): Principal {
  if (!principal) throw unauthenticated(authFailure ?? 'Writing needs an API key with write scope: send "Authorization: Bearer <API key>"');
  if (principal.scope !== 'write') throw forbidden(`The API key ${principal.keyId} (${principal.name}) has read scope; writing needs a write key`);
  return principal;
}

/** Checks that there is a principal at all (any scope); throws UNAUTHENTICATED otherwise. */
export function requireKey(principal: Principal | null | undefined, what: string, authFailure?: string | null): Principal {
  if (!principal) throw unauthenticated(authFailure ?? `${what} needs an API key: send "Authorization: Bearer <API key>"`);
  return principal;
}

/** The plugin; `readsRequireKey` is config.auth.readsRequireKey. */
export function accessPlugin(readsRequireKey: boolean): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const { principal, authFailure } = contextValue as AccessContext;
          if (operation?.operation === 'mutation') requireWriteKey(principal, authFailure);
          else if (readsRequireKey) requireKey(principal, 'This server is configured so that reading (READS_REQUIRE_KEY)', authFailure);
        },
      };
    },
  };
}
