/**
 * Express middleware that turns an `Authorization: Bearer <API key>` header into the
 * request's principal (res.locals.principal; null without a valid key). A header that
 * is not a valid, unrevoked key leaves the request anonymous and says why in
 * res.locals.authFailure: public reads are still answered, and whatever needs a key
 * (writes, reads under READS_REQUIRE_KEY) is refused with that reason. The key is
 * never logged.
 */
import type { RequestHandler } from 'express';
import type { Driver } from 'neo4j-driver';
import { ErrorCode, overloadedMessage } from '../graphql/errors.js';
import { neo4jErrorKind } from '../neo4j/errors.js';
import { verifyApiKey } from './api-keys.js';
import type { Principal } from './principal.js';

const BEARER = /^Bearer +(\S+) *$/i;

/** The principal the middleware attached to a response's locals. */
export function principalOf(locals: Record<string, unknown>): Principal | null {
  return (locals.principal as Principal | null | undefined) ?? null;
}

/** Why a key sent with the request was not accepted (null when none was sent, or it was valid). */
export function authFailureOf(locals: Record<string, unknown>): string | null {
  return (locals.authFailure as string | null | undefined) ?? null;
}

function refuse(res: Parameters<RequestHandler>[1], status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The middleware: verify keys against the :ApiKey nodes in `database`, each lookup within `transactionTimeoutMs`. */
export function authenticate(driver: Driver, database: string, transactionTimeoutMs?: number): RequestHandler {
  return async (req, res, next) => {
    res.locals.principal = null;
    res.locals.authFailure = null;
    const header = req.headers.authorization;
    if (header === undefined || header === '') return next();
    const match = BEARER.exec(header);
    if (!match) {
      res.locals.authFailure = 'The Authorization header must be "Bearer <API key>"';
      return next();
    }
    let principal: Principal | null;
    try {
      principal = await verifyApiKey(driver, database, match[1]!, transactionTimeoutMs);
    } catch (err) {
      const kind = neo4jErrorKind(err);
      if (kind === 'unavailable') {
        refuse(res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'Neo4j is unavailable; try again shortly');
        return;
      }
      // Busy, not down: every connection in use, or the lookup ran past its timeout.
      if (kind === 'overloaded' || kind === 'timeout') {
        res.setHeader('retry-after', '2');
        refuse(res, 503, ErrorCode.OVERLOADED, overloadedMessage);
        return;
      }
      next(err);
      return;
    }
    if (!principal) {
      res.locals.authFailure = 'Unknown or revoked API key';
      return next();
    }
    res.locals.principal = principal;
    req.log?.info({ keyId: principal.keyId, scope: principal.scope }, 'authenticated');
    next();
  };
}

/** Why a request without a valid key is refused under READS_REQUIRE_KEY (the access plugin says the same). */
export const readsRequireKeyMessage = 'This server is configured so that reading (READS_REQUIRE_KEY) needs an API key: send "Authorization: Bearer <API key>"';

/**
 * With READS_REQUIRE_KEY, answers 401 to every GraphQL request without a valid key
 * before Apollo parses or validates it: an anonymous client learns nothing about the
 * schema, not even from the errors of a misspelled operation. Without it, passes.
 */
export function requireKeyBeforeParsing(readsRequireKey: boolean): RequestHandler {
  return (req, res, next) => {
    if (!readsRequireKey || req.method === 'OPTIONS' || principalOf(res.locals)) return next();
    res.setHeader('www-authenticate', 'Bearer');
    refuse(res, 401, ErrorCode.UNAUTHENTICATED, authFailureOf(res.locals) ?? readsRequireKeyMessage);
  };
}
