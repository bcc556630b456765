/**
 * The request log builds its lines only when they are written (decision 0064): they must
 * be the lines pino-http wrote with the configuration it replaced, field for field, at
 * every status, with credentials redacted; at warn, no line for a 2xx answer.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestIdOf, requestLogging } from '../../src/http/request-logging.js';
import { createLogger, redactRequest, type Logger } from '../../src/logger.js';

/** The middleware as it was: pino-http with our ids, redaction and levels. */
function pinoHttpAsBefore(logger: Logger): express.RequestHandler {
  return pinoHttp({
    logger,
    serializers: { req: redactRequest },
    quietReqLogger: true,
    genReqId(req, res) {
      const id = requestIdOf(req.headers['x-request-id']);
      req.headers['x-request-id'] = id;
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel(_req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
  }) as express.RequestHandler;
}

async function serve(level: string, middleware: (l: Logger) => express.RequestHandler) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ logLevel: level as 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const app = express();
  app.use(middleware(logger));
  app.get('/health', (_req, res) => void res.json({ ok: true }));
  app.get('/ok', (req, res) => {
    req.log.info({ step: 1 }, 'inside');
    res.json({ ok: true });
  });
  app.get('/missing', (_req, res) => void res.status(404).json({ error: 'no' }));
  app.get('/boom', (_req, res) => void res.status(500).send('boom'));
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { lines, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A line without what differs between two runs (time, duration, the ephemeral port, the frames of the error made for a 5xx). */
const comparable = (l: Record<string, unknown>) => {
  const { time: _t, responseTime, ...rest } = l;
  const err = rest['err'] as { stack?: string } | undefined;
  if (err?.stack) rest['err'] = { ...err, stack: err.stack.split('\n')[0] };
  const req = rest['req'] as { remotePort?: number; headers?: Record<string, string> } | undefined;
  const res = rest['res'] as { headers?: Record<string, string> } | undefined;
  return JSON.parse(
    JSON.stringify({
      ...rest,
      ...(responseTime === undefined ? {} : { responseTime: typeof responseTime }),
      ...(req ? { req: { ...req, remotePort: typeof req.remotePort, headers: { ...req.headers, host: 'h' } } } : {}),
      ...(res ? { res: { ...res, headers: { ...res.headers, date: 'd', etag: 'e' } } } : {}),
    }),
  ) as Record<string, unknown>;
};

async function run(level: string, middleware: (l: Logger) => express.RequestHandler) {
  const s = await serve(level, middleware);
  try {
    for (const [path, id] of [
      ['/ok?api_key=s3cret&x=1', 'r-ok'],
      ['/missing', 'r-404'],
      ['/boom', 'r-500'],
      ['/health', 'r-health'],
    ] as const) {
      const res = await fetch(`${s.url}${path}`, { headers: { 'x-request-id': id, authorization: 'Bearer s3cret', cookie: 'a=s3cret' } });
      await res.text();
      expect(res.headers.get('x-request-id')).toBe(id);
    }
    const insane = await fetch(`${s.url}/ok`, { headers: { 'x-request-id': 'x y' } });
    expect(insane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    return s.lines.filter((l) => l['reqId'] !== insane.headers.get('x-request-id')).map(comparable);
  } finally {
    await s.close();
  }
}

describe('request logging', () => {
  let before: Record<string, unknown>[];
  let now: Record<string, unknown>[];
  beforeAll(async () => {
    before = await run('info', pinoHttpAsBefore);
    now = await run('info', requestLogging);
  });

  it("writes pino-http's lines, field for field, at 200, 404 and 500, and none for probes", () => {
    expect(now).toEqual(before);
    expect(now.map((l) => [l['reqId'], l['msg'], l['level']])).toEqual([
      ['r-ok', 'inside', 30],
      ['r-ok', 'request completed', 30],
      ['r-404', 'request completed', 40],
      ['r-500', 'request errored', 50],
    ]);
  });

  it('never writes the credentials', () => {
    const text = JSON.stringify(now);
    expect(text).not.toContain('s3cret');
    expect(text).toContain('[redacted]');
  });

  it('at warn writes the 404 and the 500, nothing for the 200', async () => {
    const atWarn = await run('warn', requestLogging);
    expect(atWarn.map((l) => [l['reqId'], l['msg']])).toEqual([
      ['r-404', 'request completed'],
      ['r-500', 'request errored'],
    ]);
    expect(atWarn).toEqual((await run('warn', pinoHttpAsBefore)));
  });
});
