/**
 * The process's structured logger: JSON lines on stdout (one object per event), with
 * credentials redacted wherever they could appear.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/**
 * Paths pino blanks out before a line is written: request credentials (pino-http logs
 * request and response headers) and anything called password or credentials one or
 * two levels down (a driver auth token, a configuration object logged by mistake).
 */
export const redactedPaths: readonly string[] = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.*.password',
  'credentials',
  '*.credentials',
  '*.*.credentials',
];

/**
 * Creates the root logger at the configured level. Tests pass a destination to
 * collect the lines; everyone else writes to stdout.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'diplograph' },
    redact: { paths: [...redactedPaths], censor: '[redacted]' },
    // Epoch milliseconds are cheap; any log shipper can turn them into dates.
    timestamp: pino.stdTimeFunctions.epochTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
