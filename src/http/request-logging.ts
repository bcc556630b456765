/**
 * Request logging: the lines pino-http wrote, with our request ids, redaction and log
 * levels, built only when a line is written. pino-http made every request's
 * `child({ req })` up front, which serialises and redacts the request's headers at once
 * (about a tenth of a bare request's CPU, decision 0064); at LOG_LEVEL=warn no line of
 * a 2xx answer is ever written. The lines are the same: `request completed` or
 * `request errored` with reqId, req, res and responseTime.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pino } from 'pino';
// The declarations of req.id and req.log (the same fields pino-http sets).
import type {} from 'pino-http';
import { redactRequest, type Logger } from '../logger.js';

/** Incoming request ids we keep: short, printable, no spaces or quotes. */
const saneRequestId = /^[\w.:+/=-]{1,128}$/;

/** The request id to use: an incoming sane x-request-id is kept, anything else replaced by a random one. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && saneRequestId.test(incoming) ? incoming : randomUUID();
}

type Level = 'info' | 'warn' | 'error';

/** The level of a request's line: errors and 5xx at error, 4xx at warn, the rest at info. */
function levelOf(res: ServerResponse, err: Error | undefined): Level {
  if (err || res.statusCode >= 500) return 'error';
  return res.statusCode >= 400 ? 'warn' : 'info';
}

/** Load balancers poll these every few seconds; readiness changes are logged by the probe. */
const isProbe = (req: IncomingMessage): boolean => req.url === '/health' || req.url === '/ready';

/** Request ids (echoed in x-request-id), req.log with the id, and one line per answered request; probes are not logged. */
export function requestLogging(logger: Logger): RequestHandler {
  const { wrapRequestSerializer, wrapResponseSerializer, wrapErrorSerializer, res: resSerializer, err: errSerializer } = pino.stdSerializers;
  // Keys sent in the URL (?api_key=...) or an unusual header never reach a log line. The
  // serializers are pino-http's: the standard ones wrapped (they take the raw objects and
  // hand the custom ones what the standard ones made), ours for the request.
  const http = logger.child(
    {},
    {
      serializers: {
        req: wrapRequestSerializer(redactRequest),
        res: wrapResponseSerializer(resSerializer as never),
        err: wrapErrorSerializer(errSerializer as never),
      },
    },
  );
  return (req, res, next) => {
    const id = requestIdOf(req.headers['x-request-id']);
    // Set on the request too, so Apollo plugins (errorLoggingPlugin) see the same id.
    req.headers['x-request-id'] = id;
    res.setHeader('x-request-id', id);
    req.id = id;
    const log = http.child({ reqId: id });
    req.log = log;
    if (isProbe(req)) return next();
    const started = Date.now();
    const done = (err?: Error): void => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      res.removeListener('error', done);
      const error = err ?? res.err;
      const level = levelOf(res, error);
      if (!log.isLevelEnabled(level)) return;
      // Only now the request is serialised (and redacted), for the line that is written.
      const line = log.child({ req });
      const responseTime = Date.now() - started;
      if (error || res.statusCode >= 500) {
        line[level]({ res, err: error ?? new Error(`failed with status code ${res.statusCode}`), responseTime }, 'request errored');
      } else {
        line[level]({ res, responseTime }, 'request completed');
      }
    };
    res.on('close', done);
    res.on('finish', done);
    res.on('error', done);
    next();
  };
}
