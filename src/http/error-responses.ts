/**
 * The answers of requests Apollo never sees: unknown paths (404), body-parsing failures
 * (413, bad JSON) and anything thrown in Express middleware (logged, then masked).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../graphql/errors.js';

/** The GraphQL-shaped body of errors raised before Apollo sees the request. */
export function errorBody(message: string, code: ErrorCode): { errors: { message: string; extensions: { code: ErrorCode } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}

/** The last route: nothing else answered, so the path is unknown. */
export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: `Nothing at ${req.method} ${req.path}` } });
  };
}

/** Errors from body parsing (413, bad JSON) as JSON; anything else is logged and masked. */
export function httpErrorHandler(bodyLimit: string): ErrorRequestHandler {
  return (err: { type?: string; status?: number; expose?: boolean; message?: string }, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') {
      res.status(413).json(errorBody(`Request body is larger than the limit of ${bodyLimit} (BODY_LIMIT)`, ErrorCode.PAYLOAD_TOO_LARGE));
    } else if (err.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('Request body is not valid JSON', ErrorCode.BAD_REQUEST));
    } else if (typeof err.status === 'number' && err.status >= 400 && err.status < 500 && err.expose) {
      res.status(err.status).json(errorBody(err.message ?? 'Bad request', ErrorCode.BAD_REQUEST));
    } else {
      req.log.error({ err }, 'unhandled error in HTTP request');
      res.status(500).json(errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR));
    }
  };
}
