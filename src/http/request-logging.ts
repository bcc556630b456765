/** Request logging: pino-http with our request ids, redaction and log levels. */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { redactRequest, type Logger } from '../logger.js';

/** Incoming request ids we keep: short, printable, no spaces or quotes. */
const saneRequestId = /^[\w.:+/=-]{1,128}$/;

/** The request id to use: an incoming sane x-request-id is kept, anything else replaced by a random one. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && saneRequestId.test(incoming) ? incoming : randomUUID();
}

/** pino-http with our request ids (echoed in x-request-id); probes are not logged. */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    // Keys sent in the URL (?api_key=...) or an unusual header never reach a log line.
    serializers: { req: redactRequest },
    quietReqLogger: true,
    genReqId(req, res) {
      const id = requestIdOf(req.headers['x-request-id']);
      // Set on the request too, so Apollo plugins (errorLoggingPlugin) see the same id.
      req.headers['x-request-id'] = id;
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel(_req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    // Load balancers poll these every few seconds; readiness changes are logged by the probe.
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
  });
}
