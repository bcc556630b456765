/**
 * The process's structured logger: JSON lines on stdout (one object per event), with
 * credentials redacted wherever they could appear: headers, URLs and query strings,
 * and any text that quotes them.
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

/** What a redacted value is replaced with. */
export const censor = '[redacted]';

/** Query-string parameters whose values are credentials (api_key=..., ?token=...). */
const secretParameter = /^(?:api[-_]?key|key|token|access[-_]?token|id[-_]?token|refresh[-_]?token|auth|authorization|password|secret|client[-_]?secret)$/i;
/** Header names whose values are credentials, beyond the ones redactedPaths names. */
const secretHeader = /authorization|cookie|token|api[-_]?key|secret|password|session/i;

/**
 * Credentials inside free text (an error message quoting a URL or a header, a URL in any
 * field): API keys by their shape, Authorization values, credential parameters and the
 * user:password of a URL. Applied to every line as it is written, whatever logged it.
 */
const secretsInText: readonly [RegExp, string][] = [
  // Our own keys: the id may stay (it names the key in lists and the audit trail), never the secret.
  [/dgk_([0-9a-f]{12})_[A-Za-z0-9_-]+/g, `dgk_$1_${censor}`],
  [/\b(Bearer)(\s+|%20|\+)[^\s"'\\&,;]+/gi, `$1$2${censor}`],
  [/\b(Basic)(\s+|%20|\+)[A-Za-z0-9+/=]{8,}/g, `$1$2${censor}`],
  [/([?&;]|\b)(api[-_]?key|access[-_]?token|refresh[-_]?token|id[-_]?token|token|key|password|secret|client[-_]?secret)=[^&\s"'\\#]+/gi, `$1$2=${censor}`],
  [/(\/\/)[^/\s:@"]+:[^/\s@"]+@/g, `$1${censor}@`],
];

/** `text` with every credential secretsInText recognises replaced by the censor. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of secretsInText) out = out.replace(pattern, replacement);
  return out;
}

/** A request URL (path and query) with the values of credential parameters replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return redactText(url);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: judge the name as sent.
      }
      return eq >= 0 && secretParameter.test(decoded.trim()) ? `${name}=${censor}` : pair;
    })
    .join('&');
  return redactText(`${url.slice(0, at)}?${query}`);
}

/**
 * pino-http's request serializer, applied to what the standard one made of a request:
 * the URL and the parsed query without credential values, and every credential-like
 * header blanked (x-auth-token, api-key, ... as well as those redactedPaths names).
 */
export function redactRequest<T extends { url?: unknown; query?: unknown; headers?: unknown }>(req: T): T {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  if (req.query && typeof req.query === 'object') {
    req.query = Object.fromEntries(Object.entries(req.query as Record<string, unknown>).map(([k, v]) => [k, secretParameter.test(k) ? censor : v]));
  }
  if (req.headers && typeof req.headers === 'object') {
    req.headers = Object.fromEntries(Object.entries(req.headers as Record<string, unknown>).map(([k, v]) => [k, secretHeader.test(k) ? censor : v]));
  }
  return req;
}

/**
 * Creates the root logger at the configured level. Tests pass a destination to
 * collect the lines; everyone else writes to stdout.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'diplograph' },
    redact: { paths: [...redactedPaths], censor },
    // The last line of defence: whatever a line says (an error quoting a URL or a
    // header), credentials are blanked before it is written.
    hooks: { streamWrite: redactText },
    // Epoch milliseconds are cheap; any log shipper can turn them into dates.
    timestamp: pino.stdTimeFunctions.epochTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
